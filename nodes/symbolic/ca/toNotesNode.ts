/** The `ca.to-notes` node: reads a CA history as a melody, chords or a rhythm in a scale. */
import { defineNode } from '../../../src/engine/node';
import { createSequence } from '../../../src/music/noteSequence';
import { makeScale } from '../../../src/music/theory';
import { MELODY_PICKS, NOTE_MODES, stepPitches, stepsToNotes, type StepMapping } from './caToNotes';
import { frameShape, resolveWindow, stepProfile } from './frames';

/** The default scale when none is connected: C major pentatonic (no dissonant half steps). */
export const DEFAULT_CA_SCALE = makeScale('C', 'major pentatonic');

/** Maps a grid to notes: each row is a time step, live cells are scale degrees (low cell = low pitch). */
export const caToNotesNode = defineNode({
  type: 'ca.to-notes',
  title: 'CA → notes',
  category: 'symbolic',
  doc: 'Turns a cellular-automaton history into music the way early CA composers did (Miranda\'s '
    + 'CAMUS, 1993; WolframTones, 2005): each grid row is one time step, and the cells of a window '
    + 'of columns are spread over the degrees of a scale, left (low) to right (high). Melody mode '
    + 'plays one note per step — the lowest, highest or middle live cell, the number of live cells, '
    + 'or the window read as a binary number (a good match for rule 30\'s random-looking centre). '
    + 'Chords mode sounds every live cell (up to a voice limit, spread evenly); rhythm mode plays a '
    + 'fixed pitch whenever any cell in the window is alive. Steps with nothing alive are rests. '
    + 'With a 2D life grid, connect ca.life\'s height: each generation then becomes the live count '
    + 'of every frame row, bottom row lowest.',
  inputs: {
    grid: { type: 'grid', doc: 'A CA history (one row per step).' },
    scale: { type: 'scale', optional: true, doc: 'Scale the cells map to (default C major pentatonic).' },
    height: { type: 'number', optional: true, doc: 'Frame height of a 2D history (from ca.life).' },
  },
  outputs: {
    notes: { type: 'notes' },
  },
  params: {
    mode: { kind: 'enum', options: NOTE_MODES, default: 'melody', doc: 'One note per step, all live cells, or hits on one pitch.' },
    pick: { kind: 'enum', options: MELODY_PICKS, default: 'centroid', doc: 'Melody mode: which cell or statistic chooses the note.' },
    windowStart: { kind: 'int', default: 0, min: 0, max: 4095, doc: 'First column read.' },
    windowWidth: { kind: 'int', default: 0, min: 0, max: 4096, doc: 'Columns read (0 = to the last column).' },
    degrees: { kind: 'int', default: 15, min: 1, max: 60, doc: 'Scale degrees the window spans (15 = three octaves of a pentatonic scale).' },
    octave: { kind: 'int', default: 3, min: 0, max: 8, doc: 'Octave of the lowest note (the scale\'s tonic; 4 = middle C\'s octave).' },
    maxVoices: { kind: 'int', default: 4, min: 1, max: 16, doc: 'Chords mode: most notes per step.' },
    hitPitch: { kind: 'int', default: 60, min: 0, max: 127, doc: 'Rhythm mode: the pitch played.' },
    stepDuration: { kind: 'float', default: 0.25, min: 0.0625, max: 8, step: 0.0625, unit: 'beats', doc: 'Length of one step (0.25 = a sixteenth note).' },
    velocity: { kind: 'float', default: 0.8, min: 0.05, max: 1, step: 0.05, doc: 'Loudness of every note.' },
    tie: { kind: 'bool', default: true, doc: 'Melody mode: join a repeated pitch into one longer note.' },
  },
  run: ({ grid, scale, height }, p) => {
    const node = 'ca.to-notes';
    const shape = frameShape(grid, height, node);
    const profileLength = shape.height === 1 ? shape.width : shape.height;
    const useScale = scale ?? DEFAULT_CA_SCALE;
    const mapping: StepMapping = {
      mode: p.mode,
      pick: p.pick,
      window: resolveWindow(p.windowStart, p.windowWidth, profileLength, node),
      scale: useScale,
      root: useScale.pitchClasses[0] + 12 * (p.octave + 1),
      degrees: p.degrees,
      maxVoices: p.maxVoices,
      hitPitch: p.hitPitch,
    };
    const steps = Array.from({ length: grid.steps }, (_, t) => stepPitches(stepProfile(grid, t, shape), mapping));
    const notes = stepsToNotes(steps, p.stepDuration, p.velocity, p.tie && p.mode === 'melody');
    return {
      outputs: { notes: createSequence(notes, { length: grid.steps * p.stepDuration }) },
      previews: [{ kind: 'pianoroll', title: `${p.mode} from ${grid.steps} steps`, port: 'notes' }],
    };
  },
});
