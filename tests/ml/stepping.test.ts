/**
 * Recurrent state and KV caches fed back step by step give the same logits as one call over the
 * whole sequence: the LSTM fixture with its h/c state, the GPT fixture with its KV cache (starting
 * from past length 0, in steps of one token and in chunks).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeModelService } from '../../src/ml/nodeModels';
import type { LoadedModel } from '../../src/ml/service';
import { nextState, zeroState } from '../../src/ml/state';
import { int64, type TensorMap } from '../../src/ml/tensors';
import { maxDiff, MODELS_DIR, reference } from './fixtures';

const models = createNodeModelService(MODELS_DIR);
afterAll(() => models.dispose());

/** Feeds of one GPT call: `tokens` after `past` (null: an empty cache), all positions attended. */
function gptFeeds(model: LoadedModel, tokens: number[], past: TensorMap | null, pastLength: number): TensorMap {
  const feeds: TensorMap = {
    input_ids: int64(tokens, [1, tokens.length]),
    attention_mask: int64(new Array(pastLength + tokens.length).fill(1), [1, pastLength + tokens.length]),
    position_ids: int64(tokens.map((_, i) => pastLength + i), [1, tokens.length]),
  };
  return { ...feeds, ...(past ? nextState(model.manifest, past) : zeroState(model.manifest)) };
}

/** Runs `tokens` through the GPT in chunks of the given sizes, feeding the cache back; returns every position's logits. */
async function stepGpt(model: LoadedModel, tokens: number[], chunks: number[]): Promise<number[]> {
  const logits: number[] = [];
  let past: TensorMap | null = null;
  let at = 0;
  for (const size of chunks) {
    const chunk = tokens.slice(at, at + size);
    const out: TensorMap = await model.run(gptFeeds(model, chunk, past, at));
    expect(out.logits.dims).toEqual([1, chunk.length, 16]);
    expect(out['present.1.value'].dims).toEqual([1, 2, at + chunk.length, 4]);
    logits.push(...(out.logits.data as Float32Array));
    past = out;
    at += size;
  }
  expect(at).toBe(tokens.length);
  return logits;
}

describe('LSTM with explicit state', () => {
  it('stepping token by token with h/c fed back equals one full-sequence call', async () => {
    const lstm = await models.load('tiny-lstm');
    const { input_ids: ids } = reference('tiny-lstm');
    const state = (): TensorMap => zeroState(lstm.manifest);
    expect(state().h.dims).toEqual([1, 1, 12]);
    const full = await lstm.run({ input_ids: int64(ids, [1, ids.length]), ...state() });
    let carried = state();
    const stepped: number[] = [];
    for (const id of ids) {
      const out = await lstm.run({ input_ids: int64([id], [1, 1]), ...carried });
      stepped.push(...(out.logits.data as Float32Array));
      carried = nextState(lstm.manifest, out);
    }
    expect(maxDiff(stepped, full.logits.data as Float32Array)).toBeLessThan(1e-5);
    expect(maxDiff(carried.h.data as Float32Array, full.h_out.data as Float32Array)).toBeLessThan(1e-6);
    // Without the state fed back the steps would not match: the test can tell.
    const fresh = await lstm.run({ input_ids: int64([ids[1]], [1, 1]), ...state() });
    expect(maxDiff(fresh.logits.data as Float32Array, stepped.slice(16, 32))).toBeGreaterThan(1e-3);
  });
});

describe('GPT with a KV cache (transformers.js naming)', () => {
  it('accepts past length 0 and matches PyTorch on the full sequence', async () => {
    const gpt = await models.load('tiny-gpt');
    const ref = reference('tiny-gpt');
    expect(zeroState(gpt.manifest)['past_key_values.0.key'].dims).toEqual([1, 2, 0, 4]);
    expect(zeroState(gpt.manifest, { batch: 3 })['present.0.key']).toBeUndefined();
    expect(zeroState(gpt.manifest, { batch: 3 })['past_key_values.1.value'].dims).toEqual([3, 2, 0, 4]);
    const out = await gpt.run(gptFeeds(gpt, ref.input_ids, null, 0));
    expect(() => nextState(gpt.manifest, { logits: out.logits })).toThrow('model "tiny-gpt": the run did not return state output "present.0.key" (ask for it in outputNames)');
    expect(maxDiff(out.logits.data as Float32Array, ref.logits.data)).toBeLessThan(1e-4);
  });

  it('stepping with the cache equals full recompute, one token at a time and in chunks', async () => {
    const gpt = await models.load('tiny-gpt');
    const tokens = reference('tiny-gpt').input_ids;
    const full = await stepGpt(gpt, tokens, [tokens.length]);
    expect(maxDiff(await stepGpt(gpt, tokens, tokens.map(() => 1)), full)).toBeLessThan(1e-4);
    expect(maxDiff(await stepGpt(gpt, tokens, [3, 1, 3]), full)).toBeLessThan(1e-4);
  });

  it('ignores left padding masked out by attention_mask', async () => {
    const gpt = await models.load('tiny-gpt');
    const plain = await gpt.run(gptFeeds(gpt, [9, 3], null, 0));
    const padded = await gpt.run({
      ...gptFeeds(gpt, [7, 9, 3], null, 0),
      attention_mask: int64([0, 1, 1], [1, 3]),
      position_ids: int64([0, 0, 1], [1, 3]),
    });
    const rows = (padded.logits.data as Float32Array).subarray(16);
    expect(maxDiff(rows, plain.logits.data as Float32Array)).toBeLessThan(1e-5);
    const unmasked = await gpt.run({ ...gptFeeds(gpt, [7, 9, 3], null, 0), position_ids: int64([0, 0, 1], [1, 3]) });
    expect(maxDiff((unmasked.logits.data as Float32Array).subarray(16), plain.logits.data as Float32Array)).toBeGreaterThan(1e-3);
  });
});
