/** A magnitude spectrogram (STFT with a Hann window, via fft.js) for the spectrogram viewer. */
import FFT from 'fft.js';

/** Frames × bins of magnitudes in dB, with the hop it was taken at. */
export interface Spectrogram {
  frames: number;
  bins: number;
  db: Float32Array;
  hop: number;
}

const cache = new WeakMap<Float32Array, Map<string, Spectrogram>>();

/**
 * Computes at most `maxFrames` frames of a `size`-point STFT of `signal` (memoized per signal).
 * @example
 * const s = stft(clip.channels[0], 1024, 400); s.db[frame * s.bins + bin];
 */
export function stft(signal: Float32Array, size = 1024, maxFrames = 512): Spectrogram {
  const key = `${size}:${maxFrames}`;
  const hit = cache.get(signal)?.get(key);
  if (hit) return hit;
  const bins = size / 2;
  const hop = Math.max(size / 4, Math.ceil((signal.length - size) / maxFrames));
  const frames = Math.max(1, Math.floor((signal.length - size) / hop) + 1);
  const fft = new FFT(size);
  const input = new Array<number>(size).fill(0);
  const out = fft.createComplexArray() as number[];
  const window = Float32Array.from({ length: size }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (size - 1)));
  const db = new Float32Array(frames * bins);
  for (let f = 0; f < frames; f++) {
    const off = f * hop;
    for (let i = 0; i < size; i++) input[i] = (signal[off + i] ?? 0) * window[i];
    fft.realTransform(out, input);
    for (let b = 0; b < bins; b++) {
      const re = out[2 * b]; const im = out[2 * b + 1];
      db[f * bins + b] = 10 * Math.log10(re * re + im * im + 1e-12);
    }
  }
  const result = { frames, bins, db, hop };
  let perSignal = cache.get(signal);
  if (!perSignal) cache.set(signal, (perSignal = new Map()));
  perSignal.set(key, result);
  return result;
}
