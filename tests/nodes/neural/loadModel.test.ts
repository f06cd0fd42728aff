/**
 * neural.load-model on the fixture models: shipped ids, a user's zipped Hugging Face folder (with and
 * without manifest.json), a lone .onnx with a derived manifest, and the refusals — tampered files, a
 * graph that does not fit the contract, a changed asset.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { continueNode } from '../../../nodes/neural/continueNode';
import { loadModelNode } from '../../../nodes/neural/loadModelNode';
import type { NeuralModelValue } from '../../../nodes/neural/neuralModel';
import type { AssetData } from '../../../src/engine/node';
import type { NoteSequence } from '../../../src/engine/values';
import { parseNotation } from '../../../src/music/notation';
import { makeAsset, runNode } from '../runNode';
import { FIXTURE_MODELS, folderFiles, loadValue, modelHost } from './neuralFixtures';

const { models, services } = modelHost(FIXTURE_MODELS);
afterAll(() => models.dispose());

const zipAsset = (id: string, files: Record<string, Uint8Array>): AssetData => makeAsset(id, `${id}.zip`, zipSync(files), 'application/zip');
const load = (assets: AssetData[], params: Record<string, unknown> = {}) =>
  runNode(loadModelNode, {}, { model: 'file', file: assets.map((a) => a.id), ...params }, { services, assets });
const primer = parseNotation('D5/8 B4 G4 E4 E4 G4 E4 E4', {});

describe('neural.load-model', () => {
  it('describes a shipped model: kind, format, vocabulary, graph digest, context and provider', async () => {
    const { outputs, previews, logs } = await runNode(loadModelNode, {}, { model: 'chorale-transformer' }, { services });
    const value = outputs.model as NeuralModelValue;
    expect(value).toMatchObject({
      kind: 'neural', ref: { source: 'shipped', id: 'chorale-transformer' }, modelKind: 'token-transformer', format: 'chorale',
      vocabulary: { id: 'genpatch-events-v1', size: 216 }, maxPositions: 256, provider: 'auto',
    });
    expect(value.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(logs.map((l) => l.message).join()).toMatch(/chorale-transformer on wasm/);
    expect(previews?.[0]).toMatchObject({ kind: 'text' });
    const lstm = await loadValue('melody-lstm', services);
    expect(lstm).toMatchObject({ modelKind: 'token-lstm', format: 'melody', maxPositions: null });
  });

  it('loads a zipped Hugging Face folder, with its manifest or with one derived from config.json', async () => {
    const files = folderFiles(join(FIXTURE_MODELS, 'chorale-transformer'));
    const withManifest = (await load([zipAsset('chorale', files)])).outputs.model as NeuralModelValue;
    expect(withManifest).toMatchObject({ modelKind: 'token-transformer', format: 'chorale', maxPositions: 256 });
    expect(withManifest.ref).toMatchObject({ source: 'assets', assets: [{ id: 'chorale', name: 'chorale.zip' }] });
    const { 'manifest.json': _, ...hf } = files;
    const derived = (await load([zipAsset('hf', hf)])).outputs.model as NeuralModelValue;
    expect(derived).toMatchObject({ modelKind: 'token-transformer', format: 'chorale', maxPositions: 256 });
    expect(derived.sha256).toBe(withManifest.sha256);
  });

  it('derives a manifest for a lone .onnx from its inputs and outputs, and the other nodes run it', async () => {
    const onnx = makeAsset('my-lstm.onnx', 'my-lstm.onnx', new Uint8Array(readFileSync(join(FIXTURE_MODELS, 'melody-lstm', 'model.onnx'))));
    const value = (await load([onnx])).outputs.model as NeuralModelValue;
    expect(value).toMatchObject({ id: 'my-lstm', modelKind: 'token-lstm', format: 'melody' });
    const { outputs } = await runNode(continueNode, { model: value, primer }, { length: 4, includePrimer: false }, { services, assets: [onnx] });
    expect((outputs.notes as NoteSequence).notes).toHaveLength(4);
  });

  it('refuses a tampered model file, naming the file and the digests', async () => {
    const files = folderFiles(join(FIXTURE_MODELS, 'melody-lstm'));
    const onnx = files['model.onnx'].slice();
    onnx[onnx.length - 10] ^= 0xff;
    await expect(load([zipAsset('tampered', { ...files, 'model.onnx': onnx })])).rejects.toThrow(/model\.onnx: sha256 mismatch: the manifest expects [0-9a-f]{64} but the file hashes to/);
  });

  it('refuses a graph that does not fit the contract, saying what it lacks', async () => {
    const tiny = makeAsset('tiny.onnx', 'tiny.onnx', new Uint8Array(readFileSync('tests/fixtures/models/tiny-lstm/model.onnx')));
    await expect(load([tiny])).rejects.toThrow(/tiny\.onnx does not fit the neural nodes' contract:\n\s+"logits" has 16 tokens; genpatch-events-v1 has 216/);
    await expect(runNode(loadModelNode, {}, { model: 'file' }, { services })).rejects.toThrow(/no model asset is chosen/);
  });

  it('refuses a model asset that changed after it was loaded', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURE_MODELS, 'melody-lstm', 'model.onnx')));
    const value = (await load([makeAsset('m.onnx', 'm.onnx', bytes)])).outputs.model as NeuralModelValue;
    const changed = bytes.slice();
    changed[changed.length - 10] ^= 0xff;
    await expect(runNode(continueNode, { model: value, primer }, {}, { services, assets: [makeAsset('m.onnx', 'm.onnx', changed)] }))
      .rejects.toThrow(/model asset "m\.onnx" changed since it was loaded/);
  });
});
