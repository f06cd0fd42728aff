import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { fromOrtTensor, toOrtTensor } from '../../src/ml/ortTensors';
import { elementCount, float32, int32, int64, isMlTensor, row, tensorBuffers, toNumbers, zeros } from '../../src/ml/tensors';
import { testModelFile } from '../../src/ml/testModelsVitePlugin';

describe('plain tensors', () => {
  it('build from numbers or typed arrays and check their dims', () => {
    const ids = int64([1, 5, 9], [1, 3]);
    expect(ids.data).toBeInstanceOf(BigInt64Array);
    expect(toNumbers(ids)).toEqual([1, 5, 9]);
    const data = new Float32Array(6);
    expect(float32(data, [2, 3]).data).toBe(data);
    expect(int32([1, 2], [2]).data).toBeInstanceOf(Int32Array);
    expect(() => float32([1, 2, 3], [2, 2])).toThrow('float32 tensor: 3 values do not fill dims [2, 2] (4 expected)');
    expect(() => elementCount([2, -1])).toThrow(/non-negative integers/);
    expect(zeros('float32', [1, 2, 0, 4]).data.length).toBe(0);
    expect(isMlTensor(ids)).toBe(true);
    expect(isMlTensor({ type: 'int64', dims: [1], data: new Float32Array(1) })).toBe(false);
  });

  it('give rows of the last axis as views', () => {
    const logits = float32([0, 1, 2, 3, 4, 5], [1, 2, 3]);
    const last = row(logits, 1);
    expect([...last]).toEqual([3, 4, 5]);
    last[0] = 9;
    expect(logits.data[3]).toBe(9);
    expect(() => row(logits, 2)).toThrow('row 2 is outside a tensor of 2 rows of 3 (dims [1, 2, 3])');
  });

  it('list each buffer once for transfer', () => {
    const buffer = new Float32Array(8);
    const a = float32(buffer.subarray(0, 4), [4]);
    const b = float32(buffer.subarray(4), [4]);
    expect(tensorBuffers([a, b, int64([1], [1])])).toHaveLength(2);
  });
});

describe('onnxruntime conversions', () => {
  it('share the typed arrays both ways', () => {
    const t = float32([1, 2, 3, 4], [2, 2]);
    const o = toOrtTensor(ort, t);
    expect(o.data).toBe(t.data);
    expect(o.dims).toEqual([2, 2]);
    const back = fromOrtTensor(o, 'x');
    expect(back.data).toBe(t.data);
    expect(back).toEqual({ type: 'float32', dims: [2, 2], data: t.data });
    expect(() => fromOrtTensor(new ort.Tensor('bool', new Uint8Array(1), [1]), 'mask')).toThrow(/output "mask" has type bool/);
  });
});

describe('the test-model server', () => {
  it('serves fixture files and nothing outside their folder', () => {
    expect(testModelFile('/test-models/tiny-gpt/onnx/model.onnx')).toMatch(/tests\/fixtures\/models\/tiny-gpt\/onnx\/model.onnx$/);
    expect(testModelFile('/test-models/../../package.json')).toBeNull();
    expect(testModelFile('/test-models/%2e%2e/%2e%2e/package.json')).toBeNull();
    expect(testModelFile('/test-models/tiny-gpt/missing.bin')).toBeNull();
    expect(testModelFile('/models/tiny-gpt/config.json')).toBeNull();
  });
});
