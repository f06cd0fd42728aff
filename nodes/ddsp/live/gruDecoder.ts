/**
 * The DDSP RNN-FC decoder evaluated by hand, one frame at a time and synchronously, for the
 * AudioWorklet (no onnxruntime runs there, and an awaited session could not meet a render quantum).
 * It computes what the exported graph computes (training/ddsp/model.py; weights from
 * decoderWeights.ts): pitch and loudness standardised, an MLP each, a GRU over both, an MLP over
 * [GRU output, both], a linear head, DDSP's scaled sigmoid, the harmonic mask and normalisation.
 * Every buffer is allocated once: a step makes no garbage on the audio thread.
 */
import type { DecodedFrames } from '../decoder';
import type { DecoderWeights, DenseLayer, NormedLayer } from './decoderWeights';

/** A normed layer of constant weights, for the tiny decoder of `compileDecoderCode`. */
function constantLayer(inputs: number, outputs: number): NormedLayer {
  const filled = (n: number, v: number): Float32Array => new Float32Array(n).fill(v);
  return { inputs, outputs, weight: filled(inputs * outputs, 0.1), bias: filled(outputs, 0), gamma: filled(outputs, 1), beta: filled(outputs, 0), epsilon: 1e-5, slope: 0.2 };
}

/**
 * A decoder of the same structure as the real ones but 4 wide: stepping it makes the JavaScript
 * engine compile every function a step runs for the price of a few microseconds a step, so a real
 * decoder's first frames do not run in the interpreter (its very first step takes ~13 ms there,
 * against under 1 ms after 200 tiny steps).
 * @example
 * const tiny = tinyDecoder(); for (let i = 0; i < 20; i++) tiny.step(220, -30);
 */
export function tinyDecoder(): GruDecoder {
  const mlp = (inputs: number): NormedLayer[] => [constantLayer(inputs, 4), constantLayer(4, 4)];
  const filled = (n: number): Float32Array => new Float32Array(n).fill(0.1);
  return new GruDecoder({
    pitchMean: 60, pitchStd: 12, loudnessMean: -40, loudnessStd: 15, f0Floor: 8.1758,
    f0Mlp: mlp(1), loudnessMlp: mlp(1), outMlp: mlp(12),
    gru: { inputs: 8, hidden: 4, w: filled(96), r: filled(48), b: new Float32Array(24) },
    head: { inputs: 4, outputs: 5, weight: filled(20), bias: new Float32Array(5) },
    harmonicNumbers: Float32Array.of(1, 2), nyquist: 8000, noiseBias: -5,
  });
}

const LN10 = Math.log(10);

/** DDSP's exp_sigmoid: 2·sigmoid(x)^ln(10) + 1e-7. */
function scaledSigmoid(x: number): number {
  return 2 * (1 / (1 + Math.exp(-x))) ** LN10 + 1e-7;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * y[r] = bias[r] + Σ W[r][i]·x[i] for r < rows, over the first `cols` values of x; four partial
 * sums per row, which V8 runs about twice as fast as one (no chain of dependent adds).
 */
function matVec(weight: Float32Array, rows: number, cols: number, x: Float32Array, bias: Float32Array, biasAt: number, y: Float32Array): void {
  const whole = cols & ~3;
  for (let r = 0; r < rows; r++) {
    const at = r * cols;
    let s0 = bias[biasAt + r];
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    for (; i < whole; i += 4) {
      s0 += weight[at + i] * x[i];
      s1 += weight[at + i + 1] * x[i + 1];
      s2 += weight[at + i + 2] * x[i + 2];
      s3 += weight[at + i + 3] * x[i + 3];
    }
    for (; i < cols; i++) s0 += weight[at + i] * x[i];
    y[r] = s0 + s1 + s2 + s3;
  }
}

/** y = W·x + b. */
function linear(layer: DenseLayer, x: Float32Array, y: Float32Array): void {
  matVec(layer.weight, layer.outputs, layer.inputs, x, layer.bias, 0, y);
}

/** Linear → LayerNorm → LeakyReLU, in place on `y`. */
function normed(layer: NormedLayer, x: Float32Array, y: Float32Array): void {
  linear(layer, x, y);
  const n = layer.outputs;
  let mean = 0;
  for (let o = 0; o < n; o++) mean += y[o];
  mean /= n;
  let variance = 0;
  for (let o = 0; o < n; o++) variance += (y[o] - mean) ** 2;
  const scale = 1 / Math.sqrt(variance / n + layer.epsilon);
  for (let o = 0; o < n; o++) {
    const v = (y[o] - mean) * scale * layer.gamma[o] + layer.beta[o];
    y[o] = v < 0 ? v * layer.slope : v;
  }
}

/** Runs an MLP from `input`, ping-ponging between two scratch buffers; returns the one holding its output. */
function mlp(layers: readonly NormedLayer[], input: Float32Array, a: Float32Array, b: Float32Array): Float32Array {
  let x = input;
  let y = a;
  for (const layer of layers) {
    normed(layer, x, y);
    x = y;
    y = y === a ? b : a;
  }
  return x;
}

/**
 * A decoder stream stepped frame by frame, carrying its GRU state.
 * @example
 * const decoder = new GruDecoder(readDecoderWeights(bytes, 'model.onnx'));
 * const frame = decoder.step(440, -30); // amplitude[0], harmonics (60), noise (65): reused by the next step
 */
export class GruDecoder {
  private readonly w: DecoderWeights;
  private readonly state: Float32Array;
  private readonly gates: Float32Array;
  private readonly recurrent: Float32Array;
  private readonly scratch: Float32Array[];
  private readonly gruInput: Float32Array;
  private readonly joint: Float32Array;
  private readonly head: Float32Array;
  private readonly out: DecodedFrames;

  constructor(weights: DecoderWeights) {
    this.w = weights;
    const { hidden, inputs } = weights.gru;
    const width = Math.max(...[...weights.f0Mlp, ...weights.loudnessMlp, ...weights.outMlp].map((l) => l.outputs), 1);
    this.state = new Float32Array(hidden);
    this.gates = new Float32Array(3 * hidden);
    this.recurrent = new Float32Array(3 * hidden);
    this.scratch = Array.from({ length: 6 }, () => new Float32Array(width));
    this.gruInput = new Float32Array(inputs);
    this.joint = new Float32Array(hidden + inputs);
    this.head = new Float32Array(weights.head.outputs);
    const harmonicCount = weights.harmonicNumbers.length;
    const noiseBands = weights.head.outputs - 1 - harmonicCount;
    this.out = { amplitude: new Float32Array(1), harmonicCount, harmonics: new Float32Array(harmonicCount), noiseBands, noise: new Float32Array(noiseBands) };
  }

  /** The FrameDecoder face (nodes/ddsp/live/ddspGenerator.ts): one frame, from `f0[0]` and `loudness[0]`. */
  decode(f0: Float32Array, loudness: Float32Array): DecodedFrames {
    return this.step(f0[0], loudness[0]);
  }

  /** Controls for one frame (f0 in Hz, loudness in dB); the arrays returned are overwritten by the next step. */
  step(f0: number, loudness: number): DecodedFrames {
    const w = this.w;
    const [s0, s1, s2, s3, s4, s5] = this.scratch;
    const pitch = 69 + 12 * Math.log2(Math.max(f0, w.f0Floor) / 440);
    s4[0] = (pitch - w.pitchMean) / w.pitchStd;
    s5[0] = (loudness - w.loudnessMean) / w.loudnessStd;
    const hf = mlp(w.f0Mlp, s4, s0, s1);
    const hl = mlp(w.loudnessMlp, s5, s2, s3);
    const nf = w.f0Mlp.at(-1)!.outputs;
    const nl = w.loudnessMlp.at(-1)!.outputs;
    // The GRU's input is [hf, hl]; the output MLP's is [GRU output (the new state), hf, hl].
    const input = this.gruInput;
    input.set(hf.subarray(0, nf), 0);
    input.set(hl.subarray(0, nl), nf);
    this.gru(input);
    const joint = this.joint;
    joint.set(this.state, 0);
    joint.set(input, w.gru.hidden);
    const o = mlp(w.outMlp, joint, s4, s5);
    linear(w.head, o, this.head);
    return this.controls(f0);
  }

  /** One ONNX GRU step (z, r, h gates; reset applied after the recurrent linear map) on `x`. */
  private gru(x: Float32Array): void {
    const { inputs, hidden, w, r, b } = this.w.gru;
    const h = this.state;
    const gx = this.gates;
    const gh = this.recurrent;
    matVec(w, 3 * hidden, inputs, x, b, 0, gx);
    matVec(r, 3 * hidden, hidden, h, b, 3 * hidden, gh);
    for (let j = 0; j < hidden; j++) {
      const z = sigmoid(gx[j] + gh[j]);
      const reset = sigmoid(gx[hidden + j] + gh[hidden + j]);
      const candidate = Math.tanh(gx[2 * hidden + j] + reset * gh[2 * hidden + j]);
      h[j] = (1 - z) * candidate + z * h[j];
    }
  }

  /** The head's logits → amplitude, masked and normalised harmonics, biased noise. */
  private controls(f0: number): DecodedFrames {
    const { harmonicNumbers, nyquist, noiseBias } = this.w;
    const y = this.head;
    const out = this.out;
    out.amplitude[0] = scaledSigmoid(y[0]);
    let sum = 0;
    for (let k = 0; k < out.harmonicCount; k++) {
      const v = f0 * harmonicNumbers[k] < nyquist ? scaledSigmoid(y[1 + k]) : 0;
      out.harmonics[k] = v;
      sum += v;
    }
    const norm = 1 / (sum + 1e-7);
    for (let k = 0; k < out.harmonicCount; k++) out.harmonics[k] *= norm;
    const at = 1 + out.harmonicCount;
    for (let j = 0; j < out.noiseBands; j++) out.noise[j] = scaledSigmoid(y[at + j] + noiseBias);
    return out;
  }
}
