/**
 * Decoding helpers for token models, pure TS: log-softmax, temperature, top-k, top-p (nucleus),
 * masks of allowed tokens, seeded sampling from the engine's Rng, and scoring (log-probability of
 * given tokens). Filters apply in the order mask → temperature → top-k → top-p, as in most
 * decoders; a temperature of 0 means greedy (argmax).
 */
import type { Rng } from '../engine/rng';

/** How to pick the next token from a row of logits. */
export interface SamplingOptions {
  /** Divides the logits; 1 leaves them, < 1 sharpens, > 1 flattens, 0 is greedy. Default 1. */
  temperature?: number;
  /** Keep only the k most likely tokens (0 or absent: no limit). */
  topK?: number;
  /** Keep the smallest set of most likely tokens whose probability reaches p (1 or absent: no limit). */
  topP?: number;
  /** Only these token ids may be chosen (a grammar or a forced voice); absent: all. */
  allowed?: Iterable<number> | ((token: number) => boolean);
}

/** Index of the largest value (the first one on ties); -1 when every value is -Infinity or NaN. */
export function argmax(values: ArrayLike<number>): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] > bestValue) { bestValue = values[i]; best = i; }
  }
  return best;
}

/**
 * Log-softmax of `logits / temperature` in float64 (stable: the maximum is subtracted first).
 * @example
 * logSoftmax([0, 0]); // Float64Array [-0.693…, -0.693…]
 */
export function logSoftmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  if (!(temperature > 0)) throw new Error(`logSoftmax: temperature must be > 0, got ${temperature}`);
  const out = new Float64Array(logits.length);
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) { out[i] = logits[i] / temperature; if (out[i] > max) max = out[i]; }
  if (max === -Infinity) throw new Error('logSoftmax: every logit is -Infinity (the mask allows no token)');
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum += Math.exp(out[i] - max);
  const log = max + Math.log(sum);
  for (let i = 0; i < out.length; i++) out[i] -= log;
  return out;
}

/** Probabilities of `logits / temperature` (softmax) in float64. */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const out = logSoftmax(logits, temperature);
  for (let i = 0; i < out.length; i++) out[i] = Math.exp(out[i]);
  return out;
}

/** A copy of `logits` with every token outside `allowed` set to -Infinity. */
export function maskLogits(logits: ArrayLike<number>, allowed: SamplingOptions['allowed']): Float64Array {
  const out = Float64Array.from(logits as ArrayLike<number>);
  if (allowed === undefined) return out;
  const ok = typeof allowed === 'function' ? allowed : ((set) => (t: number) => set.has(t))(new Set(allowed));
  for (let i = 0; i < out.length; i++) if (!ok(i)) out[i] = -Infinity;
  return out;
}

/** Token ids sorted by descending probability (stable: lower ids first on ties). */
function rankDescending(probs: Float64Array): number[] {
  return Array.from(probs.keys()).sort((a, b) => probs[b] - probs[a] || a - b);
}

/**
 * The distribution a sampler draws from after mask, temperature, top-k and top-p: probabilities
 * that sum to 1, zero outside the kept tokens. With temperature 0 it is one-hot at the argmax.
 */
export function samplingDistribution(logits: ArrayLike<number>, options: SamplingOptions = {}): Float64Array {
  const { temperature = 1, topK = 0, topP = 1 } = options;
  if (!(temperature >= 0)) throw new Error(`sampling: temperature must be ≥ 0, got ${temperature}`);
  if (!(topP > 0 && topP <= 1)) throw new Error(`sampling: topP must be in (0, 1], got ${topP}`);
  if (!(Number.isInteger(topK) && topK >= 0)) throw new Error(`sampling: topK must be a non-negative integer, got ${topK}`);
  const masked = maskLogits(logits, options.allowed);
  if (temperature === 0) {
    const best = argmax(masked);
    if (best < 0) throw new Error('sampling: the mask allows no token');
    const out = new Float64Array(masked.length);
    out[best] = 1;
    return out;
  }
  const probs = softmax(masked, temperature);
  const limitK = topK > 0 && topK < probs.length;
  if (!limitK && topP >= 1) return probs;
  const ranked = rankDescending(probs);
  let keep = limitK ? topK : ranked.length;
  if (topP < 1) {
    let cumulative = 0;
    for (let i = 0; i < keep; i++) {
      cumulative += probs[ranked[i]];
      if (cumulative >= topP) { keep = i + 1; break; }
    }
  }
  const out = new Float64Array(probs.length);
  let total = 0;
  for (let i = 0; i < keep; i++) total += probs[ranked[i]];
  for (let i = 0; i < keep; i++) out[ranked[i]] = probs[ranked[i]] / total;
  return out;
}

/**
 * Draws the next token id from a row of logits with the seeded generator.
 * @example
 * const token = sampleToken(row(logits, t - 1), ctx.rng, { temperature: 0.9, topP: 0.95 });
 */
export function sampleToken(logits: ArrayLike<number>, rng: Rng, options: SamplingOptions = {}): number {
  const probs = samplingDistribution(logits, options);
  let x = rng.next();
  let last = -1;
  for (let i = 0; i < probs.length; i++) {
    if (probs[i] <= 0) continue;
    last = i;
    x -= probs[i];
    if (x < 0) return i;
  }
  return last; // rounding left x ≥ 0 after the last kept token
}

/** Log-probability of `token` under softmax(logits / temperature) (the score of a forced token). */
export function tokenLogProb(logits: ArrayLike<number>, token: number, temperature = 1): number {
  if (!Number.isInteger(token) || token < 0 || token >= logits.length) {
    throw new Error(`tokenLogProb: token ${token} is outside the vocabulary of ${logits.length}`);
  }
  return logSoftmax(logits, temperature)[token];
}

/**
 * Log-probabilities of `targets[t]` under row t of `logits` seen as [rows, vocab] (e.g. logits
 * [1, T, V] of a sequence and the tokens that followed each position).
 * @example
 * const lp = tokenLogProbs(out.logits.data, 216, ids.slice(1)); // sum = sequence log-likelihood
 */
export function tokenLogProbs(logits: Float32Array, vocab: number, targets: ArrayLike<number>): Float64Array {
  if (targets.length * vocab > logits.length) {
    throw new Error(`tokenLogProbs: ${targets.length} targets need ${targets.length * vocab} logits, got ${logits.length}`);
  }
  const out = new Float64Array(targets.length);
  for (let t = 0; t < targets.length; t++) out[t] = tokenLogProb(logits.subarray(t * vocab, (t + 1) * vocab), targets[t]);
  return out;
}
