import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest } from '../../src/ml/manifest';
import { manifestJson } from './fixtures';

const FILE = 'public/models/tiny-gpt/manifest.json';

/** The problems parseManifest reports for `value`. */
function problems(value: unknown): string[] {
  try {
    parseManifest(value, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as Error).message.startsWith(`${FILE}: invalid model manifest`)).toBe(true);
    return (err as ManifestError).problems;
  }
  throw new Error('the manifest was accepted');
}

describe('parseManifest', () => {
  it('reads both fixture manifests with their contracts and state pairs', () => {
    const gpt = parseManifest(JSON.stringify(manifestJson('tiny-gpt')), FILE);
    expect(gpt.kind).toBe('token-transformer');
    expect(gpt.onnx).toBe('onnx/model.onnx');
    expect(gpt.contract.inputs.map((t) => t.name).slice(0, 3)).toEqual(['input_ids', 'attention_mask', 'position_ids']);
    expect(gpt.contract.state).toHaveLength(4);
    expect(gpt.contract.state[3]).toEqual({ input: 'past_key_values.1.value', output: 'present.1.value' });
    const lstm = parseManifest(manifestJson('tiny-lstm'), 'x');
    expect(lstm.contract.state.map((p) => p.input)).toEqual(['h', 'c']);
    expect(lstm.files.find((f) => f.path === 'model.onnx')!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the JSON path of a bad dtype, a bad digest and an unknown key in a strict part', () => {
    const m = manifestJson('tiny-gpt');
    m.contract.inputs[2].dtype = 'float64';
    m.files[1].sha256 = 'ABC';
    m.contract.outputs[0].dtpye = 'float32';
    const p = problems(m);
    expect(p.some((s) => s.startsWith('contract.inputs[2].dtype: '))).toBe(true);
    expect(p.some((s) => s.startsWith('files[1].sha256: must be 64 lowercase hex digits'))).toBe(true);
    expect(p).toContain('contract.outputs[0]: unknown key "dtpye" (docs/models.md lists the keys)');
  });

  it('keeps the extra keys a recipe adds at the top level and in the contract', () => {
    const m = manifestJson('tiny-lstm');
    m.weights = 'weights.safetensors';
    m.contract.max_positions = 256;
    m.metrics = { nll: { valid: 1.2, test: 1.3 } };
    const parsed = parseManifest(m, FILE) as Record<string, unknown> & { contract: Record<string, unknown> };
    expect(parsed.weights).toBe('weights.safetensors');
    expect(parsed.contract.max_positions).toBe(256);
  });

  it('refuses a graph that is not listed, state pairs that name undeclared tensors, and duplicates', () => {
    const m = manifestJson('tiny-lstm');
    m.onnx = 'other.onnx';
    m.contract.state[1] = { input: 'cell', output: 'c_out' };
    m.contract.outputs.push({ ...m.contract.outputs[0] });
    const p = problems(m);
    expect(p).toContain('onnx: "other.onnx" is not one of the listed files');
    expect(p).toContain('contract.state[1].input: "cell" is not a declared input');
    expect(p).toContain('contract.outputs[3].name: "logits" is declared twice');
  });

  it('refuses state pairs of different dtypes and paths that leave the model folder', () => {
    const m = manifestJson('tiny-lstm');
    m.contract.outputs[1].dtype = 'float16';
    expect(problems(m)).toContain('contract.state[0]: "h" is float32 but "h_out" is float16');
    const n = manifestJson('tiny-lstm');
    n.files[0].path = '../secret.onnx';
    expect(problems(n)[0]).toMatch(/^files\[0\]\.path: must be a relative path inside the model folder/);
  });

  it('reports text that is not JSON and missing required keys', () => {
    expect(problems('{"id": ')[0]).toMatch(/^not valid JSON: /);
    const p = problems({ id: 'x', title: 't', kind: 'token-transformer', files: [], onnx: 'm.onnx' });
    expect(p).toContain('files: must list at least the ONNX file');
    expect(p.some((s) => s.startsWith('contract: '))).toBe(true);
  });
});
