/** User models: a Hugging Face layout folder without a manifest gets one derived from config.json. */
import { afterAll, describe, expect, it } from 'vitest';
import { deriveHfManifest, pickGraph } from '../../src/ml/hfLayout';
import { idFromName, normaliseFiles } from '../../src/ml/modelFiles';
import { createNodeModelService } from '../../src/ml/nodeModels';
import { int64, zeros } from '../../src/ml/tensors';
import { maxDiff, MODELS_DIR, modelFiles, reference } from './fixtures';

const models = createNodeModelService(MODELS_DIR);
afterAll(() => models.dispose());

/** The tiny-gpt folder as a user would drop it: no manifest.json, under a folder name. */
function hfFolder(): Map<string, Uint8Array> {
  const files = modelFiles('tiny-gpt');
  files.delete('manifest.json');
  return new Map([...files].map(([p, b]) => [`Tiny GPT/${p}`, b]));
}

const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

async function failure(promise: Promise<unknown>): Promise<string> {
  try { await promise; } catch (err) { return (err as Error).message; }
  throw new Error('it did not fail');
}

describe('Hugging Face layout without a manifest', () => {
  it('derives the KV-cache contract from config.json and runs the graph', async () => {
    const model = await models.loadFiles(hfFolder(), { name: 'Tiny GPT', require: { kind: 'token-transformer', inputs: ['input_ids'], outputs: ['logits'] } });
    const m = model.manifest;
    expect(m.id).toBe('tiny-gpt');
    expect(m.kind).toBe('token-transformer');
    expect(m.onnx).toBe('onnx/model.onnx');
    expect(m.vocabulary).toEqual({ id: 'hf:gpt2', size: 16, format: 'hf-tokenizer', file: 'tokenizer.json' });
    expect(m.contract.state).toEqual([0, 1].flatMap((i) => ['key', 'value'].map((kv) => ({ input: `past_key_values.${i}.${kv}`, output: `present.${i}.${kv}` }))));
    expect(m.contract.inputs.find((t) => t.name === 'past_key_values.1.key')!.shape).toEqual(['batch', 2, 'past_sequence', 4]);
    const ref = reference('tiny-gpt');
    const feeds = Object.fromEntries(m.contract.state.map((p) => [p.input, zeros('float32', [1, 2, 0, 4])]));
    const n = ref.input_ids.length;
    const out = await model.run({
      ...feeds, input_ids: int64(ref.input_ids, [1, n]), attention_mask: int64(new Array(n).fill(1), [1, n]),
      position_ids: int64([...Array(n).keys()], [1, n]),
    });
    expect(maxDiff(out.logits.data as Float32Array, ref.logits.data)).toBeLessThan(1e-4);
    expect((model.json('tokenizer.json') as { model: { type: string } }).model.type).toBe('WordLevel');
    expect(() => model.file('vocab.txt')).toThrow(/model "tiny-gpt" has no file "vocab.txt"/);
  });

  it('drops optional tensors the graph lacks, with their state pairs', async () => {
    const files = hfFolder();
    const config = JSON.parse(new TextDecoder().decode(files.get('Tiny GPT/config.json')));
    files.set('Tiny GPT/config.json', text({ ...config, n_layer: 3 }));
    const model = await models.loadFiles(files, { name: 'three layers' });
    const names = model.manifest.contract.inputs.map((t) => t.name);
    expect(names).toContain('past_key_values.1.value');
    expect(names).not.toContain('past_key_values.2.key');
    expect(model.manifest.contract.outputs.map((t) => t.name)).not.toContain('present.2.value');
    expect(model.manifest.contract.state).toHaveLength(4);
  });

  it('refuses a config.json that is not a causal LM, a lone .onnx and an empty folder', async () => {
    const files = hfFolder();
    files.set('Tiny GPT/config.json', text({ model_type: 'bert', architectures: ['BertModel'] }));
    expect(await failure(models.loadFiles(files, { name: 'bert' }))).toMatch(/bert\/config.json: only causal language models can be derived/);
    const lone = new Map([['model.onnx', modelFiles('tiny-lstm').get('model.onnx')!]]);
    expect(await failure(models.loadFiles(lone, { name: 'lstm.onnx' }))).toMatch(/model.onnx has no manifest.json beside it/);
    expect(await failure(models.loadFiles({ 'notes.txt': new Uint8Array(1) }))).toMatch(/no model here/);
  });

  it('refuses a config.json it cannot size the cache from', async () => {
    const files = new Map([['config.json', text({ architectures: ['GPT2LMHeadModel'], vocab_size: 16 })]]);
    expect(await failure(deriveHfManifest(files, { id: 'x', where: 'drop' }))).toMatch(/cannot derive the KV-cache contract: missing or odd layers/);
  });
});

describe('file helpers', () => {
  it('normalises dropped paths and picks the graph', () => {
    const n = normaliseFiles({ './a/onnx/model.onnx': new Uint8Array(1), 'a\\config.json': new Uint8Array(2) });
    expect([...n.keys()]).toEqual(['onnx/model.onnx', 'config.json']);
    expect(pickGraph(['onnx/model_quantized.onnx', 'onnx/model.onnx'], undefined, 'd')).toBe('onnx/model.onnx');
    expect(pickGraph(['x.onnx'], undefined, 'd')).toBe('x.onnx');
    expect(() => pickGraph(['a.onnx', 'b.onnx'], undefined, 'd')).toThrow('d: several ONNX graphs (a.onnx, b.onnx); say which one to run');
    expect(idFromName('My Chorale.onnx')).toBe('my-chorale');
  });
});
