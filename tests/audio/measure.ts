/** Measurements on rendered audio for the audio tests: level, spectrum peak, onsets. */
import { toneMagnitude } from '../../src/dsp/measure';

/** RMS of `x` between `from` and `to` seconds. */
export function rmsBetween(x: Float32Array, rate: number, from: number, to: number): number {
  const a = Math.max(0, Math.floor(from * rate));
  const b = Math.min(x.length, Math.floor(to * rate));
  let e = 0;
  for (let i = a; i < b; i++) e += x[i] * x[i];
  return b > a ? Math.sqrt(e / (b - a)) : 0;
}

/** Largest absolute sample (NaN if any sample is NaN). */
export function peakAbs(x: Float32Array): number {
  let peak = 0;
  for (const v of x) {
    if (Number.isNaN(v)) return NaN;
    peak = Math.max(peak, Math.abs(v));
  }
  return peak;
}


/**
 * The frequency of the strongest spectral peak between `lo` and `hi` Hz over `seconds` from `start`:
 * a 2 Hz scan, then a 0.05 Hz refinement around the best bin.
 */
export function spectralPeak(x: Float32Array, rate: number, start: number, seconds: number, lo: number, hi: number): number {
  const from = Math.floor(start * rate);
  const length = Math.min(x.length - from, Math.floor(seconds * rate));
  let best = lo;
  let bestMag = -1;
  const scan = (a: number, b: number, step: number) => {
    for (let f = a; f <= b; f += step) {
      const m = toneMagnitude(x, rate, from, length, f);
      if (m > bestMag) { bestMag = m; best = f; }
    }
  };
  scan(lo, hi, 2);
  const coarse = best;
  scan(coarse - 2, coarse + 2, 0.05);
  return best;
}

/**
 * Onset times in seconds: 5 ms frames whose energy jumps more than 10× above the frame 10 ms
 * earlier and exceeds 1e-3 of the loudest frame; onsets closer than 50 ms are merged.
 */
export function onsetTimes(x: Float32Array, rate: number): number[] {
  const hop = Math.round(0.005 * rate);
  const energy: number[] = [];
  for (let i = 0; i + hop <= x.length; i += hop) {
    let e = 0;
    for (let j = i; j < i + hop; j++) e += x[j] * x[j];
    energy.push(e / hop);
  }
  const floor = Math.max(...energy) * 1e-3;
  const onsets: number[] = [];
  for (let k = 0; k < energy.length; k++) {
    const before = k >= 2 ? energy[k - 2] : 0;
    if (energy[k] > floor && energy[k] > 10 * before) {
      const t = (k * hop) / rate;
      if (onsets.length === 0 || t - onsets[onsets.length - 1] > 0.05) onsets.push(t);
    }
  }
  return onsets;
}

/**
 * Fundamental frequency by YIN (de Cheveigné & Kawahara 2002) over a 2048-sample window at `start`:
 * the first lag whose cumulative-mean-normalized difference dips below 0.15, refined parabolically.
 * Unlike the strongest spectral peak it is not fooled by a loud second harmonic.
 */
export function yinPitch(x: Float32Array, rate: number, start: number, fmin = 60, fmax = 2000): number {
  const from = Math.floor(start * rate);
  const window = 2048;
  const maxLag = Math.ceil(rate / fmin);
  const d = new Float64Array(maxLag + 2);
  for (let lag = 1; lag <= maxLag + 1; lag++) {
    let sum = 0;
    for (let i = 0; i < window; i++) {
      const diff = x[from + i] - x[from + i + lag];
      sum += diff * diff;
    }
    d[lag] = sum;
  }
  const cmnd = new Float64Array(maxLag + 2);
  let running = 0;
  for (let lag = 1; lag <= maxLag + 1; lag++) {
    running += d[lag];
    cmnd[lag] = running > 0 ? (d[lag] * lag) / running : 1;
  }
  for (let lag = Math.max(2, Math.floor(rate / fmax)); lag <= maxLag; lag++) {
    if (cmnd[lag] < 0.15) {
      while (lag + 1 <= maxLag && cmnd[lag + 1] < cmnd[lag]) lag++;
      const [a, b, c] = [cmnd[lag - 1], cmnd[lag], cmnd[lag + 1]];
      const shift = a + c - 2 * b !== 0 ? (0.5 * (a - c)) / (a + c - 2 * b) : 0;
      return rate / (lag + shift);
    }
  }
  return NaN;
}
