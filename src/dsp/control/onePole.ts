/** The one-pole coefficient that the control-signal tools share. */

/**
 * Feedback coefficient `a` of y[n] = x[n] + a·(y[n−1] − x[n]) for a time constant of `seconds`
 * (the time to cover 1 − 1/e ≈ 63 % of a step) at `sampleRate`; 0 (no smoothing) for a time of 0.
 * @example
 * onePoleCoefficient(0.01, 48000); // ≈ 0.99792
 */
export function onePoleCoefficient(seconds: number, sampleRate: number): number {
  if (!(sampleRate > 0)) throw new Error(`onePoleCoefficient: sample rate must be positive, got ${sampleRate}`);
  if (!(seconds >= 0)) throw new Error(`onePoleCoefficient: time must be 0 or more seconds, got ${seconds}`);
  return seconds === 0 ? 0 : Math.exp(-1 / (seconds * sampleRate));
}
