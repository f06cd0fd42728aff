/**
 * Next-state probabilities of a variable-order Markov model, smoothed and backed off.
 *
 * Smoothing is additive (Laplace/Lidstone) with pseudo-count α per state, applied hierarchically
 * as in interpolated PPM or MacKay & Peto's hierarchical Dirichlet language model: the empty
 * context gives P0(s) = (c0(s) + α) / (T0 + αV), and each longer context j blends its counts with
 * the next shorter one, Pj(s) = (cj(s) + αV·Pj-1(s)) / (Tj + αV). Contexts never seen in training
 * are skipped: the chain starts from the longest context that was seen (back-off). With α = 0 this
 * is the plain maximum-likelihood estimate of the longest seen context.
 */
import { countOf } from './contextTrie';
import type { MarkovModel } from './markovModel';

/** Per-depth coefficients of fillDistribution (orders are at most 8). */
const coefficients = new Float64Array(16);

/**
 * Writes P(next state | context) into `out` (one entry per vocabulary state) for the context
 * whose trie nodes are path[0..depth].
 * @example
 * const d = contextPath(model.trie, history, t, path); fillDistribution(model, path, d, probs);
 */
export function fillDistribution(model: MarkovModel, path: Int32Array, depth: number, out: Float64Array): void {
  const { trie, smoothing } = model;
  const V = trie.vocabSize;
  out.fill(0, 0, V);
  if (smoothing === 0) {
    const node = path[depth];
    const inv = 1 / trie.total[node];
    for (let i = trie.nextStart[node]; i < trie.nextStart[node + 1]; i++) out[trie.nextState[i]] = trie.nextCount[i] * inv;
    return;
  }
  // The recursion unrolled: Pd(s) = Σj cj(s)·kj + α·k0 with kj = wj / (Tj + αV), where wj is the
  // product of the blend weights αV / (Ti + αV) of the contexts longer than j: one dense fill, then
  // only the sparse counts of each context.
  const prior = smoothing * V;
  let weight = 1;
  for (let j = depth; j >= 0; j--) {
    const k = weight / (trie.total[path[j]] + prior);
    coefficients[j] = k;
    weight = prior * k;
  }
  out.fill(smoothing * coefficients[0], 0, V);
  for (let j = 0; j <= depth; j++) {
    const node = path[j];
    const k = coefficients[j];
    for (let i = trie.nextStart[node]; i < trie.nextStart[node + 1]; i++) out[trie.nextState[i]] += trie.nextCount[i] * k;
  }
}

/**
 * P(state | context) for one state, with pseudo-count `alpha` (the model's own smoothing unless
 * given; give a positive alpha to score melodies, so an unseen transition is unlikely, not impossible).
 */
export function probabilityOf(model: MarkovModel, path: Int32Array, depth: number, state: number, alpha = model.smoothing): number {
  const { trie } = model;
  if (alpha === 0) {
    const node = path[depth];
    return countOf(trie, node, state) / trie.total[node];
  }
  const prior = alpha * trie.vocabSize;
  let p = 0;
  for (let j = 0; j <= depth; j++) {
    const node = path[j];
    const base = j === 0 ? alpha : prior * p;
    p = (countOf(trie, node, state) + base) / (trie.total[node] + prior);
  }
  return p;
}
