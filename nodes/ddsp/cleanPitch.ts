/**
 * Pitch-track clean-up before a DDSP decoder: YIN is least sure where notes change, and there it
 * may lock onto a subharmonic for a few frames, which the harmonic synth plays as a click. Frames
 * below a voicing confidence are marked unvoiced, and each voiced frame is replaced by the median
 * (in log frequency) of the voiced frames around it, which removes jumps shorter than half the window.
 */

/**
 * A cleaned copy of `f0` (Hz, 0 = unvoiced): frames with `voicing` below `confidence` become 0,
 * then every voiced frame takes the median of the voiced frames within `width` frames centred on
 * it (width 1 = no median).
 * @example
 * cleanPitch(Float32Array.of(220, 220, 110, 220, 220), Float32Array.of(1, 1, 1, 1, 1), 0.9, 5); // all 220
 */
export function cleanPitch(f0: Float32Array, voicing: Float32Array, confidence: number, width: number): Float32Array {
  const n = f0.length;
  const gated = f0.map((v, m) => (voicing[m] >= confidence ? v : 0));
  if (width <= 1) return gated;
  const half = Math.floor(width / 2);
  const out = new Float32Array(n);
  const window: number[] = [];
  for (let m = 0; m < n; m++) {
    if (!(gated[m] > 0)) continue;
    window.length = 0;
    for (let j = Math.max(0, m - half); j <= Math.min(n - 1, m + half); j++) if (gated[j] > 0) window.push(Math.log(gated[j]));
    window.sort((a, b) => a - b);
    const mid = window.length >> 1;
    out[m] = Math.exp(window.length % 2 ? window[mid] : (window[mid - 1] + window[mid]) / 2);
  }
  return out;
}
