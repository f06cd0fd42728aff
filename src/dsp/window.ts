/** Analysis windows. */

/**
 * A Hann window of length n. Periodic (the default, as `torch.hann_window` and `scipy.signal.get_window`)
 * is the first n points of an (n + 1)-point symmetric window: w[k] = 0.5 − 0.5·cos(2πk / n); it sums
 * exactly to n/2, which is what STFT overlap-add and spectral analysis want. Symmetric divides by n − 1.
 * @example
 * hannWindow(4); // [0, 0.5, 1, 0.5]
 */
export function hannWindow(n: number, periodic = true): Float64Array {
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`hannWindow: length must be a positive integer, got ${n}`);
  const w = new Float64Array(n);
  if (n === 1) {
    w[0] = 1;
    return w;
  }
  const denominator = periodic ? n : n - 1;
  for (let k = 0; k < n; k++) w[k] = 0.5 - 0.5 * Math.cos((2 * Math.PI * k) / denominator);
  return w;
}
