/**
 * Real FFT and its inverse over the `fft.js` package (radix-4, power-of-two sizes). A plan holds
 * the twiddle tables and scratch buffers of one size; `realFft(size)` hands out one shared plan per
 * size, so hot loops pay for the tables once.
 */
import FFT from 'fft.js';

/** True for 2, 4, 8, … — the sizes an FFT plan accepts. */
export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 2 && (n & (n - 1)) === 0;
}

/** The smallest power of two ≥ n (and ≥ 2). */
export function nextPowerOfTwo(n: number): number {
  let size = 2;
  while (size < n) size *= 2;
  return size;
}

/**
 * A real FFT of one power-of-two size N. Spectra are "half" spectra: N/2 + 1 bins (DC … Nyquist)
 * stored interleaved as [re0, im0, re1, im1, …], N + 2 numbers, unnormalised (as numpy's rfft).
 */
export class RealFft {
  /** The transform length N. */
  readonly size: number;
  /** Bins in a half spectrum: N/2 + 1. */
  readonly bins: number;
  private readonly fft: FFT;
  private readonly input: Float64Array;
  private readonly full: Float64Array;
  private readonly result: Float64Array;
  /** Complex FFT of size N/2 for the inverse (none for N = 2). */
  private readonly halfFft: FFT | null;
  private readonly twiddleCos: Float64Array;
  private readonly twiddleSin: Float64Array;

  /** Builds the tables for size `size`; throws unless it is a power of two ≥ 2. */
  constructor(size: number) {
    if (!isPowerOfTwo(size)) throw new Error(`RealFft: size must be a power of two ≥ 2, got ${size}`);
    this.size = size;
    this.bins = size / 2 + 1;
    this.fft = new FFT(size);
    this.input = new Float64Array(size);
    this.full = new Float64Array(2 * size);
    this.result = new Float64Array(2 * size);
    this.halfFft = size >= 4 ? new FFT(size / 2) : null;
    this.twiddleCos = Float64Array.from({ length: size / 2 }, (_, k) => Math.cos((2 * Math.PI * k) / size));
    this.twiddleSin = Float64Array.from({ length: size / 2 }, (_, k) => Math.sin((2 * Math.PI * k) / size));
  }

  /**
   * Half spectrum of `signal` (up to N samples; shorter input is zero-padded) into `out` (N + 2 numbers).
   * @example
   * const spectrum = realFft(8).forward([1, 0, 0, 0]); // flat: every bin 1 + 0i
   */
  forward(signal: ArrayLike<number>, out: Float64Array = new Float64Array(this.size + 2)): Float64Array {
    const n = this.size;
    if (signal.length > n) throw new Error(`RealFft.forward: ${signal.length} samples do not fit a size-${n} FFT`);
    if (out.length < n + 2) throw new Error(`RealFft.forward: output holds ${out.length} numbers, needs ${n + 2}`);
    const input = this.input;
    for (let i = 0; i < signal.length; i++) input[i] = signal[i];
    input.fill(0, signal.length);
    this.fft.realTransform(this.full, input);
    for (let i = 0; i < n + 2; i++) out[i] = this.full[i];
    return out;
  }

  /**
   * The real signal (N samples) whose half spectrum is `spectrum`, scaled by 1/N so that
   * inverse(forward(x)) = x. Imaginary parts of the DC and Nyquist bins are ignored. Runs one
   * complex inverse FFT of size N/2 on z = x_even + i·x_odd, whose spectrum is
   * Z_k = E_k + i·O_k with E_k = (X_k + X*_{N/2−k}) / 2 and O_k = (X_k − X*_{N/2−k})·e^{2πik/N} / 2.
   */
  inverse(spectrum: ArrayLike<number>, out: Float64Array = new Float64Array(this.size)): Float64Array {
    const n = this.size;
    if (spectrum.length < n + 2) throw new Error(`RealFft.inverse: spectrum holds ${spectrum.length} numbers, needs ${n + 2}`);
    if (out.length < n) throw new Error(`RealFft.inverse: output holds ${out.length} samples, needs ${n}`);
    const half = n / 2;
    if (!this.halfFft) {
      out[0] = (spectrum[0] + spectrum[2]) / 2;
      out[1] = (spectrum[0] - spectrum[2]) / 2;
      return out;
    }
    const z = this.full;
    const { twiddleCos, twiddleSin } = this;
    for (let k = 0; k < half; k++) {
      const ar = spectrum[2 * k];
      const ai = k === 0 ? 0 : spectrum[2 * k + 1];
      const br = spectrum[2 * (half - k)]; // X_{N/2−k}, conjugated below
      const bi = k === 0 ? 0 : -spectrum[2 * (half - k) + 1];
      const er = (ar + br) / 2;
      const ei = (ai + bi) / 2;
      const dr = (ar - br) / 2;
      const di = (ai - bi) / 2;
      const or = dr * twiddleCos[k] - di * twiddleSin[k];
      const oi = dr * twiddleSin[k] + di * twiddleCos[k];
      z[2 * k] = er - oi;
      z[2 * k + 1] = ei + or;
    }
    this.halfFft.inverseTransform(this.result, z);
    for (let i = 0; i < half; i++) {
      out[2 * i] = this.result[2 * i];
      out[2 * i + 1] = this.result[2 * i + 1];
    }
    return out;
  }
}

const plans = new Map<number, RealFft>();

/**
 * The shared plan for `size` (built on first use). Its methods keep no state between calls, so
 * sharing is safe in single-threaded code.
 * @example
 * const spectrum = realFft(1024).forward(frame);
 */
export function realFft(size: number): RealFft {
  let plan = plans.get(size);
  if (!plan) {
    plan = new RealFft(size);
    plans.set(size, plan);
  }
  return plan;
}
