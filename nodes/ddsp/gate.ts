/**
 * The DDSP decoder's output gate, shared by the offline controls and the live instrument (kept
 * apart from controls.ts so the AudioWorklet bundle does not pull in the model service).
 */
import type { DecodedFrames } from './decoder';

/**
 * A downward expander on the decoder's output, like the "quiet" control of DDSP's timbre-transfer
 * demo: where the input loudness L is below `gate` dB, amplitude and noise are scaled by
 * 10^((L − gate) / 20), so silence in gives silence out even from a decoder that never heard
 * silence in training (a 40 dB gap below the gate is turned down by 40 dB).
 * @example
 * applyGate(decoded, features.loudness, -50);
 */
export function applyGate(decoded: DecodedFrames, loudness: Float32Array, gate: number): void {
  const bands = decoded.noiseBands;
  for (let m = 0; m < loudness.length; m++) {
    if (!(loudness[m] < gate)) continue;
    const gain = 10 ** ((loudness[m] - gate) / 20);
    decoded.amplitude[m] *= gain;
    for (let b = m * bands; b < (m + 1) * bands; b++) decoded.noise[b] *= gain;
  }
}
