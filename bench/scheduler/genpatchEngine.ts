/**
 * genpatch's scheduler on a benchmark shape: one `bench.mix` node type, a GraphSpec built from the
 * shape, `evaluate` pulled from the shape's sinks. Full steps clear the result cache first;
 * re-evaluation steps hand the scheduler a new GraphSpec in which only the changed node's params
 * differ (as an immer edit of the patch would), built before the timer starts.
 */
import { defineNode } from '../../src/engine/node';
import { NodeRegistry } from '../../src/engine/registry';
import { Scheduler } from '../../src/engine/scheduler';
import type { Evaluation, GraphSpec } from '../../src/engine/scheduler-types';
import type { BenchEngine, Step } from './engine';
import { mix, type Shape } from './shapes';

/** The benchmark's arithmetic node: out = a·0.5 + b·0.25 + bias. */
const mixNode = defineNode({
  type: 'bench.mix',
  title: 'Mix',
  category: 'bench',
  doc: 'Benchmark arithmetic: half of input a plus a quarter of input b plus a bias.',
  inputs: { a: { type: 'number', optional: true }, b: { type: 'number', optional: true } },
  outputs: { out: { type: 'number' } },
  params: { bias: { kind: 'float', default: 0 } },
  run: ({ a, b }, { bias }) => ({ outputs: { out: mix(a ?? 0, b ?? 0, bias) } }),
});

type SpecNode = GraphSpec['nodes'][number];

const nodeId = (i: number): string => `n${i}`;

/** Builds the genpatch engine for `shape`. */
export function createGenpatchEngine(shape: Shape): BenchEngine {
  const scheduler = new Scheduler(new NodeRegistry([mixNode]));
  const nodes: SpecNode[] = shape.biases.map((bias, i) => ({ id: nodeId(i), type: 'bench.mix', params: { bias } }));
  const edges = shape.edges.map((e) => ({ from: { node: nodeId(e.from), port: 'out' }, to: { node: nodeId(e.to), port: e.port } }));
  const graph: GraphSpec = { nodes, edges };
  const sinks = shape.sinks.map(nodeId);
  let last: Evaluation | undefined;

  const sinkValues = (result: Evaluation): number[] =>
    sinks.map((id) => {
      const outcome = result.nodes.get(id);
      if (outcome?.status === 'failed') throw new Error(`genpatch: sink ${id} failed: ${outcome.error}`);
      return outcome?.outputs?.out as number;
    });
  const evaluate = async (spec: GraphSpec): Promise<number[]> => {
    last = await scheduler.evaluate(spec, { sinks });
    return sinkValues(last);
  };

  return {
    name: 'genpatch',
    full(): Step {
      return () => {
        scheduler.clearCache();
        return evaluate(graph);
      };
    },
    reevaluate(bias: number): Step {
      const edited = nodes.slice();
      edited[shape.changed] = { ...nodes[shape.changed], params: { bias } };
      const spec: GraphSpec = { nodes: edited, edges };
      return () => evaluate(spec);
    },
    async warm(): Promise<void> {
      await this.full()();
    },
    lastRan: () => last?.ran.length ?? 0,
  };
}
