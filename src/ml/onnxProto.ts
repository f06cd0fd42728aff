/**
 * A reader for the parts of an ONNX model file that code outside onnxruntime needs: the graph's
 * nodes (op, name, inputs, outputs, attributes) and its float32 initializers, decoded from the
 * protobuf with protobufjs's wire reader. onnx.proto field numbers: ModelProto.graph 7;
 * GraphProto node 1, initializer 5; NodeProto input 1, output 2, name 3, op_type 4, attribute 5;
 * AttributeProto name 1, f 2, i 3, s 4, t 5, floats 7, ints 8; TensorProto dims 1, data_type 2,
 * float_data 4, int64_data 7, name 8, raw_data 9.
 */
import protobuf from 'protobufjs/minimal.js';

/** protobufjs's wire reader. */
export type Reader = protobuf.Reader;

/** A tensor of the graph: float32 data, or int64 data as numbers (other types' data is not read: empty). */
export interface OnnxTensor {
  name: string;
  dims: number[];
  /** TensorProto.DataType (1 float32, 7 int64). */
  dataType: number;
  data: Float32Array | number[];
}

/** An attribute's value: a float, an int, a string, a tensor, or a list of floats or ints. */
export type OnnxAttribute = number | string | OnnxTensor | number[];

/** One node of the graph. */
export interface OnnxNode {
  name: string;
  opType: string;
  inputs: string[];
  outputs: string[];
  attributes: Record<string, OnnxAttribute>;
}

/** The graph's nodes in order and its initializers by name. */
export interface OnnxGraph {
  nodes: OnnxNode[];
  initializers: Map<string, OnnxTensor>;
}

const WIRE_LENGTH_DELIMITED = 2;
/** TensorProto.DataType of float32 and int64. */
const FLOAT32 = 1;
const INT64 = 7;

/** Calls `visit(field, reader, wireType)` for each field of the message in `bytes`; visit returns false to skip it. */
export function protoFields(bytes: Uint8Array, visit: (field: number, reader: Reader, wireType: number) => boolean): void {
  const reader = protobuf.Reader.create(bytes);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (!visit(tag >>> 3, reader, tag & 7)) reader.skipType(tag & 7);
  }
}

/** A protobufjs int64 (a number, or a Long where numbers cannot hold it) as a number. */
export function int64Number(v: unknown): number {
  return typeof v === 'number' ? v : (v as { toNumber(): number }).toNumber();
}

/** Reads a repeated scalar field, packed or not, with `one` reading a single value. */
function repeated(reader: Reader, wireType: number, one: (r: Reader) => number, into: number[]): void {
  if (wireType !== WIRE_LENGTH_DELIMITED) { into.push(one(reader)); return; }
  const end = reader.uint32() + reader.pos;
  while (reader.pos < end) into.push(one(reader));
}

const readInt64 = (r: Reader): number => int64Number(r.int64());
const readFloat = (r: Reader): number => r.float();

/** Decodes a TensorProto (float32 from float_data or raw_data; int64 from int64_data or raw_data). */
function readTensor(bytes: Uint8Array): OnnxTensor {
  const dims: number[] = [];
  const floats: number[] = [];
  const ints: number[] = [];
  let name = '';
  let dataType = 0;
  let raw: Uint8Array | null = null;
  protoFields(bytes, (field, r, wire) => {
    if (field === 1) repeated(r, wire, readInt64, dims);
    else if (field === 2) dataType = r.int32();
    else if (field === 4) repeated(r, wire, readFloat, floats);
    else if (field === 7) repeated(r, wire, readInt64, ints);
    else if (field === 8) name = r.string();
    else if (field === 9) raw = r.bytes();
    else return false;
    return true;
  });
  const bytesOf = raw as Uint8Array | null;
  if (dataType === INT64) {
    if (bytesOf) {
      const view = new DataView(bytesOf.buffer, bytesOf.byteOffset, bytesOf.byteLength);
      for (let i = 0; i + 8 <= bytesOf.byteLength; i += 8) ints.push(Number(view.getBigInt64(i, true)));
    }
    return { name, dims, dataType, data: ints };
  }
  if (dataType !== FLOAT32) return { name, dims, dataType, data: new Float32Array(0) }; // not read: no caller needs them
  if (!bytesOf) return { name, dims, dataType, data: Float32Array.from(floats) };
  const count = dims.reduce((n, d) => n * d, 1);
  if (bytesOf.byteLength !== 4 * count) throw new Error(`tensor "${name}": ${bytesOf.byteLength} bytes of raw data for ${count} float32 values`);
  // A copy: raw_data may sit at an offset a Float32Array cannot start at (and, in Node, inside Buffer's shared pool).
  const copy = new Uint8Array(bytesOf.byteLength);
  copy.set(bytesOf);
  return { name, dims, dataType, data: new Float32Array(copy.buffer) };
}

function readAttribute(bytes: Uint8Array): [string, OnnxAttribute] {
  let name = '';
  let value: OnnxAttribute = [];
  const list: number[] = [];
  protoFields(bytes, (field, r, wire) => {
    if (field === 1) name = r.string();
    else if (field === 2) value = r.float();
    else if (field === 3) value = readInt64(r);
    else if (field === 4) value = new TextDecoder().decode(r.bytes());
    else if (field === 5) value = readTensor(r.bytes());
    else if (field === 7) { repeated(r, wire, readFloat, list); value = list; }
    else if (field === 8) { repeated(r, wire, readInt64, list); value = list; }
    else return false;
    return true;
  });
  return [name, value];
}

function readNode(bytes: Uint8Array): OnnxNode {
  const node: OnnxNode = { name: '', opType: '', inputs: [], outputs: [], attributes: {} };
  protoFields(bytes, (field, r) => {
    if (field === 1) node.inputs.push(r.string());
    else if (field === 2) node.outputs.push(r.string());
    else if (field === 3) node.name = r.string();
    else if (field === 4) node.opType = r.string();
    else if (field === 5) { const [k, v] = readAttribute(r.bytes()); node.attributes[k] = v; }
    else return false;
    return true;
  });
  return node;
}

/**
 * Calls `visit(field, reader)` for each field of the GraphProto in an ONNX model file; `where`
 * names the file in the errors for bytes that are not an ONNX model.
 */
export function visitGraph(bytes: Uint8Array, where: string, visit: (field: number, reader: Reader) => boolean): void {
  let sawGraph = false;
  try {
    protoFields(bytes, (field, r) => {
      if (field !== 7) return false;
      sawGraph = true;
      protoFields(r.bytes(), visit);
      return true;
    });
  } catch (err) {
    throw new Error(`${where}: not a readable ONNX model (${(err as Error).message})`);
  }
  if (!sawGraph) throw new Error(`${where}: not an ONNX model (no graph in it)`);
}

/**
 * The nodes and initializers of the graph in an ONNX model file; `where` names the file in errors.
 * @example
 * const { nodes, initializers } = readOnnxGraph(bytes, 'public/models/ddsp-sax/model.onnx');
 */
export function readOnnxGraph(bytes: Uint8Array, where: string): OnnxGraph {
  const nodes: OnnxNode[] = [];
  const initializers = new Map<string, OnnxTensor>();
  visitGraph(bytes, where, (field, r) => {
    if (field === 1) nodes.push(readNode(r.bytes()));
    else if (field === 5) { const t = readTensor(r.bytes()); initializers.set(t.name, t); }
    else return false;
    return true;
  });
  return { nodes, initializers };
}
