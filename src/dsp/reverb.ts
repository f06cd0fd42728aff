/**
 * Convolution reverb for the DDSP output: a dry/wet mix of the signal and its convolution with an
 * impulse response, plus a synthetic impulse response (exponentially decaying white noise).
 */
import { createRng } from '../engine/rng';
import { convolve } from './convolve';

/** Options of `applyReverb`. */
export interface ReverbOptions {
  /** Gain of the convolved (wet) signal (default 1). */
  wet?: number;
  /** Gain of the original (dry) signal (default 1). */
  dry?: number;
  /** Keep the reverb tail past the end of the input (default false: same length as the input). */
  tail?: boolean;
}

/**
 * dry·x + wet·(x ∗ ir), as long as `x` (or x.length + ir.length − 1 with `tail`).
 * @example
 * const wetter = applyReverb(audio, decayingNoiseIr({ sampleRate: 16000, rt60: 1.2 }), { wet: 0.3 });
 */
export function applyReverb(signal: Float32Array, ir: Float32Array, opts: ReverbOptions = {}): Float32Array {
  const wet = opts.wet ?? 1;
  const dry = opts.dry ?? 1;
  const convolved = convolve(signal, ir);
  const out = new Float32Array(opts.tail ? Math.max(signal.length, convolved.length) : signal.length);
  for (let i = 0; i < out.length; i++) out[i] = wet * (convolved[i] ?? 0) + (i < signal.length ? dry * signal[i] : 0);
  return out;
}

/** Options of `decayingNoiseIr`. */
export interface DecayingNoiseIrOptions {
  sampleRate: number;
  /** Seconds for the response to fall by 60 dB. */
  rt60: number;
  /** Length in seconds (default rt60, where the envelope reaches −60 dB). */
  seconds?: number;
  /** Noise seed (default 0). */
  seed?: number | string;
}

/**
 * A synthetic room response: uniform white noise under the envelope 10^(−3t / rt60), scaled to unit
 * energy (Σ h² = 1), so a broadband signal keeps its level through it.
 * @example
 * const ir = decayingNoiseIr({ sampleRate: 48000, rt60: 2, seed: 3 });
 */
export function decayingNoiseIr(opts: DecayingNoiseIrOptions): Float32Array {
  const { sampleRate, rt60 } = opts;
  if (!(sampleRate > 0)) throw new Error(`decayingNoiseIr: sample rate must be positive, got ${sampleRate}`);
  if (!(rt60 > 0)) throw new Error(`decayingNoiseIr: rt60 must be positive seconds, got ${rt60}`);
  const seconds = opts.seconds ?? rt60;
  const length = Math.max(1, Math.round(seconds * sampleRate));
  const rng = createRng(opts.seed ?? 0);
  const decayPerSample = 10 ** (-3 / (rt60 * sampleRate));
  const ir = new Float64Array(length);
  let envelope = 1;
  let energy = 0;
  for (let i = 0; i < length; i++) {
    ir[i] = (rng.next() * 2 - 1) * envelope;
    energy += ir[i] * ir[i];
    envelope *= decayPerSample;
  }
  const scale = energy > 0 ? 1 / Math.sqrt(energy) : 0;
  return Float32Array.from(ir, (v) => v * scale);
}
