/** The `rhythm.euclid` node: Euclidean rhythms E(k, n) repeated over a length in beats. */
import { defineNode } from '../../src/engine/node';
import type { Note, NoteSequence } from '../../src/engine/values';
import { createSequence } from '../../src/music/noteSequence';
import { bjorklund, patternText, rotatePattern } from './bjorklund';

/** Options of `euclidNotes`. */
export interface EuclidOptions {
  pattern: readonly boolean[];
  pitch: number;
  stepDuration: number;
  velocity: number;
  /** Added to the velocity of the first step of every cycle when it is an onset. */
  accent: number;
  /** Beats to fill; the pattern repeats and the last cycle is cut. */
  length: number;
}

/** Notes of a repeating onset pattern: one note per onset, each one step long. */
export function euclidNotes(o: EuclidOptions): Note[] {
  const notes: Note[] = [];
  const total = Math.round(o.length / o.stepDuration);
  for (let i = 0; i < total; i++) {
    const step = i % o.pattern.length;
    if (!o.pattern[step]) continue;
    const velocity = Math.min(1, o.velocity + (step === 0 ? o.accent : 0));
    notes.push({ pitch: o.pitch, velocity, start: i * o.stepDuration, duration: o.stepDuration, voice: 0 });
  }
  return notes;
}

/** Spreads k hits over n steps as evenly as possible (Bjorklund / Toussaint). */
export const euclidNode = defineNode({
  type: 'rhythm.euclid',
  title: 'Euclidean rhythm',
  category: 'rhythm',
  doc: 'Spreads k hits over n steps as evenly as possible, with Bjorklund\'s algorithm (2003, written '
    + 'for timing neutron-source pulses), which Toussaint showed in "The Euclidean algorithm generates '
    + 'traditional musical rhythms" (2005) to produce rhythms found all over the world: E(3,8) is the '
    + 'Cuban tresillo x..x..x., E(5,8) the cinquillo x.xx.xx., E(7,12) a West African bell pattern. '
    + 'Patterns come in the form Toussaint tabulates, starting on a hit; rotation shifts the start to '
    + 'another step. The pattern repeats to fill the length, so layering rhythms with different step '
    + 'counts gives polymeters that drift apart and realign.',
  outputs: {
    notes: { type: 'notes', doc: 'One note per hit on voice 0.' },
  },
  params: {
    hits: { kind: 'int', default: 3, min: 0, max: 64, doc: 'Number of onsets k.' },
    steps: { kind: 'int', default: 8, min: 1, max: 64, doc: 'Steps in one cycle n.' },
    rotation: { kind: 'int', default: 0, min: -64, max: 64, doc: 'Start the cycle this many steps later.' },
    pitch: { kind: 'int', default: 36, min: 0, max: 127, doc: 'MIDI pitch of every hit (36 = GM kick).' },
    stepDuration: { kind: 'float', default: 0.25, min: 0.0625, max: 4, step: 0.0625, unit: 'beats', doc: 'Length of one step (0.25 = a sixteenth).' },
    velocity: { kind: 'float', default: 0.7, min: 0.05, max: 1, step: 0.05, doc: 'Loudness of a hit.' },
    accent: { kind: 'float', default: 0.25, min: 0, max: 1, step: 0.05, doc: 'Extra loudness of the hit on the first step of each cycle.' },
    length: { kind: 'float', default: 8, min: 0.25, max: 1024, step: 0.25, unit: 'beats', doc: 'Beats to fill by repeating the cycle.' },
    drums: { kind: 'bool', default: true, doc: 'Mark the voice as drums (the pitch picks a drum).' },
  },
  run: (_inputs, p) => {
    if (p.hits > p.steps) throw new Error(`rhythm.euclid: ${p.hits} hits do not fit in ${p.steps} steps (hits must be at most steps)`);
    const pattern = rotatePattern(bjorklund(p.hits, p.steps), p.rotation);
    const notes = euclidNotes({ pattern, pitch: p.pitch, stepDuration: p.stepDuration, velocity: p.velocity, accent: p.accent, length: p.length });
    const sequence: NoteSequence = {
      ...createSequence(notes, { length: p.length }),
      voices: [{ name: `E(${p.hits},${p.steps})`, drums: p.drums }],
    };
    return {
      outputs: { notes: sequence },
      previews: [
        { kind: 'text', title: `E(${p.hits},${p.steps})`, text: patternText(pattern) },
        { kind: 'pianoroll', title: 'Hits', port: 'notes' },
      ],
    };
  },
});
