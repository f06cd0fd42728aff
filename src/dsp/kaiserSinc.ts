/**
 * Kaiser-windowed sinc low-pass kernels for band-limited resampling (Kaiser's window design
 * formulas, as in Oppenheim & Schafer, "Discrete-Time Signal Processing", §7.6).
 */

/** Zeroth-order modified Bessel function of the first kind, by its power series. */
export function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; term > sum * 1e-17; k++) {
    term *= q / (k * k);
    sum += term;
  }
  return sum;
}

/** Kaiser's β for a stop-band attenuation in dB. */
export function kaiserBeta(attenuationDb: number): number {
  if (attenuationDb > 50) return 0.1102 * (attenuationDb - 8.7);
  if (attenuationDb >= 21) return 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  return 0;
}

/** Kaiser's estimate of the taps a low-pass needs for `attenuationDb` over a transition of `width` cycles/sample. */
export function kaiserLength(attenuationDb: number, width: number): number {
  return Math.ceil((attenuationDb - 7.95) / (2.285 * 2 * Math.PI * width)) + 1;
}

/** A low-pass kernel sampled at `phases + 1` fractional offsets, for polyphase filtering. */
export interface PhaseTable {
  /** Fractional offsets per input sample; row p is the kernel shifted by p / phases. */
  phases: number;
  /** Taps on each side of the centre; a row holds 2·halfWidth taps. */
  halfWidth: number;
  /** (phases + 1) rows of 2·halfWidth taps: row p, tap j (j = 0 is offset −halfWidth + 1). */
  taps: Float32Array;
}

/**
 * Tabulates h(t) = 2fc·sinc(2fc·t)·kaiser(t / halfWidth) at t = p/phases − j for j = −halfWidth+1 … halfWidth,
 * each row scaled to sum to 1 so DC passes unchanged.
 * @example
 * const table = kaiserSincTable(0.2, 40, 7.86, 64); // cutoff 0.2 cycles/sample
 */
export function kaiserSincTable(cutoff: number, halfWidth: number, beta: number, phases: number): PhaseTable {
  const width = 2 * halfWidth;
  const taps = new Float32Array((phases + 1) * width);
  const norm = besselI0(beta);
  const row = new Float64Array(width);
  for (let p = 0; p <= phases; p++) {
    const frac = p / phases;
    let sum = 0;
    for (let j = 0; j < width; j++) {
      const t = frac - (j - halfWidth + 1);
      const x = 2 * cutoff * t;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const r = t / halfWidth;
      const window = Math.abs(r) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / norm;
      row[j] = 2 * cutoff * sinc * window;
      sum += row[j];
    }
    for (let j = 0; j < width; j++) taps[p * width + j] = row[j] / sum;
  }
  return { phases, halfWidth, taps };
}
