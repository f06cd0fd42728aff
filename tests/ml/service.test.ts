import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NodeContext } from '../../src/engine/node';
import { createNodeModelService } from '../../src/ml/nodeModels';
import { getModelService, lazyModelService, MODEL_SERVICE, modelServices } from '../../src/ml/service';
import { float32, int64, zeros } from '../../src/ml/tensors';
import { manifestJson, maxDiff, MODELS_DIR, modelFiles, reference, withManifest } from './fixtures';

const models = createNodeModelService(MODELS_DIR);
afterAll(() => models.dispose());

const lstmFeeds = (ids: number[]) => ({ input_ids: int64(ids, [1, ids.length]), h: zeros('float32', [1, 1, 12]), c: zeros('float32', [1, 1, 12]) });

/** The message of the error `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('it did not fail');
}

describe('loading shipped models', () => {
  it('loads a model by id, verifies it and runs it on WASM with PyTorch\'s logits', async () => {
    const lstm = await models.load('tiny-lstm');
    expect(lstm.provider).toBe('wasm');
    expect(lstm.fallbackReason).toMatch(/WebGPU is not available in Node/);
    expect(lstm.sha256).toBe(manifestJson('tiny-lstm').files.find((f: { path: string }) => f.path === 'model.onnx').sha256);
    expect(lstm.inputNames).toEqual(['input_ids', 'h', 'c']);
    expect(lstm.outputNames).toEqual(['logits', 'h_out', 'c_out']);
    const ref = reference('tiny-lstm');
    const out = await lstm.run(lstmFeeds(ref.input_ids));
    expect(out.logits.dims).toEqual(ref.logits.dims);
    expect(maxDiff(out.logits.data as Float32Array, ref.logits.data)).toBeLessThan(1e-4);
    expect(Object.keys(await lstm.run(lstmFeeds([1]), ['h_out']))).toEqual(['h_out']);
  });

  it('caches sessions by the graph\'s sha256, whatever the files are called', async () => {
    const first = await models.load('tiny-gpt');
    expect(await models.load('tiny-gpt')).toBe(first);
    const before = await models.stats();
    const dropped = new Map([...modelFiles('tiny-gpt')].map(([p, b]) => [`my copy/${p}`, b.slice()]));
    const again = await models.loadFiles(dropped, { name: 'my copy' });
    const after = await models.stats();
    expect(again.sha256).toBe(first.sha256);
    expect(after.sessionsCreated).toBe(before.sessionsCreated);
    expect(after.cacheHits).toBe(before.cacheHits + 1);
    expect(new TextDecoder().decode(again.file('config.json'))).toContain('"n_layer": 2');
  });

  it('names a missing model, and a manifest whose id is not its folder', async () => {
    expect(await failure(models.load('no-such-model'))).toMatch(/no model "no-such-model": .*no-such-model has neither manifest.json nor config.json/);
    expect(await failure(models.load('../secrets'))).toMatch(/"\.\.\/secrets" is not a model id/);
    const dir = mkdtempSync(join(tmpdir(), 'genpatch-models-'));
    try {
      cpSync(join(MODELS_DIR, 'tiny-lstm'), join(dir, 'renamed'), { recursive: true });
      expect(await failure(createNodeModelService(dir).load('renamed'))).toMatch(/manifest.json: its id is "tiny-lstm" but the folder is "renamed"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('refusing models', () => {
  it('refuses a tampered graph, naming the file and both digests', async () => {
    const files = modelFiles('tiny-lstm');
    const graph = files.get('model.onnx')!.slice();
    graph[graph.length - 5] ^= 0x01;
    files.set('model.onnx', graph);
    const expected = manifestJson('tiny-lstm').files.find((f: { path: string }) => f.path === 'model.onnx').sha256;
    const message = await failure(models.loadFiles(files, { name: 'uploads/tiny-lstm' }));
    expect(message).toContain('uploads/tiny-lstm/model.onnx: sha256 mismatch');
    expect(message).toContain(`the manifest expects ${expected}`);
    expect(message).toMatch(/but the file hashes to [0-9a-f]{64}/);
    expect(message.match(/[0-9a-f]{64}/g)![1]).not.toBe(expected);
  });

  it('refuses a model whose listed file is missing', async () => {
    const files = modelFiles('tiny-lstm');
    files.delete('reference.json');
    expect(await failure(models.loadFiles(files, { name: 'lstm' }))).toBe('lstm/reference.json: missing (the manifest of "tiny-lstm" lists it)');
  });

  it('refuses a manifest contract the graph does not fulfil', async () => {
    const m = manifestJson('tiny-lstm');
    m.contract.outputs[0].shape = ['batch', 'sequence', 17];
    m.contract.inputs.push({ name: 'temperature', dtype: 'float32', shape: [1] });
    m.contract.inputs = m.contract.inputs.filter((t: { name: string }) => t.name !== 'input_ids');
    const message = await failure(models.loadFiles(withManifest(modelFiles('tiny-lstm'), m), { name: 'lstm' }));
    expect(message).toContain('lstm/model.onnx does not match the contract in its manifest');
    expect(message).toContain('input "temperature" is declared but the graph has no such input');
    expect(message).toContain('the graph needs input "input_ids", which the manifest does not declare');
    expect(message).toContain('output "logits" axis 2 is 16 in the graph but 17 in the manifest');
  });

  it('refuses a dtype the graph does not take', async () => {
    const m = manifestJson('tiny-lstm');
    m.contract.inputs[0].dtype = 'int32';
    const message = await failure(models.loadFiles(withManifest(modelFiles('tiny-lstm'), m), { name: 'lstm' }));
    expect(message).toContain('input "input_ids" is int64 in the graph but int32 in the manifest');
  });

  it('refuses a model that does not fit the node\'s required contract', async () => {
    const message = await failure(models.load('tiny-lstm', {
      require: { kind: 'token-transformer', outputs: ['logits', 'present.0.key'], vocabulary: 'genpatch-events-v1' }, who: 'node n3 (neural.transformer)',
    }));
    expect(message).toContain('node n3 (neural.transformer): model "tiny-lstm" does not fit');
    expect(message).toContain('its kind is "token-lstm", expected "token-transformer"');
    expect(message).toContain('missing outputs "present.0.key"');
    expect(message).toContain('its vocabulary is "test-16", expected "genpatch-events-v1"');
    const ok = await models.load('tiny-lstm', { require: { kind: ['token-lstm', 'token-transformer'], inputs: ['input_ids', 'h', 'c'] } });
    expect(ok.manifest.id).toBe('tiny-lstm');
  });
});

describe('running', () => {
  it('says which feeds are missing, unknown or of the wrong dtype, and which outputs do not exist', async () => {
    const lstm = await models.load('tiny-lstm');
    const feeds = lstmFeeds([1, 2]);
    expect(await failure(lstm.run({ input_ids: feeds.input_ids, h: feeds.h, x: feeds.c }))).toBe('run: missing feeds c; unknown feeds x (the graph takes input_ids, h, c)');
    expect(await failure(lstm.run({ ...feeds, input_ids: float32([1, 2], [1, 2]) }))).toBe('run: feed "input_ids" is float32 but the graph takes int64');
    expect(await failure(lstm.run(feeds, ['probs']))).toBe('run: no output named probs (the graph gives logits, h_out, c_out)');
  });
});

describe('node services', () => {
  const ctx = (services: Record<string, unknown>) => ({ nodeId: 'n1', services } as unknown as NodeContext);

  it('gives nodes the service through ctx.services, and loadModel as the engine reserves it', async () => {
    const services = modelServices(models);
    expect(getModelService(ctx(services))).toBe(models);
    const loaded = await (services.loadModel as (id: string) => Promise<{ manifest: { id: string } }>)('tiny-lstm');
    expect(loaded.manifest.id).toBe('tiny-lstm');
    expect(() => getModelService(ctx({}))).toThrow(`node n1: this host has no model service: pass services.${MODEL_SERVICE}`);
  });

  it('builds a lazy service on first use only, and again after a failed start', async () => {
    let starts = 0;
    const lazy = lazyModelService(async () => {
      starts++;
      if (starts === 1) throw new Error('offline');
      return models;
    });
    expect(starts).toBe(0);
    expect(await failure(lazy.load('tiny-lstm'))).toBe('offline');
    expect((await lazy.load('tiny-lstm')).manifest.id).toBe('tiny-lstm');
    await lazy.stats();
    expect(starts).toBe(2);
  });
});
