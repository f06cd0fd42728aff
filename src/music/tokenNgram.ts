/**
 * A token-level n-gram language model (orders 1–8) with interpolated modified Kneser–Ney smoothing
 * (Chen & Goodman 1998): three discounts per order (for n-grams seen once, twice, three or more
 * times), continuation counts below the top order, and a uniform distribution over the whole
 * vocabulary at the bottom, so P(· | history) sums to 1 in every context. It is the Markov baseline
 * that the neural symbolic models are compared with on the same genpatch-events-v1 tokens; the
 * discounts are tuned on held-out data by tuneNgramDiscounts.
 *
 * Every sequence's first token (<bos>) is given, never scored; histories before it are PAD.
 * Counts live in one trie over reversed n-grams: the node of (x1…xk) is reached by reading xk, xk-1,
 * …, x1 from the root, so a node's children are its left extensions (their number is its
 * continuation count) and the node of a history is found the same way as the node of an n-gram.
 */
import { PAD, VOCAB_SIZE } from './tokensVocab';

/** Discounts per order: discounts[k - 1] = [D1, D2, D3+] for n-grams of length k. */
export type NgramDiscounts = [number, number, number][];

/** Options of TokenNgram.train. */
export interface NgramOptions {
  /** Longest n-gram, 1–8 (1 = unigram). */
  order: number;
  /** Number of token ids (default 216, the genpatch-events-v1 vocabulary). */
  vocabSize?: number;
  /** Discounts; by default Chen & Goodman's estimates from the counts of counts. */
  discounts?: NgramDiscounts;
}

/** Per-order statistics of one position: adjusted count of the n-gram, then total, N1, N2, N3+ of its history. */
export const STATS_PER_ORDER = 5;

/**
 * The n-gram model: counts plus discounts.
 * @example
 * const lm = TokenNgram.train(trainTokens, { order: 3 });
 * const nll = -lm.logProbs(testTokens[0]).reduce((s, x) => s + x, 0);
 */
export class TokenNgram {
  private readonly edges = new Map<number, number>();
  private raw: number[] = [0];
  private cont: number[] = [0];
  private ctxOf: number[] = [-1];
  private ctxTotal = new Float64Array(0);
  private ctxN = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];

  private disc: NgramDiscounts = [];

  private constructor(readonly order: number, readonly vocabSize: number) {}

  /** The discounts in use (a copy). */
  get discounts(): NgramDiscounts {
    return this.disc.map((d) => [...d] as [number, number, number]);
  }

  /** Counts the n-grams of `sequences` (arrays of token ids, each starting with its given first token). */
  static train(sequences: readonly (readonly number[])[], options: NgramOptions): TokenNgram {
    const { order } = options;
    if (!(Number.isInteger(order) && order >= 1 && order <= 8)) throw new Error(`n-gram order ${order} must be an integer 1–8`);
    const model = new TokenNgram(order, options.vocabSize ?? VOCAB_SIZE);
    sequences.forEach((seq, s) => model.count(seq, s));
    model.summarize();
    return model.withDiscounts(options.discounts ?? model.estimateDiscounts());
  }

  /** The same counts with other discounts (counts are shared, not copied). */
  withDiscounts(discounts: NgramDiscounts): TokenNgram {
    this.checkDiscounts(discounts);
    return Object.assign(Object.create(TokenNgram.prototype) as TokenNgram, this, { disc: discounts.map((d) => [...d]) });
  }

  /** Natural-log probability of each token of `sequence` after the first, given everything before it. */
  logProbs(sequence: readonly number[]): Float64Array {
    const stats = this.positionStats(sequence);
    const out = new Float64Array(Math.max(0, sequence.length - 1));
    const d = flatDiscounts(this.disc);
    for (let i = 0; i < out.length; i++) out[i] = Math.log(probabilityFromStats(stats, i, this.order, this.vocabSize, d));
    return out;
  }

  /** P(w | history) for every token id w (history: the tokens so far, first token included). */
  distribution(history: readonly number[]): Float64Array {
    const out = new Float64Array(this.vocabSize);
    const seq = [...history, 0];
    const d = flatDiscounts(this.disc);
    for (let w = 0; w < this.vocabSize; w++) {
      seq[seq.length - 1] = w;
      out[w] = probabilityFromStats(this.statsAt(seq, seq.length - 1), 0, this.order, this.vocabSize, d);
    }
    return out;
  }

  /**
   * The counts that each scored position of `sequence` meets, order by order — all a probability
   * needs besides the discounts, so tuning can try many discounts without touching the trie.
   * Layout: [(position i - 1) × order + (k - 1)] × STATS_PER_ORDER; a total of 0 marks an unseen history.
   */
  positionStats(sequence: readonly number[]): Float64Array {
    this.checkTokens(sequence, 0);
    const n = Math.max(0, sequence.length - 1);
    const out = new Float64Array(n * this.order * STATS_PER_ORDER);
    for (let i = 1; i < sequence.length; i++) out.set(this.statsAt(sequence, i), (i - 1) * this.order * STATS_PER_ORDER);
    return out;
  }

  private statsAt(seq: readonly number[], i: number): Float64Array {
    const out = new Float64Array(this.order * STATS_PER_ORDER);
    let gram = 0;
    let ctx = 0;
    for (let k = 1; k <= this.order; k++) {
      if (k > 1) ctx = this.child(ctx, tokenAt(seq, i - k + 1));
      if (ctx < 0 || this.ctxTotal[ctx] === 0) break;
      gram = gram < 0 ? -1 : this.child(gram, tokenAt(seq, i - k + 1));
      const o = (k - 1) * STATS_PER_ORDER;
      out[o] = gram < 0 || this.raw[gram] === 0 ? 0 : k === this.order ? this.raw[gram] : this.cont[gram];
      out[o + 1] = this.ctxTotal[ctx];
      out[o + 2] = this.ctxN[0][ctx];
      out[o + 3] = this.ctxN[1][ctx];
      out[o + 4] = this.ctxN[2][ctx];
    }
    return out;
  }

  private child(node: number, token: number): number {
    return this.edges.get(node * this.vocabSize + token) ?? -1;
  }

  private childOrAdd(node: number, token: number): number {
    const key = node * this.vocabSize + token;
    let id = this.edges.get(key);
    if (id === undefined) {
      id = this.raw.length;
      this.edges.set(key, id);
      this.raw.push(0);
      this.cont.push(0);
      this.ctxOf.push(-1);
    }
    return id;
  }

  private count(seq: readonly number[], s: number): void {
    this.checkTokens(seq, s);
    const grams = new Int32Array(this.order + 1);
    for (let i = 1; i < seq.length; i++) {
      let ctx = 0;
      for (let k = 1; k <= this.order; k++) {
        grams[k] = this.childOrAdd(grams[k - 1], tokenAt(seq, i - k + 1));
        if (k > 1) ctx = this.childOrAdd(ctx, tokenAt(seq, i - k + 1));
        this.ctxOf[grams[k]] = ctx;
        if (this.raw[grams[k]]++ === 0 && k > 1) this.cont[grams[k - 1]]++;
      }
    }
  }

  /** Totals and counts-of-counts of every history over the adjusted counts of its n-grams. */
  private summarize(): void {
    const nodes = this.raw.length;
    this.ctxTotal = new Float64Array(nodes);
    this.ctxN = [new Float64Array(nodes), new Float64Array(nodes), new Float64Array(nodes)];
    this.walk((node, k) => {
      const a = k === this.order ? this.raw[node] : this.cont[node];
      const ctx = this.ctxOf[node];
      this.ctxTotal[ctx] += a;
      this.ctxN[Math.min(a, 3) - 1][ctx]++;
    });
  }

  /** Calls `visit` on every counted n-gram (raw count > 0) with its length. */
  private walk(visit: (node: number, k: number) => void): void {
    const depth = new Uint8Array(this.raw.length);
    for (const [key, node] of this.edges) {
      const parent = Math.floor(key / this.vocabSize);
      depth[node] = depth[parent] + 1;
    }
    for (let node = 1; node < this.raw.length; node++) if (this.raw[node] > 0) visit(node, depth[node]);
  }

  /** Chen & Goodman's discounts from the counts of counts n1…n4 at each order. */
  private estimateDiscounts(): NgramDiscounts {
    const nr = Array.from({ length: this.order }, () => [0, 0, 0, 0, 0]);
    this.walk((node, k) => {
      const a = k === this.order ? this.raw[node] : this.cont[node];
      if (a <= 4) nr[k - 1][a]++;
    });
    return nr.map(([, n1, n2, n3, n4]) => {
      if (n1 === 0 || n2 === 0 || n3 === 0) return [0.5, 1, 1.5];
      const y = n1 / (n1 + 2 * n2);
      const clamp = (d: number, hi: number) => Math.min(hi - 0.01, Math.max(0.01, d));
      return [clamp(1 - 2 * y * (n2 / n1), 1), clamp(2 - 3 * y * (n3 / n2), 2), clamp(3 - 4 * y * (n4 / n3), 3)];
    });
  }

  private checkDiscounts(d: NgramDiscounts): void {
    if (d.length !== this.order) throw new Error(`expected discounts for ${this.order} orders, got ${d.length}`);
    d.forEach((ds, k) => ds.forEach((x, r) => {
      if (!(x > 0 && x <= r + 1)) throw new Error(`discount D${r + 1} of order ${k + 1} is ${x}; it must be in (0, ${r + 1}]`);
    }));
  }

  private checkTokens(seq: readonly number[], s: number): void {
    seq.forEach((t, i) => {
      if (!(Number.isInteger(t) && t >= 0 && t < this.vocabSize)) throw new Error(`sequence ${s}, position ${i}: token ${t} is outside 0..${this.vocabSize - 1}`);
    });
  }
}

/** The token at position j, PAD before the start. */
function tokenAt(seq: readonly number[], j: number): number {
  return j >= 0 ? seq[j] : PAD;
}

/** Discounts flattened for the inner loop: [D1, D2, D3+] of order 1, then of order 2, … */
function flatDiscounts(discounts: NgramDiscounts): Float64Array {
  return Float64Array.from(discounts.flat());
}

/** P(token at position p) from its per-order statistics (see positionStats) and flattened discounts. */
function probabilityFromStats(stats: Float64Array, p: number, order: number, vocabSize: number, discounts: Float64Array): number {
  return interpolate(stats, p, order, 0, order, discounts, 1 / vocabSize);
}

/** Applies orders from+1 … to (1-based) of the recursion to `prob`, the estimate of the orders below. */
function interpolate(stats: Float64Array, p: number, order: number, from: number, to: number, discounts: Float64Array, prob: number): number {
  const base = p * order * STATS_PER_ORDER;
  for (let k = from; k < to; k++) {
    const o = base + k * STATS_PER_ORDER;
    const total = stats[o + 1];
    if (total === 0) break;
    const a = stats[o];
    const d1 = discounts[3 * k];
    const d2 = discounts[3 * k + 1];
    const d3 = discounts[3 * k + 2];
    const d = a === 0 ? 0 : a === 1 ? d1 : a === 2 ? d2 : d3;
    const gamma = (d1 * stats[o + 2] + d2 * stats[o + 3] + d3 * stats[o + 4]) / total;
    prob = (a - d) / total + gamma * prob;
  }
  return prob;
}

/** Mean negative log-likelihood per scored token (nats) of `sequences`, and how many tokens were scored. */
export function meanNll(model: TokenNgram, sequences: readonly (readonly number[])[]): { nll: number; tokens: number } {
  let sum = 0;
  let tokens = 0;
  for (const seq of sequences) {
    for (const lp of model.logProbs(seq)) sum -= lp;
    tokens += Math.max(0, seq.length - 1);
  }
  return { nll: tokens > 0 ? sum / tokens : NaN, tokens };
}

/** Discounts tuned on held-out data, with the held-out NLL per token before and after. */
export interface NgramTuning {
  discounts: NgramDiscounts;
  startNll: number;
  nll: number;
}

/**
 * Tunes the discounts of `model` to the lowest mean NLL per token on `heldOut`: coordinate descent
 * with a golden-section search on each discount (D1 in (0, 1], D2 in (0, 2], D3+ in (0, 3]), until a
 * sweep gains less than 1e-5 nats.
 */
export function tuneNgramDiscounts(model: TokenNgram, heldOut: readonly (readonly number[])[], maxSweeps = 4): NgramTuning {
  const parts = heldOut.map((s) => model.positionStats(s));
  const stats = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (stats.set(p, at), at + p.length), 0);
  const positions = stats.length / (model.order * STATS_PER_ORDER);
  if (positions === 0) throw new Error('tuneNgramDiscounts: the held-out sequences have no tokens to score');
  const { order } = model;
  const discounts = flatDiscounts(model.discounts);
  // While the discounts of order k + 1 are searched, the estimate of the orders below stays fixed.
  const below = new Float64Array(positions);
  const fixBelow = (k: number) => {
    for (let p = 0; p < positions; p++) below[p] = interpolate(stats, p, order, 0, k, discounts, 1 / model.vocabSize);
  };
  let from = 0;
  const nllOf = () => {
    let sum = 0;
    for (let p = 0; p < positions; p++) sum -= Math.log(interpolate(stats, p, order, from, order, discounts, below[p]));
    return sum / positions;
  };
  fixBelow(0);
  const startNll = nllOf();
  let best = startNll;
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    const before = best;
    for (let k = 0; k < order; k++) {
      fixBelow(k);
      from = k;
      for (let r = 0; r < 3; r++) {
        const at = (x: number) => { discounts[3 * k + r] = x; return nllOf(); };
        const keep = discounts[3 * k + r];
        let [lo, hi] = [1e-3, r + 1];
        let x1 = hi - phi * (hi - lo);
        let x2 = lo + phi * (hi - lo);
        let [f1, f2] = [at(x1), at(x2)];
        for (let it = 0; it < 16; it++) {
          if (f1 < f2) { hi = x2; x2 = x1; f2 = f1; x1 = hi - phi * (hi - lo); f1 = at(x1); }
          else { lo = x1; x1 = x2; f1 = f2; x2 = lo + phi * (hi - lo); f2 = at(x2); }
        }
        const [x, f] = f1 < f2 ? [x1, f1] : [x2, f2];
        if (f < best) { best = f; discounts[3 * k + r] = x; } else discounts[3 * k + r] = keep;
      }
    }
    if (before - best < 1e-5) break;
  }
  const tuned = Array.from({ length: model.order }, (_, k) => [discounts[3 * k], discounts[3 * k + 1], discounts[3 * k + 2]] as [number, number, number]);
  return { discounts: tuned, startNll, nll: best };
}

/**
 * The Markov baseline fitted fairly: discounts tuned on `heldOut` (or, without it, on every tenth
 * training sequence held out from a first fit), then counts from all of `train`.
 * @example
 * const { model } = fitTokenNgram(trainTokens, { order: 4 }); meanNll(model, testTokens).nll;
 */
export function fitTokenNgram(
  train: readonly (readonly number[])[], options: NgramOptions & { heldOut?: readonly (readonly number[])[] },
): { model: TokenNgram; tuning: NgramTuning } {
  if (options.heldOut) {
    const model = TokenNgram.train(train, options);
    const tuning = tuneNgramDiscounts(model, options.heldOut);
    return { model: model.withDiscounts(tuning.discounts), tuning };
  }
  const fit = train.filter((_, i) => i % 10 !== 9);
  const held = train.filter((_, i) => i % 10 === 9);
  const tuning = tuneNgramDiscounts(TokenNgram.train(fit, options), held);
  return { model: TokenNgram.train(train, { ...options, discounts: tuning.discounts }), tuning };
}
