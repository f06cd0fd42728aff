/** The `notes.humanize` node: seeded random jitter of timing and velocity. */
import { defineNode } from '../../src/engine/node';
import type { NoteSequence } from '../../src/engine/values';
import type { Rng } from '../../src/engine/rng';
import { withNotes } from '../../src/music/noteSequence';

/** Amounts of `humanizeSequence`: standard deviations of the jitter. */
export interface HumanizeAmounts {
  /** Timing jitter, in milliseconds or beats (see `timingUnit`). */
  timing: number;
  timingUnit: 'ms' | 'beats';
  /** Velocity jitter in velocity units (0–1 scale). */
  velocity: number;
}

/** The tempo in force at `beat`, from the sequence's tempo map. */
export function tempoAt(seq: NoteSequence, beat: number): number {
  let bpm = seq.tempo;
  for (const c of seq.tempoChanges ?? []) if (c.beat <= beat && c.beat > 0) bpm = c.bpm;
  return bpm;
}

/** A normal draw clipped to ±2 standard deviations, so no note flies off. */
const jitter = (rng: Rng, sd: number): number => sd * Math.max(-2, Math.min(2, rng.normal()));

/**
 * Moves each note's start by Gaussian jitter (clipped at two standard deviations) and varies its
 * velocity the same way. Timing and velocity draw from separate forks of `rng`, so changing one
 * amount never reshuffles the other.
 * @example
 * humanizeSequence(seq, { timing: 12, timingUnit: 'ms', velocity: 0.05 }, createRng(7));
 */
export function humanizeSequence(seq: NoteSequence, amounts: HumanizeAmounts, rng: Rng): NoteSequence {
  const timingRng = rng.fork('timing');
  const velocityRng = rng.fork('velocity');
  const notes = seq.notes.map((n) => {
    const beatsPerUnit = amounts.timingUnit === 'ms' ? tempoAt(seq, n.start) / 60000 : 1;
    const shift = jitter(timingRng, amounts.timing * beatsPerUnit);
    const velocity = n.velocity + jitter(velocityRng, amounts.velocity);
    return { ...n, start: Math.max(0, n.start + shift), velocity: Math.max(1 / 127, Math.min(1, velocity)) };
  });
  return withNotes(seq, notes);
}

/** Adds seeded timing and velocity jitter. */
export const humanizeNode = defineNode({
  type: 'notes.humanize',
  title: 'Humanize',
  category: 'transform',
  doc: 'Adds small random deviations to when and how hard each note is played, the "humanize" '
    + 'function of sequencers since the 1980s. Timing moves by Gaussian jitter with the given '
    + 'standard deviation (milliseconds at the sequence\'s tempo, or beats), clipped at twice that; '
    + 'velocity varies the same way. Real players deviate in structured ways (Repp\'s and Friberg\'s '
    + 'studies of expressive timing), so this is the simplest model of a performance, useful to '
    + 'hear what exact quantization takes away. The same seed always gives the same performance.',
  inputs: { notes: { type: 'notes' } },
  outputs: { notes: { type: 'notes' } },
  params: {
    timing: { kind: 'float', default: 15, min: 0, max: 1000, doc: 'Standard deviation of timing jitter.' },
    timingUnit: { kind: 'enum', options: ['ms', 'beats'], default: 'ms', doc: 'Unit of the timing amount.' },
    velocity: { kind: 'float', default: 0.08, min: 0, max: 0.5, step: 0.01, doc: 'Standard deviation of velocity jitter (0–1 scale).' },
    seed: { kind: 'seed', default: 1, doc: 'Same seed, same performance.' },
  },
  run: ({ notes }, { timing, timingUnit, velocity }, ctx) => ({
    outputs: { notes: humanizeSequence(notes, { timing, timingUnit, velocity }, ctx.rng) },
    previews: [{ kind: 'pianoroll', title: 'Humanized', port: 'notes' }],
  }),
});
