/**
 * The timed generation loop of bench/neural.ts, self-contained so that the very same function runs
 * in Node (on a LoadedModel of src/ml/nodeModels) and inside the page (handed to page.evaluate with
 * a LoadedModel of the page's Worker). It generates greedily (argmax, never <pad>/<bos>/<eos>), one
 * model call per new token, either with the state carried from call to call (the LSTM's h/c, the
 * transformer's key/value cache) or recomputing the whole context from the empty state each time.
 * It must not use anything from outside its own body: imports are types only.
 */
import type { LoadedModel } from '../../src/ml/service';
import type { MlTensor, TensorMap } from '../../src/ml/tensors';

/** What to time. */
export interface LoopOptions {
  /** 'cached': feed only the new token plus the state; 'full': feed the whole context every step. */
  mode: 'cached' | 'full';
  /** Tokens to generate (model calls). */
  tokens: number;
  /** The context to start from, e.g. [<bos>]. */
  prompt: number[];
}

/** What one timed loop gives. */
export interface LoopResult {
  mode: 'cached' | 'full';
  provider: string;
  /** The generated tokens (greedy, so both modes should agree). */
  tokens: number[];
  /** Wall time of the whole loop and of its first call, in ms. */
  ms: number;
  firstMs: number;
}

/**
 * Generates `options.tokens` tokens and times it.
 * @example
 * const r = await generationLoop(model, { mode: 'cached', tokens: 512, prompt: [1] }); 512 / (r.ms / 1000); // tokens/s
 */
export async function generationLoop(model: Pick<LoadedModel, 'manifest' | 'inputNames' | 'provider' | 'run'>, options: LoopOptions): Promise<LoopResult> {
  const { contract } = model.manifest;
  const wanted = new Set(model.inputNames);
  const ids = (values: number[]): MlTensor<'int64'> => ({ type: 'int64', dims: [1, values.length], data: BigInt64Array.from(values, BigInt) });
  const zeroState = (): TensorMap => {
    const state: TensorMap = {};
    for (const { input } of contract.state) {
      const spec = contract.inputs.find((t) => t.name === input)!;
      const dims = spec.shape.map((d) => (typeof d === 'number' ? d : d === 'batch' ? 1 : 0));
      state[input] = { type: 'float32', dims, data: new Float32Array(dims.reduce((a, b) => a * b, 1)) };
    }
    return state;
  };
  const sequence = [...options.prompt];
  let state = zeroState();
  let past = 0;
  let firstMs = 0;
  const t0 = performance.now();
  for (let step = 0; step < options.tokens; step++) {
    const cached = options.mode === 'cached';
    const input = cached ? (step === 0 ? sequence : sequence.slice(-1)) : sequence;
    const offset = cached ? past : 0;
    const feeds: TensorMap = { input_ids: ids(input), ...(cached ? state : zeroState()) };
    if (wanted.has('attention_mask')) feeds.attention_mask = ids(new Array(offset + input.length).fill(1));
    if (wanted.has('position_ids')) feeds.position_ids = ids(input.map((_, i) => offset + i));
    const out = await model.run(feeds, cached ? undefined : ['logits']);
    if (cached) {
      for (const { input: name, output } of contract.state) state[name] = out[output];
      past += input.length;
    }
    const logits = out.logits.data as Float32Array;
    const vocab = out.logits.dims[out.logits.dims.length - 1];
    let best = 3;
    for (let v = 3; v < vocab; v++) if (logits[logits.length - vocab + v] > logits[logits.length - vocab + best]) best = v;
    sequence.push(best);
    if (step === 0) firstMs = performance.now() - t0;
  }
  return { mode: options.mode, provider: model.provider, tokens: sequence.slice(options.prompt.length), ms: performance.now() - t0, firstMs };
}
