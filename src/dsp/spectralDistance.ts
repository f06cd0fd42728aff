/**
 * The multi-scale spectral distance of docs/ddsp.md (DDSP's training loss): for each FFT size,
 * magnitude spectrograms with hop size/4 and a periodic Hann window, compared linearly and in log.
 */
import { magnitudeSpectrogram } from './stft';

/** FFT sizes of the multi-scale spectral distance, largest first. */
export const MSS_FFT_SIZES: readonly number[] = [2048, 1024, 512, 256, 128, 64];
/** Added to magnitudes before the logarithm. */
export const MSS_LOG_EPSILON = 1e-7;

/**
 * Mean over FFT sizes of mean|S − Ŝ| + mean|ln(S + 1e-7) − ln(Ŝ + 1e-7)|; 0 for identical signals.
 * Both signals must have the same length.
 * @example
 * const loss = multiScaleSpectralDistance(target, rendered);
 */
export function multiScaleSpectralDistance(a: ArrayLike<number>, b: ArrayLike<number>, sizes: readonly number[] = MSS_FFT_SIZES): number {
  if (a.length !== b.length) throw new Error(`multiScaleSpectralDistance: the signals differ in length (${a.length} vs ${b.length} samples)`);
  if (sizes.length === 0) throw new Error('multiScaleSpectralDistance: no FFT sizes given');
  let total = 0;
  for (const size of sizes) {
    const s = magnitudeSpectrogram(a, { size, hop: size / 4 }).data;
    const t = magnitudeSpectrogram(b, { size, hop: size / 4 }).data;
    let linear = 0;
    let log = 0;
    for (let i = 0; i < s.length; i++) {
      linear += Math.abs(s[i] - t[i]);
      log += Math.abs(Math.log(s[i] + MSS_LOG_EPSILON) - Math.log(t[i] + MSS_LOG_EPSILON));
    }
    total += (linear + log) / s.length;
  }
  return total / sizes.length;
}
