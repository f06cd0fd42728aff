/**
 * Short-time Fourier transform with centred frames: frame m covers samples
 * m·hop − size/2 … m·hop + size/2 − 1, the signal being zero outside its range (torch.stft with
 * center=True and zero padding), so a signal of S samples has ⌊S / hop⌋ + 1 frames.
 */
import { realFft } from './fft';
import { hannWindow } from './window';

/** A spectrogram: `frames` rows of `bins` values, row-major. */
export interface Spectrogram {
  frames: number;
  bins: number;
  /** Magnitudes (frames × bins), or interleaved re/im pairs (frames × bins × 2) for a complex STFT. */
  data: Float32Array;
}

/** Options of `stft` and `magnitudeSpectrogram`. */
export interface StftOptions {
  /** FFT size, a power of two. */
  size: number;
  /** Samples between frame centres (default size / 4). */
  hop?: number;
  /** Analysis window of `size` points (default periodic Hann). */
  window?: Float64Array;
}

/**
 * Centred frames of a signal of `length` samples: ⌊length / hop⌋ + 1.
 * @example
 * frameCount(16000, 64); // 251
 */
export function frameCount(length: number, hop: number): number {
  return Math.floor(length / hop) + 1;
}

/**
 * Copies the `window.length` samples centred on sample `centre` into `out`, multiplied by `window`
 * (zero where the frame runs past either end of the signal).
 */
export function centredFrame(signal: ArrayLike<number>, centre: number, window: ArrayLike<number>, out: Float64Array): Float64Array {
  const size = window.length;
  const start = centre - Math.floor(size / 2);
  const from = Math.max(0, -start);
  const to = Math.min(size, signal.length - start);
  out.fill(0, 0, Math.min(from, size));
  for (let i = from; i < to; i++) out[i] = signal[start + i] * window[i];
  out.fill(0, Math.max(from, to), size);
  return out;
}

/** Options with the defaults filled in. */
interface Resolved {
  size: number;
  hop: number;
  window: Float64Array;
}

/** Checks options and fills in the defaults. */
function resolve(opts: StftOptions): Resolved {
  const { size } = opts;
  const hop = opts.hop ?? size / 4;
  const window = opts.window ?? hannWindow(size);
  if (!(Number.isInteger(hop) && hop >= 1)) throw new Error(`stft: hop must be a positive integer, got ${hop}`);
  if (window.length !== size) throw new Error(`stft: the window has ${window.length} points, the FFT size is ${size}`);
  return { size, hop, window };
}

/** Runs `visit(m, spectrum)` on the half spectrum of every centred frame m. */
function eachFrame(signal: ArrayLike<number>, frames: number, { size, hop, window }: Resolved, visit: (m: number, spectrum: Float64Array) => void): void {
  const fft = realFft(size);
  const frame = new Float64Array(size);
  const spectrum = new Float64Array(size + 2);
  for (let m = 0; m < frames; m++) visit(m, fft.forward(centredFrame(signal, m * hop, window, frame), spectrum));
}

/**
 * Complex STFT: frames × (size/2 + 1) bins, interleaved re/im.
 * @example
 * const { frames, bins, data } = stft(audio, { size: 1024, hop: 256 });
 */
export function stft(signal: ArrayLike<number>, opts: StftOptions): Spectrogram {
  const resolved = resolve(opts);
  const bins = resolved.size / 2 + 1;
  const frames = frameCount(signal.length, resolved.hop);
  const data = new Float32Array(frames * bins * 2);
  eachFrame(signal, frames, resolved, (m, spectrum) => data.set(spectrum.subarray(0, 2 * bins), m * bins * 2));
  return { frames, bins, data };
}

/**
 * Magnitude STFT |X| (unnormalised, as torch.stft): frames × (size/2 + 1) bins.
 * @example
 * const mag = magnitudeSpectrogram(audio, { size: 2048, hop: 512 });
 */
export function magnitudeSpectrogram(signal: ArrayLike<number>, opts: StftOptions): Spectrogram {
  const resolved = resolve(opts);
  const bins = resolved.size / 2 + 1;
  const frames = frameCount(signal.length, resolved.hop);
  const data = new Float32Array(frames * bins);
  eachFrame(signal, frames, resolved, (m, spectrum) => {
    const row = m * bins;
    for (let k = 0; k < bins; k++) {
      const re = spectrum[2 * k];
      const im = spectrum[2 * k + 1];
      data[row + k] = Math.sqrt(re * re + im * im);
    }
  });
  return { frames, bins, data };
}
