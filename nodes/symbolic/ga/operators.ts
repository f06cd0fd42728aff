/**
 * Variation operators of ga.evolve: crossover of two parent genomes (one-point, two-point,
 * uniform) and musical mutations — step (a semitone or two), leap (any pitch or a rest), and on a
 * random segment transpose, invert (mirror the contour) and retrograde (play backwards), plus
 * rhythm split/merge that turns held steps into repeated notes and back.
 */
import type { Rng } from '../../../src/engine/rng';
import { HOLD, randomNoteGene, REST, type GenomeSpec } from './genome';

/** Crossover kinds. */
export const CROSSOVER_KINDS = ['one-point', 'two-point', 'uniform'] as const;

/** One of CROSSOVER_KINDS. */
export type CrossoverKind = (typeof CROSSOVER_KINDS)[number];

/** Mutation rates: per gene for step, leap and split/merge; per child for the segment operators. */
export interface MutationRates {
  step: number;
  leap: number;
  transpose: number;
  invert: number;
  retrograde: number;
  splitMerge: number;
}

/**
 * Writes two children of parents `a` and `b` (all of length n) into `c` and `d`.
 * @example
 * crossover('two-point', mum, dad, rng, child1, child2);
 */
export function crossover(kind: CrossoverKind, a: Int16Array, b: Int16Array, rng: Rng, c: Int16Array, d: Int16Array): void {
  const n = a.length;
  if (kind === 'uniform') {
    for (let i = 0; i < n; i++) {
      const swap = rng.next() < 0.5;
      c[i] = swap ? b[i] : a[i];
      d[i] = swap ? a[i] : b[i];
    }
    return;
  }
  let from = 1 + rng.int(n - 1);
  let to = n;
  if (kind === 'two-point') {
    const other = 1 + rng.int(n - 1);
    [from, to] = other < from ? [other, from] : [from, other];
  }
  for (let i = 0; i < n; i++) {
    const swap = i >= from && i < to;
    c[i] = swap ? b[i] : a[i];
    d[i] = swap ? a[i] : b[i];
  }
}

const clamp = (p: number, spec: GenomeSpec): number => Math.max(spec.low, Math.min(spec.high, p));

/** Start indices of the notes/rests (units) of a genome: every gene that is not a HOLD. */
function unitStarts(g: Int16Array): number[] {
  const starts: number[] = [];
  for (let i = 0; i < g.length; i++) if (g[i] !== HOLD || i === 0) starts.push(i);
  return starts;
}

/** A random gene range [from, to) of at least two units, aligned to unit starts. */
function randomSegment(g: Int16Array, rng: Rng): [number, number] | null {
  const starts = unitStarts(g);
  if (starts.length < 2) return null;
  const a = rng.int(starts.length - 1);
  const b = a + 2 + rng.int(starts.length - a - 1);
  return [starts[a], b < starts.length ? starts[b] : g.length];
}

/** Reverses the order of the units (a note or rest with its held steps) inside [from, to). */
function retrograde(g: Int16Array, from: number, to: number): void {
  const units: number[][] = [];
  for (let i = from; i < to; i++) {
    if (g[i] === HOLD && units.length > 0) units[units.length - 1].push(HOLD);
    else units.push([g[i]]);
  }
  let i = from;
  for (const unit of units.reverse()) for (const gene of unit) g[i++] = gene;
}

/**
 * Mutates a genome in place.
 * @example
 * mutate(child, { step: 0.05, leap: 0.02, transpose: 0.1, invert: 0.05, retrograde: 0.05, splitMerge: 0 }, spec, rng);
 */
export function mutate(g: Int16Array, rates: MutationRates, spec: GenomeSpec, rng: Rng): void {
  for (let i = 0; i < g.length; i++) {
    if (g[i] >= 0 && rng.next() < rates.step) {
      const size = 1 + rng.int(2);
      g[i] = clamp(g[i] + (rng.next() < 0.5 ? -size : size), spec);
    }
    if (rng.next() < rates.leap) g[i] = randomNoteGene(spec, rng);
    if (spec.mode === 'rhythm' && i > 0 && rng.next() < rates.splitMerge) {
      if (g[i] === HOLD) {
        let j = i - 1;
        while (j > 0 && g[j] === HOLD) j--;
        g[i] = g[j] === HOLD ? REST : g[j]; // split: the held note is struck again
      } else {
        g[i] = HOLD; // merge: this note or rest joins the one before
      }
    }
  }
  if (rng.next() < rates.transpose) {
    const seg = randomSegment(g, rng);
    const shift = (1 + rng.int(7)) * (rng.next() < 0.5 ? -1 : 1);
    if (seg) for (let i = seg[0]; i < seg[1]; i++) if (g[i] >= 0) g[i] = clamp(g[i] + shift, spec);
  }
  if (rng.next() < rates.invert) {
    const seg = randomSegment(g, rng);
    let axis = -1;
    if (seg) {
      for (let i = seg[0]; i < seg[1]; i++) {
        if (g[i] < 0) continue;
        if (axis < 0) axis = g[i];
        else g[i] = clamp(2 * axis - g[i], spec);
      }
    }
  }
  if (rng.next() < rates.retrograde) {
    const seg = randomSegment(g, rng);
    if (seg) retrograde(g, seg[0], seg[1]);
  }
}
