import { describe, expect, it } from 'vitest';
import { add, constant, e, n } from './arithmeticNodes';
import { NodeRegistry } from '../../src/engine/registry';
import { Scheduler } from '../../src/engine/scheduler';
import type { GraphSpec, NodeEvent } from '../../src/engine/scheduler-types';

const registry = () => new NodeRegistry([constant, add]);
const chain = (): GraphSpec => ({
  nodes: [n('c', 'test.const', { value: 1 }), n('x', 'test.add', { bias: 1 }), n('y', 'test.add', { bias: 1 })],
  edges: [e('c', 'x'), e('x', 'y')],
});
const deepFreeze = (g: GraphSpec): GraphSpec => Object.freeze({ ...g, nodes: Object.freeze(g.nodes.slice()), edges: Object.freeze(g.edges.slice()) });

describe('Scheduler structure reuse', () => {
  it('re-evaluates frozen (immer-style) graphs, seeing each replaced node', async () => {
    const s = new Scheduler(registry());
    const g = deepFreeze(chain());
    await s.evaluate(g);
    const again = await s.evaluate(g);
    expect(again.ran).toEqual([]);
    const edited = deepFreeze({ ...g, nodes: g.nodes.map((node) => (node.id === 'x' ? { ...node, params: { bias: 5 } } : node)) });
    const r = await s.evaluate(edited);
    expect(r.ran).toEqual(['x', 'y']);
    expect(r.nodes.get('y')?.outputs?.out).toBe(7);
  });

  it('sees arrays changed in place before they were frozen', async () => {
    const s = new Scheduler(registry());
    const g = chain();
    await s.evaluate(g);
    (g.nodes as unknown[])[2] = n('y', 'test.add', { bias: 10 });
    (g.edges as unknown[])[1] = e('c', 'y');
    Object.freeze(g.nodes);
    Object.freeze(g.edges);
    const r = await s.evaluate(g);
    expect(r.nodes.get('y')?.outputs?.out).toBe(11);
  });

  it('keeps the compiled structure across clearCache but runs every node again', async () => {
    const s = new Scheduler(registry());
    const g = chain();
    await s.evaluate(g, { sinks: ['y'] });
    s.clearCache();
    const events: NodeEvent[] = [];
    s.onEvent((ev) => events.push(ev));
    const r = await s.evaluate(g, { sinks: ['y'] });
    expect(r.ran.sort()).toEqual(['c', 'x', 'y']);
    expect(events.filter((ev) => ev.status === 'done').length).toBe(3);
    expect(s.cacheStats().entries).toBe(3);
  });

  it('recompiles after clearCache when an edge was rewired in place or the sinks changed', async () => {
    const s = new Scheduler(registry());
    const g = chain();
    await s.evaluate(g, { sinks: ['y'] });
    s.clearCache();
    (g.edges as unknown[])[1] = e('c', 'y');
    const r = await s.evaluate(g, { sinks: ['y'] });
    expect(r.nodes.get('y')?.outputs?.out).toBe(2);
    expect(r.nodes.has('x')).toBe(false);
    s.clearCache();
    const both = await s.evaluate(g, { sinks: ['x', 'y'] });
    expect([...both.nodes.keys()].sort()).toEqual(['c', 'x', 'y']);
  });

  it('keeps an earlier evaluation readable and unchanged after later ones', async () => {
    const s = new Scheduler(registry());
    let g = chain();
    const first = await s.evaluate(g);
    const results = [first];
    for (let v = 2; v < 30; v++) {
      g = { ...g, nodes: g.nodes.map((node) => (node.id === 'y' ? { ...node, params: { bias: v } } : node)) };
      results.push(await s.evaluate(g));
    }
    expect(first.nodes.get('y')).toMatchObject({ status: 'done', outputs: { out: 3 } });
    expect(results[1].nodes.get('y')).toMatchObject({ status: 'done', outputs: { out: 4 } });
    expect(results[2].nodes.get('y')?.status).toBe('done');
    expect(results[2].nodes.get('x')?.status).toBe('cached');
    expect(results[28].nodes.get('y')?.outputs?.out).toBe(31);
  });
});
