import { describe, expect, it } from 'vitest';
import { defineNode } from '../../src/engine/node';
import { NodeRegistry } from '../../src/engine/registry';
import { createRng } from '../../src/engine/rng';
import { Scheduler } from '../../src/engine/scheduler';
import type { GraphSpec } from '../../src/engine/scheduler-types';

const mix = defineNode({
  type: 'test.mix', title: 'Mix', category: 'test', doc: 'Weighted sum of its inputs plus a bias.',
  inputs: { a: { type: 'number', optional: true }, b: { type: 'number', optional: true }, xs: { type: 'number', multiple: true } },
  outputs: { out: { type: 'number' } },
  params: { bias: { kind: 'float', default: 0 }, fail: { kind: 'bool', default: false } },
  run: ({ a, b, xs }, { bias, fail }) => {
    if (fail) throw new Error('asked to fail');
    return { outputs: { out: (a ?? 0) * 0.5 + (b ?? 0) * 0.25 + xs.reduce((s, x) => s + x, 0) * 0.125 + bias } };
  },
});

type Node = GraphSpec['nodes'][number];
type Edge = GraphSpec['edges'][number];

/** A random DAG over `n` nodes: edges only go from a lower to a higher index. */
function randomGraph(seed: number, n: number): { nodes: Node[]; edges: Edge[] } {
  const rng = createRng(seed);
  const nodes: Node[] = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, type: 'test.mix', params: { bias: rng.int(10) } }));
  const edges: Edge[] = [];
  for (let to = 1; to < n; to++) {
    for (const port of ['a', 'b', 'xs', 'xs']) {
      if (rng.next() < 0.4) edges.push({ from: { node: `n${rng.int(to)}`, port: 'out' }, to: { node: `n${to}`, port } });
    }
  }
  return { nodes, edges };
}

/** What an evaluation reports, as plain data. */
const summary = (r: { nodes: ReadonlyMap<string, { status: string; outputs?: Record<string, unknown>; error?: string }> }) =>
  Object.fromEntries([...r.nodes].map(([id, o]) => [id, o.status === 'failed' ? `failed: ${o.error}` : o.outputs?.out]));

describe('Scheduler re-evaluation against fresh evaluations', () => {
  it('agrees with a fresh scheduler after every random edit', async () => {
    const rng = createRng(11);
    const registry = new NodeRegistry([mix]);
    for (let trial = 0; trial < 6; trial++) {
      let graph = randomGraph(100 + trial, 40);
      const incremental = new Scheduler(registry);
      const sinks = trial % 2 ? undefined : ['n39', 'n20'];
      for (let step = 0; step < 25; step++) {
        const r = await incremental.evaluate(graph, { sinks });
        const fresh = await new Scheduler(registry).evaluate(graph, { sinks });
        expect(summary(r)).toEqual(summary(fresh));
        // Edit 1–3 nodes: a new bias, a failure switched on or off, or the same params in a new object.
        const nodes = graph.nodes.slice();
        for (let k = 1 + rng.int(3); k > 0; k--) {
          const i = rng.int(nodes.length);
          const roll = rng.next();
          const params = roll < 0.6 ? { ...nodes[i].params, bias: rng.int(10) }
            : roll < 0.8 ? { ...nodes[i].params, fail: !nodes[i].params.fail } : { ...nodes[i].params };
          nodes[i] = { ...nodes[i], params };
        }
        graph = { ...graph, nodes };
      }
    }
  });
});
