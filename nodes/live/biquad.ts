/**
 * Biquad filters with the coefficients of the Web Audio API's BiquadFilterNode (the RBJ Audio EQ
 * Cookbook, Q in dB for low- and high-pass), so a clip filtered offline by `filterClip` sounds as
 * the same settings do live through a BiquadFilterNode.
 */
import type { AudioClip } from '../../src/engine/values';

/** The filter shapes the live nodes offer. */
export const FILTER_TYPES = ['lowpass', 'highpass', 'bandpass'] as const;
/** One filter shape. */
export type FilterType = (typeof FILTER_TYPES)[number];

/** A filter setting: shape, cutoff (or centre) in Hz, resonance in dB. */
export interface FilterSpec {
  type: FilterType;
  frequency: number;
  /** Peak gain at the cutoff in dB for low/high-pass; for band-pass Q = 10^(dB/20). */
  resonanceDb: number;
}

/** Normalised coefficients: y = b0·x + b1·x1 + b2·x2 − a1·y1 − a2·y2. */
export interface BiquadCoefficients {
  b0: number; b1: number; b2: number; a1: number; a2: number;
}

/** The Web Audio `Q` value that realises `spec` on a BiquadFilterNode. */
export function webAudioQ(spec: FilterSpec): number {
  return spec.type === 'bandpass' ? 10 ** (spec.resonanceDb / 20) : spec.resonanceDb;
}

/**
 * Coefficients of `spec` at `sampleRate` (cutoff clamped inside 10 Hz … Nyquist).
 * @example
 * biquadCoefficients({ type: 'lowpass', frequency: 1000, resonanceDb: 0 }, 48000).b0; // ≈ 0.0039
 */
export function biquadCoefficients(spec: FilterSpec, sampleRate: number): BiquadCoefficients {
  const nyquist = sampleRate / 2;
  const f = Math.min(nyquist * 0.999, Math.max(10, spec.frequency));
  const w0 = (2 * Math.PI * f) / sampleRate;
  const cos = Math.cos(w0);
  const sin = Math.sin(w0);
  let b0: number; let b1: number; let b2: number; let alpha: number;
  switch (spec.type) {
    case 'lowpass':
      alpha = sin / (2 * 10 ** (spec.resonanceDb / 20));
      b0 = (1 - cos) / 2; b1 = 1 - cos; b2 = (1 - cos) / 2;
      break;
    case 'highpass':
      alpha = sin / (2 * 10 ** (spec.resonanceDb / 20));
      b0 = (1 + cos) / 2; b1 = -(1 + cos); b2 = (1 + cos) / 2;
      break;
    case 'bandpass':
      alpha = sin / (2 * webAudioQ(spec));
      b0 = alpha; b1 = 0; b2 = -alpha;
      break;
  }
  const a0 = 1 + alpha;
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: (-2 * cos) / a0, a2: (1 - alpha) / a0 };
}

/** Filters one channel (transposed direct form II, double-precision state) into a new array. */
export function filterChannel(input: Float32Array, c: BiquadCoefficients): Float32Array {
  const out = new Float32Array(input.length);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < input.length; i++) {
    const x = input[i];
    const y = c.b0 * x + s1;
    s1 = c.b1 * x - c.a1 * y + s2;
    s2 = c.b2 * x - c.a2 * y;
    out[i] = y;
  }
  return out;
}

/**
 * A filtered copy of `clip`.
 * @example
 * const dark = filterClip(clip, { type: 'lowpass', frequency: 800, resonanceDb: 6 });
 */
export function filterClip(clip: AudioClip, spec: FilterSpec): AudioClip {
  const c = biquadCoefficients(spec, clip.sampleRate);
  return { sampleRate: clip.sampleRate, channels: clip.channels.map((ch) => filterChannel(ch, c)) };
}
