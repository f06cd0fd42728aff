/**
 * A-weighted frame loudness of docs/ddsp.md: the A-weighted mean-square power of a periodic-Hann
 * windowed frame, in dB (a full-scale 1 kHz sine reads about −3 dB; silence reads −100 dB).
 * A-weighting per IEC 61672-1:2013, Annex E (pole frequencies 20.6, 107.7, 737.9 and 12 194 Hz).
 */
import { DDSP_FRAME_SIZE, DDSP_HOP, DDSP_SAMPLE_RATE } from './ddspContract';
import { realFft } from './fft';
import { centredFrame, frameCount } from './stft';
import { hannWindow } from './window';

/** Loudness of a silent frame, in dB: the 1e-10 power floor. */
export const LOUDNESS_FLOOR_DB = -100;

/** The un-normalised A-weighting magnitude response R_A(f) of IEC 61672. */
function aResponse(f: number): number {
  const f2 = f * f;
  return (12194 ** 2 * f2 * f2) / ((f2 + 20.6 ** 2) * Math.sqrt((f2 + 107.7 ** 2) * (f2 + 737.9 ** 2)) * (f2 + 12194 ** 2));
}

const A_AT_1KHZ = aResponse(1000);

/**
 * A-weighting as a linear power gain, exactly 1 at 1 kHz.
 * @example
 * 10 * Math.log10(aWeightingPower(100)); // ≈ −19.1
 */
export function aWeightingPower(f: number): number {
  return (aResponse(f) / A_AT_1KHZ) ** 2;
}

/** Options of `loudness`. */
export interface LoudnessOptions {
  /** Sample rate of the signal (default 16 000). */
  sampleRate?: number;
  /** Frame length, a power of two (default 1024). */
  frameSize?: number;
  /** Samples between frame centres (default 64). */
  hop?: number;
}

/**
 * Loudness in dB per centred frame (⌊S / hop⌋ + 1 frames):
 * 10·log10(max(1e-10, Σ_k c_k |X_k|² A(f_k) / (N·Σ w²))).
 * @example
 * const db = loudness(audio16k); // 250 frames per second
 */
export function loudness(signal: ArrayLike<number>, opts: LoudnessOptions = {}): Float32Array {
  const rate = opts.sampleRate ?? DDSP_SAMPLE_RATE;
  const size = opts.frameSize ?? DDSP_FRAME_SIZE;
  const hop = opts.hop ?? DDSP_HOP;
  const fft = realFft(size);
  const window = hannWindow(size);
  let windowEnergy = 0;
  for (let i = 0; i < size; i++) windowEnergy += window[i] * window[i];
  const weights = new Float64Array(fft.bins);
  for (let k = 0; k < fft.bins; k++) {
    const twice = k === 0 || k === fft.bins - 1 ? 1 : 2;
    weights[k] = (twice * aWeightingPower((k * rate) / size)) / (size * windowEnergy);
  }
  const frames = frameCount(signal.length, hop);
  const out = new Float32Array(frames);
  const frame = new Float64Array(size);
  const spectrum = new Float64Array(size + 2);
  for (let m = 0; m < frames; m++) {
    fft.forward(centredFrame(signal, m * hop, window, frame), spectrum);
    let power = 0;
    for (let k = 0; k < fft.bins; k++) power += weights[k] * (spectrum[2 * k] ** 2 + spectrum[2 * k + 1] ** 2);
    out[m] = 10 * Math.log10(Math.max(1e-10, power));
  }
  return out;
}
