/**
 * Reads the declared inputs and outputs of an ONNX graph (names, element types, shapes) straight
 * from the protobuf bytes, without onnxruntime: what a lone user .onnx needs to get a derived
 * manifest. Only the few fields on that path are decoded (ModelProto.graph → GraphProto.input /
 * output / initializer → ValueInfoProto → TypeProto.Tensor → TensorShapeProto); the rest is skipped.
 */
import { int64Number, protoFields as fields, visitGraph } from '../../src/ml/onnxProto';

/** One graph input or output: a dim is a size, an axis name, or null when the graph leaves it open. */
export interface GraphValue {
  name: string;
  dtype: string;
  shape: (number | string | null)[];
}

/** What a graph takes and gives. */
export interface GraphInfo {
  inputs: GraphValue[];
  outputs: GraphValue[];
}

/** TensorProto.DataType numbers → manifest dtypes (others keep their number). */
const DTYPES: Record<number, string> = { 1: 'float32', 2: 'uint8', 3: 'int8', 6: 'int32', 7: 'int64', 9: 'bool', 10: 'float16' };

function readShape(bytes: Uint8Array): (number | string | null)[] {
  const dims: (number | string | null)[] = [];
  fields(bytes, (field, r) => {
    if (field !== 1) return false;
    let dim: number | string | null = null;
    fields(r.bytes(), (f, d) => {
      if (f === 1) dim = int64Number(d.int64());
      else if (f === 2) dim = d.string() || null;
      else return false;
      return true;
    });
    dims.push(dim);
    return true;
  });
  return dims;
}

function readValueInfo(bytes: Uint8Array): GraphValue {
  const value: GraphValue = { name: '', dtype: 'unknown', shape: [] };
  fields(bytes, (field, r) => {
    if (field === 1) value.name = r.string();
    else if (field === 2) {
      fields(r.bytes(), (f, t) => {
        if (f !== 1) return false; // tensor_type only
        fields(t.bytes(), (g, u) => {
          if (g === 1) { const n = u.int32(); value.dtype = DTYPES[n] ?? `type ${n}`; }
          else if (g === 2) value.shape = readShape(u.bytes());
          else return false;
          return true;
        });
        return true;
      });
    } else return false;
    return true;
  });
  return value;
}

function initializerName(bytes: Uint8Array): string {
  let name = '';
  fields(bytes, (field, r) => (field === 8 ? ((name = r.string()), true) : false));
  return name;
}

/**
 * The inputs (initializers excluded) and outputs of the graph in an ONNX model file.
 * @example
 * readGraphInfo(bytes).inputs.map((v) => v.name); // ['input_ids', 'h0', 'c0']
 */
export function readGraphInfo(bytes: Uint8Array, where: string): GraphInfo {
  const inputs: GraphValue[] = [];
  const outputs: GraphValue[] = [];
  const initializers = new Set<string>();
  visitGraph(bytes, where, (f, g) => {
    if (f === 11) inputs.push(readValueInfo(g.bytes()));
    else if (f === 12) outputs.push(readValueInfo(g.bytes()));
    else if (f === 5) initializers.add(initializerName(g.bytes()));
    else return false;
    return true;
  });
  return { inputs: inputs.filter((v) => !initializers.has(v.name)), outputs };
}
