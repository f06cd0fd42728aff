/**
 * Feeding a token model one step at a time: the recurrent state (LSTM h/c) or the key/value cache
 * (transformer) of each call is fed back into the next (docs/models.md), so every new token costs
 * one short call instead of re-running the whole context. A transformer's context is bounded by its
 * position table: when it is full, the cache restarts from the last half of the tokens (the sliding
 * window the chorale recipe evaluates and generates with), one prefill per half-context of tokens.
 */
import type { MlTensor, TensorMap } from '../../src/ml/service';
import { nextState, zeroState } from '../../src/ml/state';
import { int64, row } from '../../src/ml/tensors';
import type { NeuralHandle } from './openModel';

/** Steps a model through a token sequence. */
export interface TokenStepper {
  /**
   * Feeds tokens after those fed so far and returns the logits of the token that comes next.
   * @example
   * let logits = await stepper.feed(prefix); logits = await stepper.feed([sampled]);
   */
  feed(tokens: readonly number[]): Promise<Float32Array>;
  /** Model calls made so far (for the node's summary). */
  readonly calls: number;
  /** How many times the context window slid (transformers). */
  readonly slides: number;
}

/**
 * A stepper over an opened model, starting from the zero state (past length 0).
 * @example
 * const stepper = createStepper(handle);
 */
export function createStepper(handle: NeuralHandle): TokenStepper {
  const { model, value } = handle;
  const inputs = new Set(model.inputNames);
  const max = value.maxPositions ?? Infinity;
  const keep = Math.max(1, Math.floor(max / 2));
  let state = zeroState(model.manifest);
  let past = 0;
  let calls = 0;
  let slides = 0;
  const history: number[] = [];

  async function run(tokens: readonly number[]): Promise<Float32Array> {
    const n = tokens.length;
    const feeds: TensorMap = { ...state, input_ids: int64(tokens, [1, n]) };
    if (inputs.has('attention_mask')) feeds.attention_mask = int64(new Array<number>(past + n).fill(1), [1, past + n]);
    if (inputs.has('position_ids')) feeds.position_ids = int64(Array.from({ length: n }, (_, i) => past + i), [1, n]);
    const out = await model.run(feeds);
    calls++;
    state = nextState(model.manifest, out);
    past += n;
    return row(out.logits as MlTensor<'float32'>, n - 1);
  }

  return {
    get calls() { return calls; },
    get slides() { return slides; },
    async feed(tokens) {
      if (tokens.length === 0) throw new Error('feed: no tokens to feed');
      if (!Number.isFinite(max)) return run(tokens);
      history.push(...tokens);
      if (history.length > max) history.splice(0, history.length - max);
      if (past + tokens.length <= max) return run(tokens);
      slides++;
      state = zeroState(model.manifest);
      past = 0;
      return run(history.slice(-keep));
    },
  };
}
