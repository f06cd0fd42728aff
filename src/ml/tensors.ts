/**
 * The plain tensor value of the ml layer: a dtype, dims and a typed array. It is structured-clone
 * and transfer friendly (it crosses the Worker boundary as is) and carries no onnxruntime object,
 * so nodes can build and read tensors without importing onnxruntime-web (see ortTensors.ts for the
 * conversions, which share the typed arrays instead of copying them).
 */

/** The element types the ml layer passes to and from models. */
export type TensorType = 'float32' | 'int64' | 'int32';

/** The typed array of each element type. */
export interface TensorDataByType {
  float32: Float32Array;
  int64: BigInt64Array;
  int32: Int32Array;
}

/** A dense row-major tensor. */
export interface MlTensor<T extends TensorType = TensorType> {
  type: T;
  dims: number[];
  data: TensorDataByType[T];
}

/** Feeds or outputs of a model run, by tensor name. */
export type TensorMap = Record<string, MlTensor>;

/** Number of elements of a shape (1 for a scalar). */
export function elementCount(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 0) throw new Error(`tensor dims must be non-negative integers, got [${dims.join(', ')}]`);
    n *= d;
  }
  return n;
}

function checked<T extends TensorType>(type: T, data: TensorDataByType[T], dims: number[]): MlTensor<T> {
  const n = elementCount(dims);
  if (data.length !== n) throw new Error(`${type} tensor: ${data.length} values do not fill dims [${dims.join(', ')}] (${n} expected)`);
  return { type, dims: [...dims], data };
}

/**
 * A float32 tensor; `values` is used as is when it is already a Float32Array.
 * @example
 * const h = float32(new Float32Array(12), [1, 1, 12]);
 */
export function float32(values: Float32Array | ArrayLike<number>, dims: number[]): MlTensor<'float32'> {
  return checked('float32', values instanceof Float32Array ? values : Float32Array.from(values), dims);
}

/**
 * An int64 tensor (token ids, masks, positions) from numbers or a BigInt64Array.
 * @example
 * const ids = int64([1, 5, 9], [1, 3]);
 */
export function int64(values: BigInt64Array | ArrayLike<number>, dims: number[]): MlTensor<'int64'> {
  if (values instanceof BigInt64Array) return checked('int64', values, dims);
  const data = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = BigInt(Math.trunc(values[i]));
  return checked('int64', data, dims);
}

/** An int32 tensor; `values` is used as is when it is already an Int32Array. */
export function int32(values: Int32Array | ArrayLike<number>, dims: number[]): MlTensor<'int32'> {
  return checked('int32', values instanceof Int32Array ? values : Int32Array.from(values), dims);
}

/** A tensor of zeros (an empty recurrent state or a KV cache of past length 0). */
export function zeros<T extends TensorType>(type: T, dims: number[]): MlTensor<T> {
  const n = elementCount(dims);
  const data = type === 'float32' ? new Float32Array(n) : type === 'int64' ? new BigInt64Array(n) : new Int32Array(n);
  return { type, dims: [...dims], data: data as TensorDataByType[T] };
}

/** The values of a tensor as plain numbers (int64 values beyond 2^53 lose precision). */
export function toNumbers(tensor: MlTensor): number[] {
  return Array.from(tensor.data as ArrayLike<number | bigint>, (v) => Number(v));
}

/**
 * Row `index` of the last axis of a tensor seen as [rows, lastDim], as a view (no copy): with
 * logits [1, T, V], `row(logits, T - 1)` is the distribution over the next token.
 * @example
 * const next = row(outputs.logits as MlTensor<'float32'>, steps - 1);
 */
export function row(tensor: MlTensor<'float32'>, index: number): Float32Array {
  const width = tensor.dims[tensor.dims.length - 1] ?? 1;
  const rows = width === 0 ? 0 : tensor.data.length / width;
  if (!Number.isInteger(index) || index < 0 || index >= rows) {
    throw new Error(`row ${index} is outside a tensor of ${rows} rows of ${width} (dims [${tensor.dims.join(', ')}])`);
  }
  return tensor.data.subarray(index * width, (index + 1) * width);
}

/** The distinct ArrayBuffers behind some tensors: the list to transfer when posting them. */
export function tensorBuffers(tensors: Iterable<MlTensor>): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const t of tensors) {
    const buffer = t.data.buffer;
    if (buffer instanceof ArrayBuffer && buffer.byteLength > 0) seen.add(buffer);
  }
  return [...seen];
}

/** True when `value` has the shape of an MlTensor (used to check values crossing a boundary). */
export function isMlTensor(value: unknown): value is MlTensor {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as MlTensor;
  if (!Array.isArray(t.dims)) return false;
  return (t.type === 'float32' && t.data instanceof Float32Array)
    || (t.type === 'int64' && t.data instanceof BigInt64Array)
    || (t.type === 'int32' && t.data instanceof Int32Array);
}
