/**
 * The genome of ga.evolve: a melody on a grid of N equal steps, one gene per step. A gene is a
 * MIDI pitch (a note starts), REST (silence starts) or, in rhythm genomes, HOLD (the note or rest
 * before goes on), so rhythm genomes evolve durations as well as pitches.
 */
import type { Rng } from '../../../src/engine/rng';
import type { Melody } from './melody';

/** Gene value of a rest. */
export const REST = -1;
/** Gene value that extends the previous note or rest by one step (rhythm genomes only). */
export const HOLD = -2;

/** Genome kinds: pitches and rests on equal steps, or with held steps for rhythm. */
export const GENOME_MODES = ['melody', 'rhythm'] as const;

/** One of GENOME_MODES. */
export type GenomeMode = (typeof GENOME_MODES)[number];

/** The shape of a genome and the alleles it may hold. */
export interface GenomeSpec {
  mode: GenomeMode;
  steps: number;
  stepBeats: number;
  low: number;
  high: number;
  /** Probability that a random gene is a rest. */
  restRate: number;
}

/** Chance that a random gene of a rhythm genome (after the first) is a HOLD. */
const HOLD_RATE = 0.3;

/** A random pitch-or-rest gene. */
export function randomNoteGene(spec: GenomeSpec, rng: Rng): number {
  return rng.next() < spec.restRate ? REST : spec.low + rng.int(spec.high - spec.low + 1);
}

/**
 * Fills `genes` (length spec.steps) with a random genome.
 * @example
 * const g = new Int16Array(16); randomGenome(spec, rng, g);
 */
export function randomGenome(spec: GenomeSpec, rng: Rng, genes: Int16Array): void {
  for (let i = 0; i < spec.steps; i++) {
    genes[i] = spec.mode === 'rhythm' && i > 0 && rng.next() < HOLD_RATE ? HOLD : randomNoteGene(spec, rng);
  }
}

/**
 * Decodes genes into `out` (capacity ≥ steps): every pitch gene starts a note lasting one step
 * plus the HOLD genes after it; rests and a leading HOLD are silence.
 */
export function decodeGenome(genes: ArrayLike<number>, spec: GenomeSpec, out: Melody): Melody {
  let count = 0;
  for (let i = 0; i < spec.steps; i++) {
    const g = genes[i];
    if (g >= 0) {
      out.pitch[count] = g;
      out.start[count] = i * spec.stepBeats;
      out.duration[count] = spec.stepBeats;
      count++;
    } else if (g === HOLD && count > 0 && out.start[count - 1] + out.duration[count - 1] > i * spec.stepBeats - 1e-9) {
      out.duration[count - 1] += spec.stepBeats;
    }
  }
  out.count = count;
  out.length = spec.steps * spec.stepBeats;
  return out;
}
