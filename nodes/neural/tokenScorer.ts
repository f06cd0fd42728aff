/**
 * Scoring known token sequences (teacher forcing): the log-probability a model gives each token
 * after the ones before it. Sequences are right-padded and run in batches where the graph allows a
 * batch axis (causal models: padding after a token never changes its logits); a sequence longer
 * than a transformer's context is scored with a window sliding by half the context, each token once
 * with at least half a context before it — as the chorale recipe evaluates.
 */
import type { MlTensor, TensorMap } from '../../src/ml/service';
import { zeroState } from '../../src/ml/state';
import { tokenLogProb } from '../../src/ml/sampling';
import { int64 } from '../../src/ml/tensors';
import { PAD } from '../../src/music/tokens';
import type { NeuralHandle } from './openModel';

/** Most tokens (batch × length) in one scoring call. */
const TOKEN_BUDGET = 8192;
/** Most sequences in one call when the graph's batch axis is open. */
const MAX_BATCH = 64;

/** Cancellation and progress for long scorings. */
export interface ScoreHooks {
  yield?(): Promise<void>;
  progress?(fraction: number): void;
}

/** Runs rows of input tokens (right-padded) from the zero state; returns logits [B, T, V] and T. */
async function runRows(handle: NeuralHandle, rows: readonly (readonly number[])[]): Promise<{ logits: MlTensor<'float32'>; width: number }> {
  const { model } = handle;
  const width = Math.max(...rows.map((r) => r.length));
  const b = rows.length;
  const ids = new Array<number>(b * width).fill(PAD);
  const mask = new Array<number>(b * width).fill(0);
  rows.forEach((r, i) => r.forEach((t, j) => { ids[i * width + j] = t; mask[i * width + j] = 1; }));
  const feeds: TensorMap = { ...zeroState(model.manifest, { batch: b }), input_ids: int64(ids, [b, width]) };
  if (model.inputNames.includes('attention_mask')) feeds.attention_mask = int64(mask, [b, width]);
  if (model.inputNames.includes('position_ids')) feeds.position_ids = int64(Array.from({ length: b * width }, (_, k) => k % width), [b, width]);
  const out = await model.run(feeds);
  return { logits: out.logits as MlTensor<'float32'>, width };
}

/** The largest batch the graph takes: a fixed first axis of input_ids, else MAX_BATCH. */
function batchLimit(handle: NeuralHandle): number {
  const axis = handle.model.manifest.contract.inputs.find((t) => t.name === 'input_ids')?.shape[0];
  return typeof axis === 'number' ? Math.max(1, axis) : MAX_BATCH;
}

/** Scores one long sequence with a sliding window of `width` inputs moving by `width / 2`. */
async function scoreWindows(handle: NeuralHandle, seq: readonly number[], width: number, out: Float64Array, hooks: ScoreHooks): Promise<void> {
  const stride = Math.max(1, Math.floor(width / 2));
  const vocab = handle.value.vocabulary.size;
  let done = 0;
  for (let begin = 0; done < seq.length - 1; begin += stride) {
    const end = Math.min(begin + width, seq.length - 1);
    const { logits } = await runRows(handle, [seq.slice(begin, end)]);
    for (let r = done - begin; r < end - begin; r++) {
      out[begin + r + 1] = tokenLogProb(logits.data.subarray(r * vocab, (r + 1) * vocab), seq[begin + r + 1]);
    }
    done = end;
    await hooks.yield?.();
  }
}

/**
 * For each sequence, log p(token t | tokens before t) at every t ≥ 1 (entry 0 stays 0).
 * @example
 * const [lp] = await tokenLogProbsOf(handle, [encodeMelody(notes, { eos: false })]);
 */
export async function tokenLogProbsOf(handle: NeuralHandle, seqs: readonly (readonly number[])[], hooks: ScoreHooks = {}): Promise<Float64Array[]> {
  const out = seqs.map((s) => new Float64Array(s.length));
  const width = handle.value.maxPositions ?? Infinity;
  const vocab = handle.value.vocabulary.size;
  const total = seqs.reduce((n, s) => n + s.length, 0) || 1;
  let scored = 0;
  const long = seqs.map((_, i) => i).filter((i) => seqs[i].length - 1 > width);
  const short = seqs.map((_, i) => i).filter((i) => seqs[i].length > 1 && seqs[i].length - 1 <= width)
    .sort((a, b) => seqs[b].length - seqs[a].length);
  const limit = batchLimit(handle);
  for (let k = 0; k < short.length;) {
    const longest = seqs[short[k]].length - 1;
    const size = Math.max(1, Math.min(limit, Math.floor(TOKEN_BUDGET / longest), short.length - k));
    const batch = short.slice(k, k + size);
    const { logits, width: w } = await runRows(handle, batch.map((i) => seqs[i].slice(0, -1)));
    batch.forEach((i, b) => {
      for (let r = 0; r < seqs[i].length - 1; r++) {
        const at = (b * w + r) * vocab;
        out[i][r + 1] = tokenLogProb(logits.data.subarray(at, at + vocab), seqs[i][r + 1]);
      }
      scored += seqs[i].length;
    });
    k += size;
    hooks.progress?.(scored / total);
    await hooks.yield?.();
  }
  for (const i of long) {
    await scoreWindows(handle, seqs[i], width, out[i], hooks);
    scored += seqs[i].length;
    hooks.progress?.(scored / total);
  }
  return out;
}
