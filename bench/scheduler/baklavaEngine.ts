/**
 * @baklavajs/engine (v2) on a benchmark shape: one node type made with @baklavajs/core's
 * `defineNode` (inputs a, b, bias as node interfaces, a `calculate` function), placed in an Editor's
 * graph, evaluated by the DependencyEngine. It has no result cache, so a re-evaluation after a param
 * change is a full calculation too. (baklava's ForwardEngine, which pushes from a changed node, is
 * not exported by @baklavajs/engine 2.8 and reads other inputs from stale interface values.)
 */
import { defineNode, Editor, NodeInterface, type CalculationResult } from '@baklavajs/core';
import { DependencyEngine } from '@baklavajs/engine';
import type { BenchEngine, Step } from './engine';
import { mix, type Shape } from './shapes';

/** The benchmark's arithmetic node in baklava's style: unconnected inputs keep their own value. */
const MixNode = defineNode({
  type: 'Mix',
  inputs: {
    a: () => new NodeInterface<number>('a', 0),
    b: () => new NodeInterface<number>('b', 0),
    bias: () => new NodeInterface<number>('bias', 0),
  },
  outputs: { out: () => new NodeInterface<number>('out', 0) },
  calculate: ({ a, b, bias }) => ({ out: mix(a, b, bias) }),
});

/** Builds the baklava engine for `shape`. The engine is created after the graph so that adding
 * connections skips its per-connection cycle check (a full topological sort per connection). */
export function createBaklavaEngine(shape: Shape): BenchEngine {
  const editor = new Editor();
  editor.registerNodeType(MixNode);
  const nodes = shape.biases.map((bias) => {
    const node = editor.graph.addNode(new MixNode());
    if (!node) throw new Error('baklava refused to add a node');
    node.inputs.bias.value = bias;
    return node;
  });
  for (const e of shape.edges) {
    if (!editor.graph.addConnection(nodes[e.from].outputs.out, nodes[e.to].inputs[e.port])) {
      throw new Error(`baklava refused the connection ${e.from} → ${e.to}.${e.port}`);
    }
  }
  const engine = new DependencyEngine(editor);
  const changed = nodes[shape.changed];
  const sinkIds = shape.sinks.map((s) => nodes[s].id);
  let ran = 0;

  const calculate = async (): Promise<number[]> => {
    const result: CalculationResult | null = await engine.runOnce(undefined);
    if (!result) throw new Error('baklava: the calculation was prevented');
    ran = result.size;
    return sinkIds.map((id) => result.get(id)?.get('out') as number);
  };

  return {
    name: 'baklava',
    full: () => calculate,
    reevaluate(bias: number): Step {
      return () => {
        changed.inputs.bias.value = bias;
        return calculate();
      };
    },
    async warm(): Promise<void> {
      await calculate();
    },
    lastRan: () => ran,
  };
}
