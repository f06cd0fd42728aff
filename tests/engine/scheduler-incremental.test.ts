import { describe, expect, it } from 'vitest';
import { add, constant, e, n, slow } from './arithmeticNodes';
import { NodeRegistry } from '../../src/engine/registry';
import { Scheduler } from '../../src/engine/scheduler';
import type { GraphSpec } from '../../src/engine/scheduler-types';

const registry = () => new NodeRegistry([constant, add, slow]);
const chain = (): GraphSpec => ({
  nodes: [n('c', 'test.const', { value: 1 }), n('x', 'test.add', { bias: 1 }), n('y', 'test.add', { bias: 1 }), n('z', 'test.add', { bias: 1 })],
  edges: [e('c', 'x'), e('x', 'y'), e('y', 'z')],
});
const edit = (g: GraphSpec, id: string, params: Record<string, unknown>): GraphSpec =>
  ({ ...g, nodes: g.nodes.map((node) => (node.id === id ? { ...node, params } : node)) });

describe('Scheduler re-evaluation', () => {
  it('reports every needed node, the untouched ones as cached', async () => {
    const s = new Scheduler(registry());
    const g = chain();
    await s.evaluate(g);
    const r = await s.evaluate(edit(g, 'y', { bias: 10 }));
    expect(r.ran).toEqual(['y', 'z']);
    expect([...r.nodes.keys()].sort()).toEqual(['c', 'x', 'y', 'z']);
    expect(r.nodes.get('x')?.status).toBe('cached');
    expect(r.nodes.get('z')?.outputs?.out).toBe(13);
  });

  it('stops at a node whose cache key did not change (a new object with the same params)', async () => {
    const s = new Scheduler(registry());
    const g = chain();
    await s.evaluate(g);
    const r = await s.evaluate(edit(g, 'x', { bias: 1 }));
    expect(r.ran).toEqual([]);
    expect(r.nodes.get('z')?.status).toBe('cached');
  });

  it('sees an edge array changed in place', async () => {
    const s = new Scheduler(registry());
    const g = chain();
    await s.evaluate(g);
    (g.edges as unknown[])[2] = e('x', 'z');
    const r = await s.evaluate(g);
    expect(r.nodes.get('z')?.outputs?.out).toBe(3); // it was 4, fed by y
    expect(r.nodes.get('y')?.outputs?.out).toBe(3);
  });

  it('re-runs a node that failed, once its input is fixed, and never caches the failure', async () => {
    const s = new Scheduler(registry());
    const g = edit(chain(), 'y', { bias: 666 });
    const r1 = await s.evaluate(g);
    expect(r1.nodes.get('z')?.status).toBe('failed');
    const r2 = await s.evaluate(g);
    expect(r2.nodes.get('y')?.error).toBe('cursed bias');
    expect(r2.nodes.get('x')?.status).toBe('cached');
    const r3 = await s.evaluate(edit(g, 'y', { bias: 2 }));
    expect(r3.nodes.get('z')?.outputs?.out).toBe(5);
    expect(r3.ran).toEqual(['y', 'z']);
  });

  it('falls back to a full plan after a cancelled re-evaluation', async () => {
    const s = new Scheduler(registry());
    const g: GraphSpec = { nodes: [n('c', 'test.const', { value: 1 }), n('s', 'test.slow', { ms: 1 }), n('z', 'test.add')], edges: [e('c', 's'), e('s', 'z')] };
    await s.evaluate(g);
    const first = s.evaluate(edit(edit(g, 'c', { value: 2 }), 's', { ms: 200 }));
    await new Promise((r) => setTimeout(r, 20));
    const second = s.evaluate(edit(g, 'c', { value: 3 }));
    expect((await first).cancelled).toBe(true);
    const r = await second;
    expect(r.nodes.get('z')?.outputs?.out).toBe(3);
    expect(r.ran.sort()).toEqual(['c', 's', 'z']);
  });

  it('answers a changed sink list from the cache', async () => {
    const s = new Scheduler(registry());
    const g = chain();
    await s.evaluate(g);
    const r = await s.evaluate(g, { sinks: ['x'] });
    expect([...r.nodes.keys()].sort()).toEqual(['c', 'x']);
    expect(r.ran).toEqual([]);
  });
});
