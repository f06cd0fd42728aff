/**
 * YIN fundamental-frequency estimation (de Cheveigné & Kawahara, JASA 111(4), 2002) with the
 * settings of docs/ddsp.md: 1024-sample frames centred every 64 samples at 16 kHz, absolute
 * threshold 0.15, 50–2000 Hz. Per frame, the difference function is the mean over all pairs that
 * fit in the frame, d(τ) = Σ_{j<N−τ} (x_j − x_{j+τ})² / (N − τ), so every lag looks at data centred
 * on the frame (summing a fixed N − τmax samples from the frame start, as the paper does, reads
 * ~10 ms early). It comes from prefix sums of x² and one autocorrelation by FFT, then is
 * cumulative-mean normalised to d′(τ). The chosen lag is refined by a parabola through d (the
 * paper's step 5): pure tones read within 1.2 cents up to 2 kHz.
 */
import { DDSP_FRAME_SIZE, DDSP_HOP, DDSP_SAMPLE_RATE } from './ddspContract';
import { realFft } from './fft';
import { frameCount } from './stft';

/** Options of `yin`. */
export interface YinOptions {
  /** Sample rate of the signal (default 16 000). */
  sampleRate?: number;
  /** Frame length, a power of two (default 1024). */
  frameSize?: number;
  /** Samples between frame centres (default 64). */
  hop?: number;
  /** Lowest f0 searched, in Hz (default 50). */
  fMin?: number;
  /** Highest f0 searched, in Hz (default 2000). */
  fMax?: number;
  /** Absolute threshold on d′ (default 0.15): a frame is voiced when d′(τ) falls below it. */
  threshold?: number;
}

/** A pitch track: per frame, f0 in Hz (0 where unvoiced) and voicing 1 − d′(τ) in [0, 1]. */
export interface PitchTrack {
  f0: Float32Array;
  voicing: Float32Array;
}

/** The lag of the period: the first dip of d′ under the threshold walked down to its minimum, else the global minimum. */
function pickLag(dn: Float64Array, lo: number, hi: number, threshold: number): number {
  for (let tau = lo; tau <= hi; tau++) {
    if (dn[tau] < threshold) {
      while (tau + 1 <= hi && dn[tau + 1] < dn[tau]) tau++;
      return tau;
    }
  }
  let best = lo;
  for (let tau = lo + 1; tau <= hi; tau++) if (dn[tau] < dn[best]) best = tau;
  return best;
}

/** The vertex of the parabola through d at τ − 1, τ, τ + 1, kept within [lo, hi]. */
function refineLag(d: Float64Array, tau: number, lo: number, hi: number): number {
  const left = d[tau - 1];
  const right = d[tau + 1];
  const curvature = left - 2 * d[tau] + right;
  if (!(curvature > 0)) return tau;
  return Math.max(lo, Math.min(hi, tau + Math.max(-1, Math.min(1, (left - right) / (2 * curvature)))));
}

/**
 * Tracks f0 with YIN, one estimate per centred frame (⌊S / hop⌋ + 1 frames).
 * @example
 * const { f0, voicing } = yin(audio16k); // f0[m] = 0 where frame m is unvoiced
 */
export function yin(signal: ArrayLike<number>, opts: YinOptions = {}): PitchTrack {
  const rate = opts.sampleRate ?? DDSP_SAMPLE_RATE;
  const size = opts.frameSize ?? DDSP_FRAME_SIZE;
  const hop = opts.hop ?? DDSP_HOP;
  const threshold = opts.threshold ?? 0.15;
  const shortest = rate / (opts.fMax ?? 2000); // lags in samples
  const longest = rate / (opts.fMin ?? 50);
  const lo = Math.max(2, Math.ceil(shortest));
  const hi = Math.floor(longest);
  if (!(lo < hi && hi + 1 < size)) throw new Error(`yin: a ${size}-sample frame cannot search lags ${lo}–${hi} at ${rate} Hz`);
  const fft = realFft(2 * size);
  const frames = frameCount(signal.length, hop);
  const f0 = new Float32Array(frames);
  const voicing = new Float32Array(frames);
  const frame = new Float64Array(size);
  const squares = new Float64Array(size + 1); // prefix sums of x²
  const spectrum = new Float64Array(2 * size + 2);
  const correlation = new Float64Array(2 * size);
  const diff = new Float64Array(hi + 2);
  const dn = new Float64Array(hi + 2);
  for (let m = 0; m < frames; m++) {
    const start = m * hop - size / 2;
    for (let i = 0; i < size; i++) {
      const at = start + i;
      frame[i] = at >= 0 && at < signal.length ? signal[at] : 0;
      squares[i + 1] = squares[i] + frame[i] * frame[i];
    }
    // Autocorrelation r(τ) = Σ_{j<N−τ} x_j·x_{j+τ}: the frame zero-padded to 2N so it does not wrap.
    fft.forward(frame, spectrum);
    for (let k = 0; k < 2 * size + 2; k += 2) {
      spectrum[k] = spectrum[k] * spectrum[k] + spectrum[k + 1] * spectrum[k + 1];
      spectrum[k + 1] = 0;
    }
    fft.inverse(spectrum, correlation);
    let running = 0;
    dn[0] = 1;
    for (let tau = 1; tau <= hi + 1; tau++) {
      const pairs = size - tau; // Σ (x_j − x_{j+τ})² = Σ_{j<N−τ} x_j² + Σ_{j≥τ} x_j² − 2r(τ)
      const d = Math.max(0, (squares[pairs] + squares[size] - squares[tau] - 2 * correlation[tau]) / pairs);
      diff[tau] = d;
      running += d;
      dn[tau] = running > 0 ? (d * tau) / running : 1;
    }
    const tau = pickLag(dn, lo, hi, threshold);
    voicing[m] = Math.max(0, Math.min(1, 1 - dn[tau]));
    if (dn[tau] < threshold) f0[m] = rate / refineLag(diff, tau, shortest, longest);
  }
  return { f0, voicing };
}
