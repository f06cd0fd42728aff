/**
 * Per-token log-likelihoods of test pieces, the way the training recipes compute their metrics:
 * every token after <bos> is a target (<eos> included), in nats. The neural models score a piece in
 * one call when it fits their context, else with the chorale recipe's sliding window (each target
 * scored once, by the first window that reaches it); the Markov baseline is bench/nll-markov's fit.
 */
import { tokenLogProbs } from '../../src/ml/sampling';
import { fitTokenNgram } from '../../src/music/tokenNgram';
import type { TokenStepper } from './stepper';

/** A window of a piece: tokens [begin, begin + tokens.length) and the index, in the window, of its first scored target. */
export interface EvalWindow {
  begin: number;
  tokens: number[];
  firstTarget: number;
}

/**
 * The windows that score every target of `seq` once with at most `width` inputs each, moving by
 * `stride` — training/chorale_transformer.py's eval_windows, so the figures agree with the manifest's.
 * @example
 * evalWindows(seq, 1024, 512); // [{ begin: 0, firstTarget: 0, … }, { begin: 512, firstTarget: 512, … }, …]
 */
export function evalWindows(seq: readonly number[], width: number, stride: number): EvalWindow[] {
  if (seq.length <= width + 1) return [{ begin: 0, tokens: [...seq], firstTarget: 0 }];
  const out: EvalWindow[] = [];
  let done = 0;
  let begin = 0;
  while (done < seq.length - 1) {
    const end = Math.min(begin + width, seq.length - 1);
    out.push({ begin, tokens: seq.slice(begin, end + 1), firstTarget: done - begin });
    done = end;
    begin += stride;
  }
  return out;
}

/**
 * Log-probability of every target of `seq` (index i → token i + 1) under the neural model, windows
 * of its context when the piece is longer, each run from an empty state.
 */
export async function neuralLogProbs(model: TokenStepper, seq: readonly number[], stride: number): Promise<Float64Array> {
  const out = new Float64Array(seq.length - 1);
  const width = Number.isFinite(model.maxPositions) ? model.maxPositions : seq.length;
  for (const w of evalWindows(seq, width, stride)) {
    model.reset();
    const logits = await model.feed(w.tokens.slice(0, -1));
    const lp = tokenLogProbs(logits, model.vocabSize, w.tokens.slice(1));
    for (let t = w.firstTarget; t < lp.length; t++) out[w.begin + t] = lp[t];
  }
  return out;
}

/** The sliding-window stride a transformer's recipe evaluated with (from its manifest), else half its context. */
export function evaluationStride(model: TokenStepper): number {
  const text = JSON.stringify(model.model.manifest.metrics?.evaluation ?? '');
  const match = /stride (\d+)/.exec(text);
  if (match) return Number(match[1]);
  return Number.isFinite(model.maxPositions) ? Math.floor(model.maxPositions / 2) : Infinity;
}

/**
 * Per-target log-probabilities of every test piece under token n-gram models of orders 1…maxOrder,
 * fitted as bench/nll-markov.ts does: counts from `train`, discounts tuned on `valid` (or on every
 * tenth training piece held out when there is no valid split).
 */
export function markovLogProbs(train: number[][], valid: number[][], test: number[][], maxOrder: number): Float64Array[][] {
  const byOrder: Float64Array[][] = [];
  for (let order = 1; order <= maxOrder; order++) {
    const { model } = fitTokenNgram(train, { order, heldOut: valid.length > 0 ? valid : undefined });
    byOrder.push(test.map((seq) => model.logProbs(seq)));
  }
  return byOrder;
}

/** Mean negative log-likelihood per target over pieces' per-target log-probabilities. */
export function meanNllOf(perPiece: readonly Float64Array[]): { nll: number; tokens: number } {
  let sum = 0;
  let tokens = 0;
  for (const lp of perPiece) {
    for (const x of lp) sum -= x;
    tokens += lp.length;
  }
  return { nll: sum / tokens, tokens };
}

/** One bucket of target positions: targets whose index in the piece (<bos> = 0) lies in [from, to]. */
export interface PositionBucket {
  from: number;
  to: number;
  tokens: number;
  pieces: number;
  nll: number;
}

/** Mean NLL per target by position in the piece, in buckets `width` tokens wide (target of index i + 1 for log-prob i). */
export function nllByPosition(perPiece: readonly Float64Array[], width: number): PositionBucket[] {
  const buckets: PositionBucket[] = [];
  for (const lp of perPiece) {
    const seen = new Set<number>();
    for (let i = 0; i < lp.length; i++) {
      const b = Math.floor((i + 1) / width);
      buckets[b] ??= { from: b * width, to: b * width + width - 1, tokens: 0, pieces: 0, nll: 0 };
      buckets[b].tokens++;
      buckets[b].nll -= lp[i];
      if (!seen.has(b)) { seen.add(b); buckets[b].pieces++; }
    }
  }
  return buckets.filter(Boolean).map((b) => ({ ...b, nll: b.nll / b.tokens }));
}
