import { describe, expect, it } from 'vitest';
import { defineNode } from '../../../src/engine/node';
import { NodeRegistry } from '../../../src/engine/registry';
import { validatePatchObject, type Problem } from '../../../src/engine/patch';
import { findCycles } from '../../../src/engine/patch/cycles';
import { knob, melody, synth, testRegistry, transpose } from './testRegistry';

const registry = testRegistry();

type Json = Record<string, unknown>;
const node = (id: string, type: string, extra: Json = {}): Json => ({ id, type, ...extra });
const edge = (id: string, from: string, to: string): Json => {
  const [fn, fp] = from.split('.');
  const [tn, tp] = to.split('.');
  return { id, from: { node: fn, port: fp }, to: { node: tn, port: tp } };
};
const check = (nodes: Json[], edges: Json[], extra: Json = {}, reg: NodeRegistry = registry) =>
  validatePatchObject({ format: 'genpatch', version: 1, meta: { title: 't' }, nodes, edges, ...extra }, reg);
const brief = (problems: Problem[]): string[][] => problems.map((p) => [p.severity, p.path, p.message]);

describe('edges', () => {
  it('connects an exposed param as a typed input, and explains an unexposed one', () => {
    const nodes = [node('k', 'test.knob'), node('s', 'test.synth', { exposed: ['gain'] })];
    expect(check(nodes, [edge('e1', 'k.value', 's.gain')]).problems).toEqual([]);
    const { problems } = check([nodes[0], node('s', 'test.synth')], [edge('e1', 'k.value', 's.gain')]);
    expect(brief(problems)).toEqual([['error', '$.edges[0].to.port',
      'edge e1 (k.value → s.gain): "gain" is a param on node "s" (type test.synth) that is not exposed: add it to the node\'s "exposed" list to connect it']]);
  });

  it('refuses an output used as an input', () => {
    const { problems } = check([node('m', 'test.melody'), node('n', 'test.melody')], [edge('e1', 'm.notes', 'n.notes')]);
    expect(problems[0].path).toBe('$.edges[0].to.port');
    expect(problems[0].message).toContain('"notes" is an output on node "n" (type test.melody), not an input');
  });

  it('accepts declared conversions (number → boolean is one, audio → notes is not)', () => {
    const toggle = defineNode({
      type: 'test.toggle', title: 'T', category: 'test', doc: 'd',
      inputs: { on: { type: 'boolean' } }, run: () => ({ outputs: {} }),
    });
    const reg = new NodeRegistry([knob, toggle, synth, melody, transpose]);
    expect(check([node('k', 'test.knob'), node('t', 'test.toggle')], [edge('e1', 'k.value', 't.on')], {}, reg).problems).toEqual([]);
    const { problems } = check([node('s', 'test.synth'), node('t', 'test.transpose')], [edge('e1', 's.audio', 't.notes')], {}, reg);
    expect(problems[0].message).toBe('edge e1: audio output s.audio cannot feed notes input t.notes');
  });

  it('keeps edges into and out of placeholders without checking their ports', () => {
    const nodes = [node('m', 'test.melody'), node('x', 'future.thing'), node('s', 'test.synth')];
    const { patch, problems } = check(nodes, [edge('e1', 'm.notes', 'x.a'), edge('e2', 'm.notes', 'x.a'), edge('e3', 'x.b', 's.notes')]);
    expect(brief(problems)).toEqual([['warning', '$.nodes[1].type',
      'unknown node type "future.thing" (node "x"): loaded as a placeholder, not run, and saved back unchanged']]);
    expect(patch!.edges).toHaveLength(3);
  });

  it('names the nodes of a self-loop and of a cycle through a placeholder', () => {
    const self = check([node('t', 'test.transpose')], [edge('e1', 't.notes', 't.notes')]);
    expect(self.problems[0].message).toContain('edge e1 closes a cycle: t → t');
    const through = check([node('t', 'test.transpose'), node('x', 'future.fx')], [edge('e1', 't.notes', 'x.in'), edge('e2', 'x.out', 't.notes')]);
    expect(brief(through.problems).filter(([s]) => s === 'error')).toEqual([['error', '$.edges[1]',
      'edge e2 closes a cycle: t → x → t; patches must be acyclic (feedback goes through a delay node in live mode)']]);
  });
});

describe('findCycles', () => {
  const e = (from: string, to: string) => ({ id: `${from}${to}`, from: { node: from, port: 'o' }, to: { node: to, port: 'i' } });

  it('finds nothing in a diamond and both cycles of a figure eight', () => {
    expect(findCycles(['a', 'b', 'c', 'd'], [e('a', 'b'), e('a', 'c'), e('b', 'd'), e('c', 'd')])).toEqual([]);
    expect(findCycles(['a', 'b', 'c'], [e('a', 'b'), e('b', 'a'), e('b', 'c'), e('c', 'b')])).toEqual([
      { nodes: ['a', 'b'], closingEdge: 1 }, { nodes: ['b', 'c'], closingEdge: 3 },
    ]);
  });

  it('walks a chain of 50 000 nodes without recursion', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `n${i}`);
    const edges = ids.slice(1).map((id, i) => e(ids[i], id));
    expect(findCycles(ids, [...edges, e(ids[49_999], ids[25_000])])[0].nodes).toHaveLength(25_000);
  });
});

describe('nodes and params', () => {
  it('warns about a node saved by a newer version of its type and keeps that version', () => {
    const { patch, problems } = check([node('t', 'test.transpose', { version: 5, params: { semitones: 3 } })], []);
    expect(brief(problems)).toEqual([['warning', '$.nodes[0].version',
      'node "t" (type test.transpose) was saved by version 5 of its type, newer than this build\'s version 2: its params may not load as intended']]);
    expect(patch!.nodes[0].version).toBe(5);
  });

  it('reports a failing param migration at the node version', () => {
    const fragile = defineNode({
      type: 'test.fragile', version: 3, title: 'F', category: 'test', doc: 'd', run: () => ({ outputs: {} }),
      migrate: (_params, from) => { throw new Error(`no way up from ${from}`); },
    });
    const { problems } = check([node('f', 'test.fragile', { version: 2 })], [], {}, new NodeRegistry([fragile]));
    expect(brief(problems)).toEqual([['error', '$.nodes[0].version',
      'migrating the params of node "f" (type test.fragile) from version 2 to 3 failed: no way up from 2']]);
  });

  it('checks migrated params against the current specs', () => {
    const { problems } = check([node('t', 'test.transpose', { version: 1, params: { shift: 100 } })], []);
    expect(brief(problems)).toEqual([['error', '$.nodes[0].params.semitones', 'param "semitones" of node "t" (type test.transpose): 100 is above the maximum 48']]);
  });

  it('warns about unknown node fields and drops them', () => {
    const { patch, problems } = check([node('k', 'test.knob', { colour: 'red' })], []);
    expect(brief(problems)).toEqual([['warning', '$.nodes[0].colour', 'unknown field "colour" in node "k": ignored, and dropped when saved']]);
    expect(patch!.nodes[0]).not.toHaveProperty('colour');
  });

  it('warns about group members that are not nodes and drops them', () => {
    const { patch, problems } = check([node('k', 'test.knob')], [], { groups: [{ id: 'g', title: 'G', nodes: ['k', 'gone'] }] });
    expect(brief(problems)).toEqual([['warning', '$.groups[0].nodes[1]', 'group "g" lists unknown node "gone": dropped']]);
    expect(patch!.groups[0].nodes).toEqual(['k']);
  });

  it('reports duplicate comment and group ids', () => {
    const comment = { id: 'c', text: 'hi', position: { x: 0, y: 0 } };
    const group = { id: 'g', title: 'G', nodes: [] };
    const { problems } = check([], [], { comments: [comment, comment], groups: [group, group] });
    expect(problems.map((p) => p.path)).toEqual(['$.comments[1].id', '$.groups[1].id']);
  });
});
