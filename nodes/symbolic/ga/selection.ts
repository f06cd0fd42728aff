/**
 * Parent selection of ga.evolve: tournament (the fittest of k random candidates; larger k = more
 * pressure) or roulette (chance proportional to fitness, Holland 1975), and the ranking used for
 * elitism (the best individuals copied unchanged into the next generation).
 */
import type { Rng } from '../../../src/engine/rng';

/** Selection kinds. */
export const SELECTION_KINDS = ['tournament', 'roulette'] as const;

/** One of SELECTION_KINDS. */
export type SelectionKind = (typeof SELECTION_KINDS)[number];

/** Index of the fittest of `size` individuals drawn at random (with replacement). */
export function tournament(fitness: Float64Array, size: number, rng: Rng): number {
  let best = rng.int(fitness.length);
  for (let k = 1; k < size; k++) {
    const i = rng.int(fitness.length);
    if (fitness[i] > fitness[best]) best = i;
  }
  return best;
}

/** Index drawn with probability proportional to fitness (negative counts as 0; uniform if all are 0). */
export function roulette(fitness: Float64Array, rng: Rng): number {
  let total = 0;
  for (let i = 0; i < fitness.length; i++) total += Math.max(0, fitness[i]);
  if (!(total > 0)) return rng.int(fitness.length);
  let x = rng.next() * total;
  for (let i = 0; i < fitness.length; i++) {
    x -= Math.max(0, fitness[i]);
    if (x < 0) return i;
  }
  return fitness.length - 1;
}

/**
 * Indices sorted by fitness, best first (ties keep population order).
 * @example
 * const [best] = rankByFitness(fitness);
 */
export function rankByFitness(fitness: Float64Array): Int32Array {
  const order = Int32Array.from({ length: fitness.length }, (_, i) => i);
  return order.sort((a, b) => fitness[b] - fitness[a] || a - b);
}
