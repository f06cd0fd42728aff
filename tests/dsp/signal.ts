/** Test signals and a single-bin DFT, so tests measure frequency and level instead of trusting code. */

/** `frames` samples of amplitude·sin(2π·freq·t) at `rate`. */
export function sine(freq: number, rate: number, frames: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: frames }, (_, i) => amplitude * Math.sin((2 * Math.PI * freq * i) / rate));
}

/**
 * Amplitude of the `freq` component over `length` samples from `from` (a DFT at that one frequency);
 * exact for a sine with a whole number of cycles in the window.
 */
export function toneAmplitude(x: Float32Array, freq: number, rate: number, from = 0, length = x.length - from): number {
  let re = 0;
  let im = 0;
  for (let i = from; i < from + length; i++) {
    const phase = (2 * Math.PI * freq * i) / rate;
    re += x[i] * Math.cos(phase);
    im -= x[i] * Math.sin(phase);
  }
  return (2 * Math.hypot(re, im)) / length;
}

/** The frequency (a multiple of rate/length) with the largest DFT amplitude, below Nyquist. */
export function dominantFrequency(x: Float32Array, rate: number): number {
  let best = 0;
  let bestAmp = -1;
  for (let k = 1; k < x.length / 2; k++) {
    const f = (k * rate) / x.length;
    const a = toneAmplitude(x, f, rate);
    if (a > bestAmp) { bestAmp = a; best = f; }
  }
  return best;
}
