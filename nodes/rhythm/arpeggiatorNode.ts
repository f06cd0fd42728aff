/** The `rhythm.arpeggiator` node: chords or held notes → arpeggios. */
import { defineNode } from '../../src/engine/node';
import { createSequence } from '../../src/music/noteSequence';
import { ARP_PATTERNS, arpeggiate, spansFromChords, spansFromNotes } from './arpeggio';

/** Breaks chords into arpeggios. */
export const arpeggiatorNode = defineNode({
  type: 'rhythm.arpeggiator',
  title: 'Arpeggiator',
  category: 'rhythm',
  doc: 'Plays the notes of each chord one at a time at a steady rate, as the arpeggiators of 1970s '
    + 'synthesizers (Roland Jupiter-4, Korg Polysix) and Alberti basses do. Feed it a chord '
    + 'progression (each chord voiced from its root in the chosen octave) or notes (the keys held '
    + 'at each moment, in the order they were pressed). Orders: up, down, up-down (turning without '
    + 'repeating the top and bottom), random (seeded) or as played; octaves repeats the pattern '
    + 'higher, gate sets how legato each note is. The cycle restarts when the chord changes.',
  inputs: {
    chords: { type: 'chords', optional: true, doc: 'A chord progression to arpeggiate.' },
    notes: { type: 'notes', optional: true, doc: 'Held notes to arpeggiate (used when no chords are connected).' },
  },
  outputs: {
    notes: { type: 'notes' },
  },
  params: {
    pattern: { kind: 'enum', options: ARP_PATTERNS, default: 'up', doc: 'Order of the notes.' },
    rate: { kind: 'float', default: 0.25, min: 0.0625, max: 4, step: 0.0625, unit: 'beats', doc: 'Time between notes (0.25 = sixteenths).' },
    octaves: { kind: 'int', default: 1, min: 1, max: 4, doc: 'Octaves the pattern spans.' },
    gate: { kind: 'float', default: 0.9, min: 0.05, max: 1, step: 0.05, doc: 'Fraction of the rate each note lasts.' },
    octave: { kind: 'int', default: 4, min: 0, max: 8, doc: 'Octave of a chord\'s root (chords input; 4 = middle C\'s).' },
    velocity: { kind: 'float', default: 0.75, min: 0.05, max: 1, step: 0.05, doc: 'Loudness.' },
    seed: { kind: 'seed', default: 1 },
  },
  run: ({ chords, notes }, p, ctx) => {
    if (!chords && !notes) throw new Error('rhythm.arpeggiator: connect a chords or a notes input');
    const spans = chords ? spansFromChords(chords, p.octave) : spansFromNotes(notes!);
    const out = arpeggiate(spans, { pattern: p.pattern, octaves: p.octaves, rate: p.rate, gate: p.gate, velocity: p.velocity, rng: ctx.rng });
    const length = chords ? chords.length : notes!.length;
    const base = notes ? { tempo: notes.tempo, timeSignature: notes.timeSignature } : {};
    return {
      outputs: { notes: createSequence(out, { ...base, length }) },
      previews: [{ kind: 'pianoroll', title: `Arpeggio (${p.pattern})`, port: 'notes' }],
    };
  },
});
