/**
 * rete-engine (v2) on a benchmark shape: ClassicPreset nodes with a `data(inputs)` method in a rete
 * NodeEditor with a DataflowEngine, following the rete guide. Full steps call `engine.reset()` and
 * fetch every sink; re-evaluation steps set the changed node's bias control, call
 * `engine.reset(changedNode)` (which drops it and its successors from rete's cache) and fetch every
 * sink again.
 */
import { ClassicPreset, NodeEditor, type GetSchemes } from 'rete';
import { DataflowEngine } from 'rete-engine';
import type { BenchEngine, Step } from './engine';
import { mix, type Shape } from './shapes';

const socket = new ClassicPreset.Socket('number');

/** The benchmark's arithmetic node in rete's dataflow style: inputs arrive as arrays per key. */
class MixNode extends ClassicPreset.Node {
  readonly bias: ClassicPreset.InputControl<'number'>;

  constructor(bias: number) {
    super('Mix');
    this.addInput('a', new ClassicPreset.Input(socket, 'a'));
    this.addInput('b', new ClassicPreset.Input(socket, 'b'));
    this.addOutput('out', new ClassicPreset.Output(socket, 'out'));
    this.bias = new ClassicPreset.InputControl('number', { initial: bias });
    this.addControl('bias', this.bias);
  }

  data(inputs: { a?: number[]; b?: number[] }): { out: number } {
    return { out: mix(inputs.a?.[0] ?? 0, inputs.b?.[0] ?? 0, this.bias.value ?? 0) };
  }
}

type MixConnection = ClassicPreset.Connection<ClassicPreset.Node, ClassicPreset.Node>;
type Schemes = GetSchemes<MixNode, MixConnection>;

/** Builds the rete-engine engine for `shape` (async: rete adds nodes through its signal pipes). */
export async function createReteEngine(shape: Shape): Promise<BenchEngine> {
  const editor = new NodeEditor<Schemes>();
  const engine = new DataflowEngine<Schemes>();
  editor.use(engine);
  const nodes = shape.biases.map((bias) => new MixNode(bias));
  for (const node of nodes) await editor.addNode(node);
  for (const e of shape.edges) {
    const connection: MixConnection = new ClassicPreset.Connection<ClassicPreset.Node, ClassicPreset.Node>(nodes[e.from], 'out', nodes[e.to], e.port);
    await editor.addConnection(connection);
  }
  const sinkIds = shape.sinks.map((s) => nodes[s].id);
  const changed = nodes[shape.changed];

  const fetchSinks = async (): Promise<number[]> => {
    const values: number[] = [];
    for (const id of sinkIds) values.push((await engine.fetch(id)).out);
    return values;
  };

  const bench: BenchEngine = {
    name: 'rete-engine',
    full(): Step {
      return () => {
        engine.reset();
        return fetchSinks();
      };
    },
    reevaluate(bias: number): Step {
      return () => {
        changed.bias.setValue(bias);
        engine.reset(changed.id);
        return fetchSinks();
      };
    },
    async warm(): Promise<void> {
      await bench.full()();
    },
  };
  return bench;
}
