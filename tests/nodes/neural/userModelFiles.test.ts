/**
 * A lone .onnx: its inputs and outputs read from the protobuf (hand-built graphs here, the fixture
 * exports in loadModel.test.ts) and the manifest derived from them — LSTM state pairs, a transformer
 * cache, and graphs refused with what they lack.
 */
import protobuf from 'protobufjs/minimal.js';
import { describe, expect, it } from 'vitest';
import { readGraphInfo } from '../../../nodes/neural/onnxGraph';
import { deriveGraphManifest, filesFromAssets } from '../../../nodes/neural/userModelFiles';
import { zipSync } from 'fflate';
import { makeAsset } from '../runNode';

type Dim = number | string;
const FLOAT = 1;
const INT64 = 7;

/** An ONNX ModelProto holding only a graph's declared inputs and outputs (field numbers of onnx.proto). */
function graphBytes(inputs: [string, number, Dim[]][], outputs: [string, number, Dim[]][]): Uint8Array {
  const w = protobuf.Writer.create();
  w.uint32((7 << 3) | 2).fork(); // ModelProto.graph
  for (const [field, values] of [[11, inputs], [12, outputs]] as const) {
    for (const [name, type, shape] of values) {
      w.uint32((field << 3) | 2).fork().uint32((1 << 3) | 2).string(name); // ValueInfoProto.name
      w.uint32((2 << 3) | 2).fork().uint32((1 << 3) | 2).fork().uint32(1 << 3).int32(type); // TypeProto.tensor_type.elem_type
      w.uint32((2 << 3) | 2).fork(); // Tensor.shape
      for (const d of shape) {
        w.uint32((1 << 3) | 2).fork();
        if (typeof d === 'number') w.uint32(1 << 3).int64(d); else w.uint32((2 << 3) | 2).string(d);
        w.ldelim();
      }
      w.ldelim().ldelim().ldelim().ldelim();
    }
  }
  return w.ldelim().finish();
}

describe('a lone .onnx', () => {
  it('reads names, element types and shapes from the graph', () => {
    const info = readGraphInfo(graphBytes([['input_ids', INT64, [1, 'seq']]], [['logits', FLOAT, [1, 'seq', 216]]]), 'test');
    expect(info).toEqual({
      inputs: [{ name: 'input_ids', dtype: 'int64', shape: [1, 'seq'] }],
      outputs: [{ name: 'logits', dtype: 'float32', shape: [1, 'seq', 216] }],
    });
    expect(() => readGraphInfo(new TextEncoder().encode('not a model'), 'x.onnx')).toThrow(/x\.onnx: not (a readable|an) ONNX model/);
  });

  it('gets an LSTM manifest with its state pairs, or a transformer one with its cache', async () => {
    const lstm = graphBytes(
      [['input_ids', INT64, [1, 'seq']], ['h0', FLOAT, [2, 1, 64]], ['c0', FLOAT, [2, 1, 64]]],
      [['logits', FLOAT, [1, 'seq', 216]], ['hn', FLOAT, [2, 1, 64]], ['cn', FLOAT, [2, 1, 64]]],
    );
    expect(await deriveGraphManifest('My LSTM.onnx', lstm, 'auto', 'node n')).toMatchObject({
      id: 'my-lstm', kind: 'token-lstm', vocabulary: { id: 'genpatch-events-v1', size: 216, format: 'melody' },
      contract: { state: [{ input: 'h0', output: 'hn' }, { input: 'c0', output: 'cn' }] },
      files: [{ path: 'model.onnx', bytes: lstm.length }],
    });
    const kv = ['key', 'value'].map((k) => `past_key_values.0.${k}`);
    const gpt = graphBytes(
      [['input_ids', INT64, ['batch', 'seq']], ['attention_mask', INT64, ['batch', 'total']], ...kv.map((n) => [n, FLOAT, ['batch', 2, 'past', 8]] as [string, number, Dim[]])],
      [['logits', FLOAT, ['batch', 'seq', 216]], ...kv.map((n) => [n.replace('past_key_values', 'present'), FLOAT, ['batch', 2, 'total', 8]] as [string, number, Dim[]])],
    );
    expect(await deriveGraphManifest('gpt.onnx', gpt, 'auto', 'node n')).toMatchObject({
      kind: 'token-transformer', vocabulary: { format: 'chorale' },
      contract: { state: [{ input: 'past_key_values.0.key', output: 'present.0.key' }, { input: 'past_key_values.0.value', output: 'present.0.value' }] },
    });
  });

  it('is refused when it lacks what the nodes need, each problem named', async () => {
    const bare = graphBytes([['tokens', INT64, [1, 'seq']], ['h', FLOAT, [1, 1, 8]]], [['scores', FLOAT, [1, 'seq', 216]]]);
    const refused = deriveGraphManifest('bare.onnx', bare, 'auto', 'node n');
    await expect(refused).rejects.toThrow(/bare\.onnx does not fit the neural nodes' contract/);
    await expect(refused).rejects.toThrow(/no input "input_ids"/);
    await expect(refused).rejects.toThrow(/no output "logits"/);
    await expect(refused).rejects.toThrow(/input "tokens" has no state output to pair with/);
    const open = graphBytes(
      [['input_ids', INT64, [1, 'seq']], ['h0', FLOAT, ['layers', 1, 64]]],
      [['logits', FLOAT, [1, 'seq', 216]], ['hn', FLOAT, ['layers', 1, 64]]],
    );
    await expect(deriveGraphManifest('open.onnx', open, 'auto', 'node n')).rejects.toThrow(/state input "h0" has open sizes \[layers, 1, 64\]/);
  });

  it('comes out of a zip with its folder stripped and the junk left out', () => {
    const zip = zipSync({ 'mine/model.onnx': new Uint8Array([1]), 'mine/manifest.json': new Uint8Array([2]), '__MACOSX/mine/._model.onnx': new Uint8Array([3]) });
    const files = filesFromAssets([makeAsset('m.zip', 'm.zip', zip)], 'node n');
    expect([...files.keys()].sort()).toEqual(['manifest.json', 'model.onnx']);
    expect(() => filesFromAssets([makeAsset('b.zip', 'b.zip', new Uint8Array([1, 2, 3]))], 'node n')).toThrow(/asset "b\.zip" is not a readable zip/);
  });
});
