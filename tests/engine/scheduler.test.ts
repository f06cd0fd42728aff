import { describe, expect, it } from 'vitest';
import { defineNode } from '../../src/engine/node';
import { add, constant, e, n, slow } from './arithmeticNodes';
import { NodeRegistry } from '../../src/engine/registry';
import { Scheduler } from '../../src/engine/scheduler';
import type { GraphSpec, NodeEvent } from '../../src/engine/scheduler-types';

const sum = defineNode({
  type: 'test.sum', title: 'Sum', category: 'test', doc: 'Sum of many inputs.',
  inputs: { xs: { type: 'number', multiple: true } },
  outputs: { out: { type: 'number' } },
  run: ({ xs }) => ({ outputs: { out: xs.reduce((s, x) => s + x, 0) } }),
});
const boom = defineNode({
  type: 'test.boom', title: 'Boom', category: 'test', doc: 'Always throws.',
  inputs: { a: { type: 'number' } },
  outputs: { out: { type: 'number' } },
  run: () => { throw new Error('kaboom'); },
});
const random = defineNode({
  type: 'test.random', title: 'Random', category: 'test', doc: 'A seeded random number.',
  outputs: { out: { type: 'number' } },
  params: { seed: { kind: 'seed', default: 1 } },
  run: (_i, _p, ctx) => ({ outputs: { out: ctx.rng.next() } }),
});
const bad = defineNode({
  type: 'test.bad', title: 'Bad', category: 'test', doc: 'Returns an invalid value.',
  outputs: { out: { type: 'number' } },
  run: () => ({ outputs: { out: Number.NaN } }),
});

const registry = () => new NodeRegistry([constant, add, sum, slow, boom, random, bad]);

describe('Scheduler', () => {
  it('evaluates a chain and returns the sink value', async () => {
    const g: GraphSpec = { nodes: [n('c', 'test.const', { value: 2 }), n('x', 'test.add', { bias: 3 }), n('y', 'test.add', { bias: 4 })], edges: [e('c', 'x'), e('x', 'y')] };
    const r = await new Scheduler(registry()).evaluate(g);
    expect(r.nodes.get('y')?.outputs?.out).toBe(9);
    expect(r.ran.sort()).toEqual(['c', 'x', 'y']);
  });

  it('runs only the ancestors of the requested sinks', async () => {
    const g: GraphSpec = { nodes: [n('c', 'test.const', { value: 1 }), n('x', 'test.add'), n('other', 'test.const')], edges: [e('c', 'x')] };
    const r = await new Scheduler(registry()).evaluate(g, { sinks: ['x'] });
    expect(r.nodes.has('other')).toBe(false);
    expect(r.ran.sort()).toEqual(['c', 'x']);
  });

  it('re-runs only the dirty downstream cone after a param change', async () => {
    const s = new Scheduler(registry());
    const nodes = [n('a', 'test.const', { value: 1 }), n('b', 'test.const', { value: 2 }), n('x', 'test.add'), n('y', 'test.add'), n('z', 'test.add')];
    const edges = [e('a', 'x'), e('b', 'y'), { from: { node: 'x', port: 'out' }, to: { node: 'z', port: 'a' } }, { from: { node: 'y', port: 'out' }, to: { node: 'z', port: 'b' } }];
    await s.evaluate({ nodes, edges });
    const changed = nodes.map((x) => (x.id === 'b' ? n('b', 'test.const', { value: 5 }) : x));
    const r = await s.evaluate({ nodes: changed, edges });
    expect(r.ran.sort()).toEqual(['b', 'y', 'z']);
    expect(r.nodes.get('x')?.status).toBe('cached');
    expect(r.nodes.get('z')?.outputs?.out).toBe(6);
    const again = await s.evaluate({ nodes: changed, edges });
    expect(again.ran).toEqual([]);
  });

  it('collects multiple inputs in edge order', async () => {
    const g: GraphSpec = { nodes: [n('a', 'test.const', { value: 1 }), n('b', 'test.const', { value: 10 }), n('s', 'test.sum')], edges: [e('a', 's', 'xs'), e('b', 's', 'xs')] };
    const r = await new Scheduler(registry()).evaluate(g);
    expect(r.nodes.get('s')?.outputs?.out).toBe(11);
  });

  it('lets a failing node fail alone with its message while other branches finish', async () => {
    const g: GraphSpec = {
      nodes: [n('c', 'test.const', { value: 1 }), n('boom', 'test.boom'), n('after', 'test.add'), n('ok', 'test.add', { bias: 1 })],
      edges: [e('c', 'boom'), e('boom', 'after'), e('c', 'ok')],
    };
    const r = await new Scheduler(registry()).evaluate(g);
    expect(r.nodes.get('boom')).toMatchObject({ status: 'failed', error: 'kaboom' });
    expect(r.nodes.get('after')?.status).toBe('failed');
    expect(r.nodes.get('after')?.error).toContain('boom');
    expect(r.nodes.get('ok')?.outputs?.out).toBe(2);
  });

  it('never caches failures and re-runs a failed node next time', async () => {
    const s = new Scheduler(registry());
    const g: GraphSpec = { nodes: [n('c', 'test.const'), n('boom', 'test.boom')], edges: [e('c', 'boom')] };
    await s.evaluate(g);
    const r = await s.evaluate(g);
    expect(r.nodes.get('boom')?.status).toBe('failed');
    expect(r.nodes.get('c')?.status).toBe('cached');
  });

  it('fails a node whose output does not match its port type', async () => {
    const r = await new Scheduler(registry()).evaluate({ nodes: [n('b', 'test.bad')], edges: [] });
    expect(r.nodes.get('b')?.error).toMatch(/output "out" is not valid number/);
  });

  it('refuses cycles, naming the nodes of the cycle, and still runs the rest', async () => {
    const g: GraphSpec = {
      nodes: [n('p', 'test.add'), n('q', 'test.add'), n('r', 'test.add'), n('c', 'test.const', { value: 3 })],
      edges: [e('p', 'q'), e('q', 'r'), e('r', 'p')],
    };
    const r = await new Scheduler(registry()).evaluate(g);
    for (const id of ['p', 'q', 'r']) {
      expect(r.nodes.get(id)?.status).toBe('failed');
      expect(r.nodes.get(id)?.error).toMatch(/cycle: (p|q|r) → (p|q|r) → (p|q|r) → (p|q|r)/);
    }
    expect(r.nodes.get('c')?.outputs?.out).toBe(3);
  });

  it('marks unknown node types as failed placeholders without stopping other nodes', async () => {
    const g: GraphSpec = { nodes: [n('u', 'future.thing'), n('c', 'test.const', { value: 1 })], edges: [] };
    const r = await new Scheduler(registry()).evaluate(g);
    expect(r.nodes.get('u')?.error).toMatch(/unknown node type "future.thing"/);
    expect(r.nodes.get('c')?.status).toBe('done');
  });

  it('runs independent async nodes concurrently', async () => {
    const g: GraphSpec = {
      nodes: [n('c', 'test.const'), n('s1', 'test.slow', { ms: 60 }), n('s2', 'test.slow', { ms: 60 }), n('s3', 'test.slow', { ms: 60 })],
      edges: [e('c', 's1'), e('c', 's2'), e('c', 's3')],
    };
    const s = new Scheduler(registry());
    const running = new Set<string>();
    let maxRunning = 0;
    s.onEvent((ev) => {
      if (ev.status === 'running') running.add(ev.nodeId);
      if (ev.status === 'done') running.delete(ev.nodeId);
      maxRunning = Math.max(maxRunning, running.size);
    });
    await s.evaluate(g);
    expect(maxRunning).toBe(3);
  });

  it('cancels the outdated evaluation when a new one starts (latest wins) and caches nothing from it', async () => {
    const s = new Scheduler(registry());
    const g1: GraphSpec = { nodes: [n('c', 'test.const', { value: 1 }), n('s', 'test.slow', { ms: 2000 })], edges: [e('c', 's')] };
    const first = s.evaluate(g1);
    await new Promise((r) => setTimeout(r, 20));
    const g2: GraphSpec = { nodes: [n('c', 'test.const', { value: 2 }), n('s', 'test.slow', { ms: 1 })], edges: [e('c', 's')] };
    const second = s.evaluate(g2);
    const r1 = await first;
    expect(r1.cancelled).toBe(true);
    expect(r1.nodes.get('s')?.status).toBe('cancelled');
    const r2 = await second;
    expect(r2.nodes.get('s')?.outputs?.out).toBe(2);
    const r3 = await s.evaluate(g1, {});
    expect(r3.nodes.get('s')?.status).toBe('done');
  });

  it('stop() cancels the running evaluation promptly', async () => {
    const s = new Scheduler(registry());
    const p = s.evaluate({ nodes: [n('c', 'test.const'), n('s', 'test.slow', { ms: 5000 })], edges: [e('c', 's')] });
    setTimeout(() => s.stop(), 10);
    const t0 = Date.now();
    const r = await p;
    expect(r.cancelled).toBe(true);
    expect(Date.now() - t0).toBeLessThan(4000);
  });

  it('reports status events in order for each node', async () => {
    const s = new Scheduler(registry());
    const events: NodeEvent[] = [];
    s.onEvent((ev) => events.push(ev));
    await s.evaluate({ nodes: [n('c', 'test.const')], edges: [] });
    expect(events.filter((ev) => ev.nodeId === 'c').map((ev) => ev.status)).toEqual(['queued', 'running', 'done']);
    events.length = 0;
    await s.evaluate({ nodes: [n('c', 'test.const')], edges: [] });
    expect(events.map((ev) => ev.status)).toEqual(['cached']);
  });

  it('derives randomness from the seed param and the global seed only', async () => {
    const s = new Scheduler(registry());
    const v = async (seed: number, globalSeed = 0) =>
      (await new Scheduler(registry()).evaluate({ nodes: [n('r', 'test.random', { seed })], edges: [] }, { globalSeed })).nodes.get('r')?.outputs?.out;
    expect(await v(1)).toBe(await v(1));
    expect(await v(1)).not.toBe(await v(2));
    expect(await v(1, 5)).not.toBe(await v(1));
    expect(s).toBeDefined();
  });

  it('feeds an exposed param from an edge, coerced to its range', async () => {
    const g: GraphSpec = {
      nodes: [n('c', 'test.const', { value: 7 }), n('base', 'test.const', { value: 1 }), { ...n('x', 'test.add'), exposed: ['bias'] }],
      edges: [e('base', 'x'), e('c', 'x', 'bias')],
    };
    const r = await new Scheduler(registry()).evaluate(g);
    expect(r.nodes.get('x')?.outputs?.out).toBe(8);
  });

  it('keeps the cache within its byte budget', async () => {
    const s = new Scheduler(registry(), { cacheBytes: 100 });
    const nodes = Array.from({ length: 50 }, (_, i) => n(`c${i}`, 'test.const', { value: i }));
    await s.evaluate({ nodes, edges: [] });
    expect(s.cacheStats().bytes).toBeLessThanOrEqual(100);
    expect(s.cacheStats().entries).toBeGreaterThan(0);
  });

  it('evaluates a 1,000-node lattice and re-runs only the sink after a change near it', async () => {
    const nodes = [n('n0', 'test.const', { value: 1 }), n('n1', 'test.add')];
    const edges = [e('n0', 'n1')];
    for (let i = 2; i < 1000; i++) {
      nodes.push(n(`n${i}`, 'test.add'));
      edges.push(e(`n${i - 1}`, `n${i}`), { from: { node: `n${i - 2}`, port: 'out' }, to: { node: `n${i}`, port: 'b' } });
    }
    const s = new Scheduler(registry());
    const r = await s.evaluate({ nodes, edges });
    expect(r.ran.length).toBe(1000);
    nodes[999] = n('n999', 'test.add', { bias: 1 });
    const r2 = await s.evaluate({ nodes, edges });
    expect(r2.ran).toEqual(['n999']);
  });
});
