/**
 * The DDSP harmonic synthesizer (docs/ddsp.md, "Synthesis"): a bank of harmonics of f0 driven by
 * frame-rate controls that are linearly interpolated between frame centres. Phase is accumulated
 * in float64. Per sample, sin(h·φ) for h = 2, 3, … comes from the Chebyshev recurrence
 * sin(hφ) = 2cos(φ)·sin((h−1)φ) − sin((h−2)φ), seeded from one Math.sin and one Math.cos: the
 * error stays below 2e-13 in float64 and never accumulates across samples, and the bank runs about
 * 4x faster than one Math.sin per harmonic (bench/dsp.ts).
 */
import { DDSP_FRAME_RATE, DDSP_NYQUIST, DDSP_SAMPLE_RATE } from './ddspContract';
import { audioLength, blockStart, checkRates } from './frameTiming';

/** Frame-rate controls of the harmonic synthesizer. */
export interface HarmonicControls {
  /** Fundamental frequency per frame in Hz (frames at ≤ 0 Hz are silent). */
  f0: Float32Array;
  /** Overall linear amplitude per frame. */
  amplitude: Float32Array;
  /** Harmonic distribution, frames × harmonics row-major (harmonic 1 first). */
  harmonics: Float32Array;
}

/** Output settings shared by the DDSP synthesizers. */
export interface SynthOptions {
  /** Output sample rate in Hz, an integer ≥ 16 000. */
  sampleRate: number;
  /** Control frames per second (default 250). */
  frameRate?: number;
  /** Samples to produce (default frames · sampleRate / frameRate); past the last frame it holds. */
  length?: number;
}

/** Positive finite values pass; negative, NaN and infinite ones count as 0. */
const nonNegative = (x: number): number => (x > 0 && x < Infinity ? x : 0);

/** Checks the output settings and returns the rates and length in samples. */
export function resolveSynthOptions(frames: number, opts: SynthOptions, where: string): { rate: number; frameRate: number; length: number } {
  const rate = opts.sampleRate;
  const frameRate = opts.frameRate ?? DDSP_FRAME_RATE;
  checkRates(rate, frameRate, where);
  if (rate < DDSP_SAMPLE_RATE) throw new Error(`${where}: output rate must be at least ${DDSP_SAMPLE_RATE} Hz, got ${rate}`);
  const length = opts.length ?? audioLength(frames, rate, frameRate);
  if (!(Number.isInteger(length) && length >= 0)) throw new Error(`${where}: length must be a whole number of samples, got ${length}`);
  return { rate, frameRate, length };
}

/**
 * Per frame and harmonic, amplitude · weight: harmonics at or above 8 kHz are dropped and the rest
 * renormalised to sum to 1 (frames × harmonics, float64).
 */
export function harmonicAmplitudes(controls: HarmonicControls): Float64Array {
  const { f0, amplitude, harmonics } = controls;
  const frames = f0.length;
  if (amplitude.length !== frames) throw new Error(`harmonicSynth: ${frames} f0 frames but ${amplitude.length} amplitude frames`);
  const count = frames === 0 ? 0 : harmonics.length / frames;
  if (!Number.isInteger(count) || (frames > 0 && count < 1)) {
    throw new Error(`harmonicSynth: ${harmonics.length} harmonic values do not split into ${frames} frames`);
  }
  const out = new Float64Array(frames * count);
  for (let m = 0; m < frames; m++) {
    const f = f0[m];
    const audible = f > 0 ? Math.min(count, Math.ceil(DDSP_NYQUIST / f) - 1) : 0;
    let sum = 0;
    for (let h = 0; h < audible; h++) sum += nonNegative(harmonics[m * count + h]);
    if (!(sum > 0)) continue;
    const gain = nonNegative(amplitude[m]) / sum;
    for (let h = 0; h < audible; h++) out[m * count + h] = gain * nonNegative(harmonics[m * count + h]);
  }
  return out;
}

/**
 * One sample of the harmonic sum at fundamental phase `phase`: Σ (base[h] + frac·slope[h]) ·
 * sin((h + 1)·phase) over the first `audible` harmonics, the sines by the Chebyshev recurrence
 * (one sin and one cos per sample). Shared by the offline synth and the live stream synth.
 */
export function harmonicSample(phase: number, audible: number, base: ArrayLike<number>, slope: ArrayLike<number>, frac: number): number {
  if (audible <= 0) return 0;
  const twoCos = 2 * Math.cos(phase);
  let previous = 0;
  let current = Math.sin(phase);
  let sum = 0;
  for (let h = 0; h < audible; h++) {
    sum += (base[h] + frac * slope[h]) * current;
    const next = twoCos * current - previous;
    previous = current;
    current = next;
  }
  return sum;
}

/**
 * Renders the harmonic part of a DDSP voice: Σ_h a_h(n)·sin(h·φ(n)), φ(0) = 0 and
 * φ(n+1) = φ(n) + 2π·f0(n)/R. A harmonic is also muted on any sample where h·f0(n) ≥ 8 kHz.
 * @example
 * const audio = harmonicSynth({ f0, amplitude, harmonics }, { sampleRate: 48000 });
 */
export function harmonicSynth(controls: HarmonicControls, opts: SynthOptions): Float32Array {
  const frames = controls.f0.length;
  const { rate, frameRate, length } = resolveSynthOptions(frames, opts, 'harmonicSynth');
  const amps = harmonicAmplitudes(controls);
  const out = new Float32Array(length);
  if (frames === 0) return out;
  const count = amps.length / frames;
  const base = new Float64Array(count);
  const slope = new Float64Array(count);
  const twoPi = 2 * Math.PI;
  const radiansPerHz = twoPi / rate;
  let phase = 0;
  for (let m = 0, start = 0; start < length; m++) {
    const a = Math.min(m, frames - 1);
    const b = Math.min(m + 1, frames - 1);
    const end = m + 1 >= frames ? length : Math.min(length, blockStart(m + 1, rate, frameRate));
    for (let h = 0; h < count; h++) {
      base[h] = amps[a * count + h];
      slope[h] = amps[b * count + h] - base[h];
    }
    const f0a = controls.f0[a] > 0 ? controls.f0[a] : 0;
    const f0b = controls.f0[b] > 0 ? controls.f0[b] : 0;
    for (let n = start; n < end; n++) {
      const frac = a === b ? 0 : (n * frameRate - m * rate) / rate; // position between the two frame centres
      const f = f0a + (f0b - f0a) * frac;
      const sum = harmonicSample(phase, f > 0 ? Math.min(count, Math.ceil(DDSP_NYQUIST / f) - 1) : 0, base, slope, frac);
      out[n] = sum;
      phase += radiansPerHz * f;
      if (phase >= twoPi) phase %= twoPi;
    }
    start = end;
  }
  return out;
}
