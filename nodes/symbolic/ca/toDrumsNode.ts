/** The `ca.to-drums` node: a CA history as a General MIDI drum pattern. */
import { defineNode } from '../../../src/engine/node';
import type { NoteSequence, VoiceInfo } from '../../../src/engine/values';
import { createSequence } from '../../../src/music/noteSequence';
import { gridToDrumNotes, parseDrumList } from './caToDrums';
import { frameShape, laneIndices } from './frames';

const DRUM_VOICE: VoiceInfo = { name: 'CA drums', drums: true };

/** Maps K columns (1D) or K frame rows (2D) of a grid to K drums. */
export const caToDrumsNode = defineNode({
  type: 'ca.to-drums',
  title: 'CA → drums',
  category: 'symbolic',
  doc: 'Turns a cellular automaton into a drum pattern. From a 1D history, each row is a step and K '
    + 'chosen columns are K drum lanes: a live cell is a hit. From a 2D life history (connect ca.life\'s '
    + 'height), each generation is one bar of a step sequencer, W steps wide, and K frame rows are the '
    + 'lanes, the way Game-of-Life step sequencers play a board. '
    + 'A hit is louder when more of its neighbours are alive, so dense regions accent and lone cells '
    + 'ghost. Drums are General MIDI keys or names: 36 kick, 38 snare, 39 clap, 42 closed hat, '
    + '46 open hat, 49 crash, 51 ride; the output is one drum voice for instrument.drums.',
  inputs: {
    grid: { type: 'grid', doc: 'A CA history.' },
    height: { type: 'number', optional: true, doc: 'Frame height of a 2D history (from ca.life).' },
  },
  outputs: {
    notes: { type: 'notes', doc: 'Drum hits on voice 0, marked as a drum track.' },
  },
  params: {
    drums: { kind: 'text', default: 'kick snare hat open-hat', doc: 'One drum per lane: GM keys (36 38 42 46) or names.' },
    lanes: { kind: 'text', default: '', doc: 'Column (1D) or frame-row (2D) index per drum, e.g. "3 10 17 24"; empty = evenly spaced.' },
    stepDuration: { kind: 'float', default: 0.25, min: 0.0625, max: 4, step: 0.0625, unit: 'beats', doc: 'Length of one step (0.25 = a sixteenth note).' },
    minVelocity: { kind: 'float', default: 0.4, min: 0.05, max: 1, step: 0.05, doc: 'Velocity of a hit with no live neighbours.' },
  },
  run: ({ grid, height }, p) => {
    const node = 'ca.to-drums';
    const shape = frameShape(grid, height, node);
    const drums = parseDrumList(p.drums, node);
    const laneCount = shape.height === 1 ? shape.width : shape.height;
    const lanes = laneIndices(p.lanes, drums.length, laneCount, node);
    const notes = gridToDrumNotes(grid, { shape, lanes, drums, stepDuration: p.stepDuration, minVelocity: p.minVelocity });
    const totalSteps = grid.steps * (shape.height === 1 ? 1 : shape.width);
    const sequence: NoteSequence = { ...createSequence(notes, { length: totalSteps * p.stepDuration }), voices: [DRUM_VOICE] };
    return {
      outputs: { notes: sequence },
      previews: [{ kind: 'pianoroll', title: `${drums.length} drum lanes`, port: 'notes' }],
    };
  },
});
