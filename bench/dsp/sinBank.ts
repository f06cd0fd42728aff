/**
 * The baseline the harmonic synthesizer's recurrence is measured against: the same synthesis with
 * one Math.sin per harmonic per sample (linear control interpolation at an integer hop, float64 phase).
 */
import { harmonicAmplitudes, type HarmonicControls } from '../../src/dsp/harmonicSynth';

/** Renders `controls` at `rate` (a multiple of 250 Hz) with Math.sin(h·φ) for every harmonic. */
export function sinBankSynth(controls: HarmonicControls, rate: number): Float32Array {
  const frames = controls.f0.length;
  const amps = harmonicAmplitudes(controls);
  const count = amps.length / frames;
  const hop = rate / 250;
  const out = new Float32Array(frames * hop);
  let phase = 0;
  for (let n = 0; n < out.length; n++) {
    const a = Math.floor(n / hop);
    const b = Math.min(a + 1, frames - 1);
    const frac = (n - a * hop) / hop;
    const f = controls.f0[a] + (controls.f0[b] - controls.f0[a]) * frac;
    const audible = Math.min(count, Math.ceil(8000 / f) - 1);
    let sum = 0;
    for (let h = 0; h < audible; h++) sum += (amps[a * count + h] + frac * (amps[b * count + h] - amps[a * count + h])) * Math.sin((h + 1) * phase);
    out[n] = sum;
    phase = (phase + (2 * Math.PI * f) / rate) % (2 * Math.PI);
  }
  return out;
}
