import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addAsset, assetBytes, createPatch, loadPatch, serializePatch } from '../../../src/engine/patch';
import { fixture } from './fixtures';
import { testRegistry } from './testRegistry';

const midi = (): Uint8Array => {
  const { patch } = loadPatch(fixture('good', 'melody-chain'), testRegistry());
  return assetBytes(patch!, 'riff.mid');
};

describe('createPatch', () => {
  it('makes an empty current-version patch that loads back equal', () => {
    const patch = createPatch({ author: 'Ada' });
    expect(patch).toEqual({
      format: 'genpatch', version: 1, meta: { author: 'Ada', title: 'Untitled patch' },
      nodes: [], edges: [], comments: [], groups: [], assets: {},
    });
    expect(loadPatch(serializePatch(patch), testRegistry())).toEqual({ patch, problems: [] });
  });
});

describe('embedded assets', () => {
  it('reads a real MIDI file back from a loaded patch', () => {
    const bytes = midi();
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('MThd');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('a21b1c850e8804ab6e156438e3fcd25a899619079f283af2995fd40dcdce96d6');
  });

  it('adds bytes with their sha256, and the patch loads and verifies them', () => {
    const patch = createPatch({ title: 'With a riff' });
    const bytes = midi();
    const id = addAsset(patch, 'My Riff (take 2).MID', 'audio/midi', bytes);
    expect(id).toBe('my-riff-take-2-.mid');
    expect(patch.assets[id].sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    patch.nodes.push({ id: 'mel', type: 'test.melody', version: 1, position: { x: 0, y: 0 }, params: { file: id } });
    const loaded = loadPatch(serializePatch(patch), testRegistry());
    expect(loaded.problems).toEqual([]);
    expect(assetBytes(loaded.patch!, id)).toEqual(bytes);
  });

  it('reuses an identical asset and suffixes a different one with the same name', () => {
    const patch = createPatch();
    const a = addAsset(patch, 'riff.mid', 'audio/midi', new Uint8Array([1, 2, 3]));
    expect(addAsset(patch, 'riff.mid', 'audio/midi', new Uint8Array([1, 2, 3]))).toBe(a);
    expect(addAsset(patch, 'riff.mid', 'audio/midi', new Uint8Array([4]))).toBe('riff-2.mid');
    expect(addAsset(patch, 'constructor', 'text/plain', new Uint8Array([5]))).toBe('asset-constructor');
    expect(Object.keys(patch.assets).sort()).toEqual(['asset-constructor', 'riff-2.mid', 'riff.mid']);
  });

  it('refuses bad arguments with clear errors', () => {
    const patch = createPatch();
    expect(() => addAsset(patch, '', 'audio/midi', new Uint8Array(1))).toThrow('addAsset: the asset needs a file name');
    expect(() => addAsset(patch, 'a.mid', 'midi', new Uint8Array(1))).toThrow('"midi" is not a mime type');
    expect(() => addAsset(patch, 'a.mid', 'audio/midi', [1] as unknown as Uint8Array)).toThrow('must be a Uint8Array');
    expect(() => addAsset(patch, 'big.wav', 'audio/wav', new Uint8Array(8 * 1024 * 1024))).toThrow('"big.wav" is 8.0 MB; a whole patch holds at most 10 MB');
    expect(() => assetBytes(patch, 'nope')).toThrow('the patch has no asset "nope" (it has no assets)');
  });

  it('warns when an asset param names an asset of a kind the param does not accept', () => {
    const patch = createPatch();
    const id = addAsset(patch, 'kick.wav', 'audio/wav', new Uint8Array([1]));
    patch.nodes.push({ id: 'mel', type: 'test.melody', version: 1, position: { x: 0, y: 0 }, params: { file: id } });
    const { patch: loaded, problems } = loadPatch(serializePatch(patch), testRegistry());
    expect(loaded).not.toBeNull();
    expect(problems.map((p) => [p.severity, p.path, p.message])).toEqual([['warning', '$.nodes[0].params.file',
      'param "file" of node "mel" (type test.melody): asset "kick.wav" (kick.wav, audio/wav) is not one of the accepted kinds: .mid, .midi']]);
  });
});
