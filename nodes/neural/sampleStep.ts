/** One sampling step shared by the melody and chorale samplers: mask, then draw (or force the only choice). */
import type { Rng } from '../../src/engine/rng';
import { sampleToken, type SamplingOptions } from '../../src/ml/sampling';

/** Cancellation and progress between steps. */
export interface StepHooks {
  yield(): Promise<void>;
  progress(fraction: number): void;
}

/**
 * The next token among those `allowed` accepts: the only one without drawing when there is one,
 * else drawn from the masked logits with temperature, top-k and top-p.
 * @example
 * const token = pickToken(logits, (t) => grammar.accepts(t), { temperature: 0.9 }, ctx.rng, 'step 3');
 */
export function pickToken(logits: Float32Array, allowed: (token: number) => boolean, sampling: SamplingOptions, rng: Rng, where: string): number {
  const ids: number[] = [];
  for (let t = 0; t < logits.length; t++) if (allowed(t)) ids.push(t);
  if (ids.length === 0) throw new Error(`${where}: the masks leave no token to choose`);
  if (ids.length === 1) return ids[0];
  return sampleToken(logits, rng, { ...sampling, allowed: (t) => allowed(t) });
}

/** The sampling params shared by neural.continue and neural.harmonize. */
export const SAMPLING_PARAMS = {
  temperature: { kind: 'float', default: 1, min: 0, max: 3, step: 0.05, doc: 'Below 1: safer, more typical; above 1: wilder; 0: always the likeliest token.' },
  topK: { kind: 'int', default: 0, min: 0, max: 216, doc: 'Sample only among the k likeliest tokens (0 = no limit).' },
  topP: { kind: 'float', default: 1, min: 0.05, max: 1, step: 0.01, doc: 'Sample only among the likeliest tokens that make up this probability (nucleus sampling; 1 = no limit).' },
  seed: { kind: 'seed', default: 1 },
} as const;
