/**
 * Seeded white noise for the drum kit. Tone.Noise fills its buffer and picks its start offset with
 * Math.random, so two renders would differ; this buffer comes from `createRng` instead.
 */
import { createRng } from '../engine/rng';

/** Seconds of noise in the looping buffer that every noise voice of the kit plays. */
export const NOISE_BUFFER_SECONDS = 2;

/**
 * `length` samples of uniform white noise in [−1, 1), the same for the same seed.
 * @example
 * seededWhiteNoise(4, 1); // Float32Array(4) identical on every call
 */
export function seededWhiteNoise(length: number, seed: number | string): Float32Array<ArrayBuffer> {
  const rng = createRng(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.next() * 2 - 1;
  return out;
}

