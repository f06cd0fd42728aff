/** Synthetic test signals and pitch readings for the DDSP node tests. */
import type { AudioClip } from '../../../src/engine/values';
import { extractFeatures } from '../../../src/dsp/features';

/**
 * A tone of f0 Hz with harmonics at amplitude `amplitude / h` (h = 1 … count), `seconds` long,
 * optionally preceded by `silence` seconds of silence.
 */
export function harmonicTone(f0: number, opts: { sampleRate: number; seconds: number; amplitude: number; count?: number; silence?: number }): AudioClip {
  const { sampleRate, seconds, amplitude } = opts;
  const count = opts.count ?? 1;
  const lead = Math.round((opts.silence ?? 0) * sampleRate);
  const out = new Float32Array(lead + Math.round(seconds * sampleRate));
  for (let n = 0; n + lead < out.length; n++) {
    let v = 0;
    for (let h = 1; h <= count && h * f0 < sampleRate / 2; h++) v += Math.sin((2 * Math.PI * h * f0 * n) / sampleRate) / h;
    out[lead + n] = amplitude * v;
  }
  return { sampleRate, channels: [out] };
}

/** Cents from `reference` Hz. */
export function cents(hz: number, reference: number): number {
  return 1200 * Math.log2(hz / reference);
}

/** The median of `values`. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median YIN f0 over the voiced frames of `clip` from `from` to `to` seconds, and the share of them that are voiced. */
export function pitchOf(clip: AudioClip, from: number, to: number): { hz: number; voiced: number } {
  const { f0, frameRate } = extractFeatures(clip);
  const frames = Array.from(f0.subarray(Math.round(from * frameRate), Math.round(to * frameRate)));
  const voiced = frames.filter((v) => v > 0);
  return { hz: voiced.length ? median(voiced) : 0, voiced: voiced.length / Math.max(1, frames.length) };
}
