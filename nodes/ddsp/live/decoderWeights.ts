/**
 * The weights of a DDSP RNN-FC decoder (training/ddsp/model.py) read out of its ONNX export, for
 * the decoder that runs inside an AudioWorklet (gruDecoder.ts), where onnxruntime cannot run. The
 * graph is read by structure, not by initializer names (the exporter numbers those): the MLP layers
 * by module path (/model/f0_mlp/…, MatMul → Add → LayerNormalization → LeakyRelu), the GRU node,
 * the head, and the few constants by the op that uses them. A graph of another shape is refused
 * with the reason; the page then keeps the decoder on onnxruntime in a Worker.
 */
import { readOnnxGraph, type OnnxGraph, type OnnxNode, type OnnxTensor } from '../../../src/ml/onnxProto';

/** A linear layer: y = W·x + b, W stored [outputs][inputs] row-major (ONNX's MatMul holds its transpose). */
export interface DenseLayer {
  inputs: number;
  outputs: number;
  weight: Float32Array;
  bias: Float32Array;
}

/** Linear → LayerNorm(gamma, beta, epsilon) → LeakyReLU(slope). */
export interface NormedLayer extends DenseLayer {
  gamma: Float32Array;
  beta: Float32Array;
  epsilon: number;
  slope: number;
}

/** An ONNX GRU (gates z, r, h; linear_before_reset): W [3H][inputs], R [3H][H], B = [Wb(3H), Rb(3H)]. */
export interface GruLayer {
  inputs: number;
  hidden: number;
  w: Float32Array;
  r: Float32Array;
  b: Float32Array;
}

/** Everything the worklet decoder computes with; plain typed arrays, so it can be posted to a worklet. */
export interface DecoderWeights {
  pitchMean: number;
  pitchStd: number;
  loudnessMean: number;
  loudnessStd: number;
  /** The lowest f0 the pitch normalisation takes (Hz; MIDI 0). */
  f0Floor: number;
  f0Mlp: NormedLayer[];
  loudnessMlp: NormedLayer[];
  gru: GruLayer;
  outMlp: NormedLayer[];
  head: DenseLayer;
  /** 1 … harmonics: a harmonic k·f0 at or above `nyquist` is masked out. */
  harmonicNumbers: Float32Array;
  nyquist: number;
  /** Added to the noise logits before the scaled sigmoid. */
  noiseBias: number;
}

/** Reads a DDSP decoder's weights from its ONNX file; throws, naming `where` and what is missing, for another graph. */
export function readDecoderWeights(bytes: Uint8Array, where: string): DecoderWeights {
  return new GraphWeights(readOnnxGraph(bytes, where), where).read();
}

class GraphWeights {
  private readonly producer = new Map<string, OnnxNode>();

  constructor(private readonly graph: OnnxGraph, private readonly where: string) {
    for (const node of graph.nodes) for (const out of node.outputs) this.producer.set(out, node);
  }

  read(): DecoderWeights {
    const gru = this.gru();
    const f0Mlp = this.normedLayers('f0_mlp');
    const loudnessMlp = this.normedLayers('loudness_mlp');
    const outMlp = this.normedLayers('out_mlp');
    const head = this.dense('head');
    const [pitchMean, pitchStd] = this.standardisation((n) => n.inputs[0] !== 'loudness');
    const [loudnessMean, loudnessStd] = this.standardisation((n) => n.inputs[0] === 'loudness');
    const mask = this.only('Less', 'harmonic mask');
    const harmonicNumbers = this.tensor(this.only('Mul', 'harmonic numbers', (n) => n.outputs[0] === mask.inputs[0]).inputs[1]).data as Float32Array;
    const widths = `${f0Mlp[0].inputs}→${f0Mlp.at(-1)!.outputs} + ${loudnessMlp[0].inputs}→${loudnessMlp.at(-1)!.outputs} → GRU ${gru.inputs}→${gru.hidden} → ${outMlp[0].inputs}→${head.outputs}`;
    const fits = f0Mlp[0].inputs === 1 && loudnessMlp[0].inputs === 1 && gru.inputs === f0Mlp.at(-1)!.outputs + loudnessMlp.at(-1)!.outputs
      && outMlp[0].inputs === gru.hidden + gru.inputs && head.inputs === outMlp.at(-1)!.outputs && head.outputs > 1 + harmonicNumbers.length;
    if (!fits) this.fail(`layer widths do not chain (${widths})`);
    return {
      pitchMean, pitchStd, loudnessMean, loudnessStd,
      f0Floor: this.scalar(this.only('Clip', 'f0 floor').inputs[1]),
      f0Mlp, loudnessMlp, gru, outMlp, head, harmonicNumbers,
      nyquist: this.scalar(mask.inputs[1]),
      noiseBias: this.noiseBias(),
    };
  }

  private fail(what: string): never {
    throw new Error(`${this.where}: not a DDSP decoder the worklet can run: ${what}`);
  }

  /** The single node of `op` (matching `test`), or a refusal naming `what`. */
  private only(op: string, what: string, test: (n: OnnxNode) => boolean = () => true): OnnxNode {
    const found = this.graph.nodes.filter((n) => n.opType === op && test(n));
    if (found.length !== 1) this.fail(`${found.length} ${op} nodes for the ${what}, expected 1`);
    return found[0];
  }

  /** A float initializer or Constant output by name. */
  private tensor(name: string): OnnxTensor {
    const t = this.graph.initializers.get(name) ?? this.producer.get(name)?.attributes.value;
    if (!t || typeof t !== 'object' || Array.isArray(t) || t.dataType !== 1 || !(t.data instanceof Float32Array)) this.fail(`"${name}" is not a float32 constant`);
    return t;
  }

  private scalar(name: string): number {
    const t = this.tensor(name);
    if (t.data.length !== 1) this.fail(`"${name}" holds ${t.data.length} values, expected 1`);
    return t.data[0];
  }

  /** [mean, std] of a Sub(x, mean) → Div(·, std) pair picked by `test` on the Sub. */
  private standardisation(test: (sub: OnnxNode) => boolean): [number, number] {
    const constant = (n: OnnxNode): boolean => this.graph.initializers.has(n.inputs[1]) || this.producer.get(n.inputs[1])?.opType === 'Constant';
    const sub = this.only('Sub', 'input standardisation', (n) => constant(n) && test(n));
    const div = this.only('Div', 'input standardisation', (n) => n.inputs[0] === sub.outputs[0]);
    return [this.scalar(sub.inputs[1]), this.scalar(div.inputs[1])];
  }

  /** The noise logits' bias: the constant added just before a Sigmoid. */
  private noiseBias(): number {
    for (const sigmoid of this.graph.nodes.filter((n) => n.opType === 'Sigmoid')) {
      const add = this.producer.get(sigmoid.inputs[0]);
      if (add?.opType === 'Add') return this.scalar(add.inputs[1]);
    }
    return this.fail('no noise bias (an Add before a Sigmoid)');
  }

  private gru(): GruLayer {
    const node = this.only('GRU', 'recurrent layer');
    const hidden = Number(node.attributes.hidden_size);
    if (node.attributes.linear_before_reset !== 1) this.fail('its GRU does not apply the reset gate after the linear map (linear_before_reset = 1, as PyTorch exports)');
    if (node.attributes.direction !== undefined && node.attributes.direction !== 'forward') this.fail(`its GRU runs ${String(node.attributes.direction)}`);
    const [w, r, b] = [1, 2, 3].map((i) => this.tensor(node.inputs[i]));
    const inputs = w.dims[2];
    if (w.dims[1] !== 3 * hidden || r.dims[2] !== hidden || b.data.length !== 6 * hidden) this.fail(`GRU weights of shapes ${w.dims} / ${r.dims} / ${b.dims} for hidden size ${hidden}`);
    return { inputs, hidden, w: w.data as Float32Array, r: r.data as Float32Array, b: b.data as Float32Array };
  }

  /** The nodes of module `/model/<module>/…`, in graph order. */
  private module(module: string): OnnxNode[] {
    const nodes = this.graph.nodes.filter((n) => n.name.startsWith(`/model/${module}/`));
    if (!nodes.length) this.fail(`no ${module} layers`);
    return nodes;
  }

  /** A Linear layer from a MatMul (weight [in, out]) and the Add of its bias. */
  private linear(matmul: OnnxNode, add: OnnxNode | undefined, module: string): DenseLayer {
    const weight = this.tensor(matmul.inputs[1]);
    const biasName = add?.opType === 'Add' ? add.inputs.find((i) => this.graph.initializers.has(i)) : undefined;
    if (weight.dims.length !== 2 || !biasName) this.fail(`${module}: a MatMul without a 2-d weight and a bias`);
    const bias = this.tensor(biasName);
    if (bias.data.length !== weight.dims[1]) this.fail(`${module}: bias of ${bias.data.length} for ${weight.dims[1]} outputs`);
    const [inputs, outputs] = weight.dims;
    const transposed = new Float32Array(inputs * outputs);
    for (let i = 0; i < inputs; i++) for (let o = 0; o < outputs; o++) transposed[o * inputs + i] = weight.data[i * outputs + o];
    return { inputs, outputs, weight: transposed, bias: bias.data as Float32Array };
  }

  private dense(module: string): DenseLayer {
    const nodes = this.module(module);
    if (nodes.length !== 2 || nodes[0].opType !== 'MatMul') this.fail(`${module}: expected MatMul → Add, found ${nodes.map((n) => n.opType).join(' → ')}`);
    return this.linear(nodes[0], nodes[1], module);
  }

  private normedLayers(module: string): NormedLayer[] {
    const nodes = this.module(module);
    const layers: NormedLayer[] = [];
    for (let i = 0; i < nodes.length; i += 4) {
      const [matmul, add, norm, act] = nodes.slice(i, i + 4);
      if (matmul?.opType !== 'MatMul' || norm?.opType !== 'LayerNormalization' || act?.opType !== 'LeakyRelu') {
        this.fail(`${module}: expected MatMul → Add → LayerNormalization → LeakyRelu, found ${nodes.slice(i, i + 4).map((n) => n.opType).join(' → ')}`);
      }
      const linear = this.linear(matmul, add, module);
      const gamma = this.tensor(norm.inputs[1]).data as Float32Array;
      const beta = this.tensor(norm.inputs[2]).data as Float32Array;
      if (gamma.length !== linear.outputs || beta.length !== linear.outputs) this.fail(`${module}: LayerNorm of ${gamma.length} for ${linear.outputs} features`);
      const epsilon = Number(norm.attributes.epsilon ?? 1e-5);
      const slope = Number(act.attributes.alpha ?? 0.01);
      layers.push({ ...linear, gamma, beta, epsilon, slope });
    }
    return layers;
  }
}
