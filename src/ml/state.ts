/**
 * Recurrent state and KV caches as the manifest declares them (`contract.state` pairs): the zero
 * state a sequence starts from, and the outputs of a step turned into the state feeds of the next.
 */
import type { ModelManifest } from './manifest';
import { zeros, type TensorMap, type TensorType } from './tensors';

const FEEDABLE: readonly string[] = ['float32', 'int64', 'int32'];

/**
 * Zero tensors for every state input, symbolic axes sized from `sizes` ('batch' defaults to 1,
 * any other symbolic axis, such as a KV cache's past length, to 0).
 * @example
 * let state = zeroState(model.manifest); // h, c: [1, 1, 12]; past_key_values.*: [1, 2, 0, 4]
 */
export function zeroState(manifest: ModelManifest, sizes: Readonly<Record<string, number>> = {}): TensorMap {
  const out: TensorMap = {};
  for (const { input } of manifest.contract.state) {
    const spec = manifest.contract.inputs.find((t) => t.name === input);
    if (!spec) throw new Error(`model "${manifest.id}": state input "${input}" is not a declared input`);
    if (!FEEDABLE.includes(spec.dtype)) throw new Error(`model "${manifest.id}": state input "${input}" is ${spec.dtype}; only float32, int64 and int32 can be fed`);
    const dims = spec.shape.map((d) => (typeof d === 'number' ? d : sizes[d] ?? (d === 'batch' ? 1 : 0)));
    out[input] = zeros(spec.dtype as TensorType, dims);
  }
  return out;
}

/**
 * The state feeds of the next step from a step's outputs (each state output under its input's name).
 * @example
 * const out = await model.run({ input_ids, ...state }); state = nextState(model.manifest, out);
 */
export function nextState(manifest: ModelManifest, outputs: TensorMap): TensorMap {
  const out: TensorMap = {};
  for (const { input, output } of manifest.contract.state) {
    const value = outputs[output];
    if (!value) throw new Error(`model "${manifest.id}": the run did not return state output "${output}" (ask for it in outputNames)`);
    out[input] = value;
  }
  return out;
}
