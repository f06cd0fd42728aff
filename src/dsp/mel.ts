/**
 * Mel filterbanks on the HTK mel scale (m = 2595·log10(1 + f/700)), triangles of peak 1 between
 * neighbouring mel-spaced centres, as torchaudio's `melscale_fbanks` with its defaults.
 */
import type { Spectrogram } from './stft';

/** Hz → mel (HTK). */
export function hzToMel(hz: number): number {
  return 2595 * Math.log10(1 + hz / 700);
}

/** Mel (HTK) → Hz. */
export function melToHz(mel: number): number {
  return 700 * (10 ** (mel / 2595) - 1);
}

/** Options of `melFilterbank`. */
export interface MelOptions {
  sampleRate: number;
  /** FFT size of the spectrogram the bank applies to. */
  fftSize: number;
  /** Number of mel bands. */
  bands: number;
  /** Lowest edge in Hz (default 0). */
  fMin?: number;
  /** Highest edge in Hz (default sampleRate / 2). */
  fMax?: number;
}

/** A filterbank: `bands` rows of `bins` weights (row-major). */
export interface MelFilterbank {
  bands: number;
  bins: number;
  weights: Float32Array;
}

/**
 * Triangular filters over the rFFT bins: band j rises from centre j−1 to centre j and falls to j+1,
 * the bands + 2 edges equally spaced in mel between fMin and fMax.
 * @example
 * const bank = melFilterbank({ sampleRate: 16000, fftSize: 1024, bands: 80 });
 */
export function melFilterbank(opts: MelOptions): MelFilterbank {
  const { sampleRate, fftSize, bands } = opts;
  const fMin = opts.fMin ?? 0;
  const fMax = opts.fMax ?? sampleRate / 2;
  if (!(bands >= 1 && Number.isInteger(bands))) throw new Error(`melFilterbank: bands must be a positive integer, got ${bands}`);
  if (!(fMin >= 0 && fMax > fMin)) throw new Error(`melFilterbank: need 0 ≤ fMin < fMax, got ${fMin}–${fMax} Hz`);
  const bins = Math.floor(fftSize / 2) + 1;
  const lowMel = hzToMel(fMin);
  const step = (hzToMel(fMax) - lowMel) / (bands + 1);
  const edges = Array.from({ length: bands + 2 }, (_, i) => melToHz(lowMel + i * step));
  const weights = new Float32Array(bands * bins);
  for (let j = 0; j < bands; j++) {
    const [left, centre, right] = [edges[j], edges[j + 1], edges[j + 2]];
    for (let k = 0; k < bins; k++) {
      const f = (k * sampleRate) / fftSize;
      const w = Math.min((f - left) / (centre - left), (right - f) / (right - centre));
      if (w > 0) weights[j * bins + k] = w;
    }
  }
  return { bands, bins, weights };
}

/**
 * Applies a filterbank to a magnitude or power spectrogram: frames × bands.
 * @example
 * const mel = applyFilterbank(magnitudeSpectrogram(audio, { size: 1024, hop: 256 }), bank);
 */
export function applyFilterbank(spectrogram: Spectrogram, bank: MelFilterbank): Spectrogram {
  const { frames, bins, data } = spectrogram;
  if (bins !== bank.bins) throw new Error(`applyFilterbank: the spectrogram has ${bins} bins, the filterbank ${bank.bins}`);
  const out = new Float32Array(frames * bank.bands);
  for (let m = 0; m < frames; m++) {
    for (let j = 0; j < bank.bands; j++) {
      let sum = 0;
      for (let k = 0; k < bins; k++) sum += bank.weights[j * bins + k] * data[m * bins + k];
      out[m * bank.bands + j] = sum;
    }
  }
  return { frames, bins: bank.bands, data: out };
}
