import { describe, expect, it } from 'vitest';
import { isPlaceholder, loadPatch, serializePatch, type Patch } from '../../../src/engine/patch';
import { fixture, fixtureNames } from './fixtures';
import { testRegistry } from './testRegistry';

const registry = testRegistry();

function load(name: string): Patch {
  const { patch, problems } = loadPatch(fixture('good', name), registry);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  if (!patch) throw new Error(`${name} did not load`);
  return patch;
}

describe('good patch fixtures', () => {
  for (const name of fixtureNames('good')) {
    it(`${name}: load → serialize → load → serialize gives identical text`, () => {
      const first = serializePatch(load(name));
      const again = loadPatch(first, registry);
      expect(again.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(serializePatch(again.patch!)).toBe(first);
    });
  }

  it('writes canonical files back byte for byte', () => {
    for (const name of ['minimal', 'melody-chain', 'merge-many']) {
      expect(serializePatch(load(name))).toBe(fixture('good', name));
    }
  });

  it('reads every field of a full patch', () => {
    const patch = load('melody-chain');
    expect(patch.meta).toEqual({
      title: 'Riff through a synth', description: 'A MIDI riff, an octave down, into a synth.',
      author: 'genpatch tests', licence: 'CC0-1.0',
    });
    expect(patch.nodes.map((n) => n.id)).toEqual(['mel', 't1', 'knob', 'syn', 'out']);
    expect(patch.nodes[1]).toEqual({
      id: 't1', type: 'test.transpose', version: 2, title: 'Octave down', position: { x: 200, y: 0 }, params: { semitones: -12 },
    });
    expect(patch.nodes[3].exposed).toEqual(['gain']);
    expect(patch.edges[2]).toEqual({ id: 'e3', from: { node: 'knob', port: 'value' }, to: { node: 'syn', port: 'gain' } });
    expect(patch.comments[0].size).toEqual({ width: 180, height: 60 });
    expect(patch.groups).toEqual([{ id: 'g1', title: 'Sound', nodes: ['syn', 'out'] }]);
    expect(Object.keys(patch.assets)).toEqual(['riff.mid']);
  });

  it('accepts several edges into a multiple input', () => {
    expect(load('merge-many').edges.map((e) => e.to.port)).toEqual(['parts', 'parts']);
  });

  it('fills missing params, positions and versions with defaults and migrates old node params', () => {
    const patch = load('defaults-and-migration');
    expect(patch.nodes[0]).toEqual({
      id: 'mel', type: 'test.melody', version: 1, position: { x: 0, y: 0 },
      params: { length: 8, density: 0.5, scale: 'major', legato: false, text: '', seed: 1, file: null },
    });
    expect(patch.nodes[1].version).toBe(2);
    expect(patch.nodes[1].params).toEqual({ semitones: 7 });
    expect(serializePatch(patch)).toContain('"semitones": 7');
    expect(serializePatch(patch)).not.toContain('shift');
  });

  it('loads unknown node types as placeholders and writes them back unchanged', () => {
    const text = fixture('good', 'placeholder');
    const { patch, problems } = loadPatch(text, registry);
    expect(problems).toEqual([{
      path: '$.nodes[1].type', severity: 'warning',
      message: 'unknown node type "fx.granular" (node "gran"): loaded as a placeholder, not run, and saved back unchanged',
    }]);
    const gran = patch!.nodes[1];
    expect(isPlaceholder(gran)).toBe(true);
    expect(isPlaceholder(patch!.nodes[0])).toBe(false);
    expect(gran.position).toEqual({ x: 200, y: 40 });
    const written = JSON.parse(serializePatch(patch!));
    const original = JSON.parse(text);
    // Same content and the same key order, nested unknown fields included.
    expect(JSON.stringify(written.nodes[1])).toBe(JSON.stringify(original.nodes[1]));
    expect(written.edges).toEqual(original.edges);
    expect(written.meta).toEqual({ title: 'From a newer build', rating: 5, venue: { city: 'Lyon', year: 2031 } });
  });

  it('writes a moved placeholder with its new position and nothing else changed', () => {
    const patch = loadPatch(fixture('good', 'placeholder'), registry).patch!;
    patch.nodes[1].position = { x: 10, y: 20 };
    patch.nodes[1].title = 'Grains';
    const node = JSON.parse(serializePatch(patch)).nodes[1];
    expect(Object.keys(node)).toEqual(['type', 'id', 'version', 'params', 'position', 'color', 'future', 'title']);
    expect(node.position).toEqual({ x: 10, y: 20 });
    expect(node.future).toEqual({ nested: [1, { b: 2, a: 1 }] });
  });

  it('migrates a v0 file (links with "node:port" strings) to v1 edges', () => {
    const { patch, problems } = loadPatch(fixture('good', 'v0-links'), registry);
    expect(problems.map((p) => [p.path, p.severity])).toEqual([['$.version', 'warning']]);
    expect(patch!.version).toBe(1);
    expect(patch!.edges).toEqual([
      { id: 'e2', from: { node: 'mel', port: 'notes' }, to: { node: 'syn', port: 'notes' } },
      { id: 'e1', from: { node: 'syn', port: 'audio' }, to: { node: 'out', port: 'audio' } },
    ]);
    expect(serializePatch(patch!)).toMatch(/^{\n {2}"format": "genpatch",\n {2}"version": 1,/);
  });
});
