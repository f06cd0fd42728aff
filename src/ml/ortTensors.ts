/**
 * Conversions between the plain MlTensor and onnxruntime's Tensor. Both directions share the typed
 * array (no copy); onnxruntime is passed in, so this file works with the Node build
 * (`onnxruntime-web`) and the browser build (`onnxruntime-web/webgpu`) alike.
 */
import type { Tensor as OrtTensor } from 'onnxruntime-web';
import type { MlTensor, TensorType } from './tensors';

/** The part of an onnxruntime module these conversions need. */
export interface OrtTensorModule {
  Tensor: typeof OrtTensor;
}

const TYPES: readonly TensorType[] = ['float32', 'int64', 'int32'];

/**
 * Wraps a plain tensor as an onnxruntime Tensor over the same memory.
 * @example
 * const feeds = { input_ids: toOrtTensor(ort, int64([1, 2], [1, 2])) };
 */
export function toOrtTensor(ort: OrtTensorModule, tensor: MlTensor): OrtTensor {
  return new ort.Tensor(tensor.type, tensor.data, tensor.dims);
}

/**
 * Reads an onnxruntime CPU tensor as a plain tensor over the same memory; `name` is for errors.
 * GPU-located tensors must be downloaded first (sessions here keep outputs on the CPU).
 */
export function fromOrtTensor(tensor: OrtTensor, name: string): MlTensor {
  if (!TYPES.includes(tensor.type as TensorType)) {
    throw new Error(`output "${name}" has type ${tensor.type}; the ml layer passes float32, int64 and int32 tensors only`);
  }
  if (tensor.location !== 'cpu' && tensor.location !== 'cpu-pinned') {
    throw new Error(`output "${name}" lives on ${tensor.location}; download it to the CPU first`);
  }
  return { type: tensor.type as TensorType, dims: tensor.dims.map(Number), data: tensor.data as MlTensor['data'] };
}
