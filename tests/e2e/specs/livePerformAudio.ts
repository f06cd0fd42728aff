/**
 * Audio checks of the live performance journey (livePerform.ts), on the exported WAV: energy at a
 * frequency in a time window (a Hann-windowed single-bin DFT), RMS, and the "clean baseline" of a
 * window — the same place one or more loop lengths earlier, where the looping backing track plays
 * exactly the same music but the performer did not play, so what the performer added stands out.
 */
import { toneMagnitude } from '../../../src/dsp/measure';

/** A span of the recording in seconds from its first sample. */
export interface Span {
  from: number;
  to: number;
}

/** Magnitude of frequency `hz` in `x[from…to)` seconds (Hann window, amplitude of a sine at `hz` ≈ its value). */
export function toneAt(x: Float32Array, sampleRate: number, span: Span, hz: number): number {
  const a = Math.max(0, Math.round(span.from * sampleRate));
  const b = Math.min(x.length, Math.round(span.to * sampleRate));
  const n = b - a;
  if (n < 64) throw new Error(`toneAt: the window ${span.from.toFixed(3)}–${span.to.toFixed(3)} s holds ${n} samples`);
  return toneMagnitude(x, sampleRate, a, n, hz);
}

/** Sum of the magnitudes at `harmonics` × `f0` in the span (the brightness of one held note). */
export function harmonicsAt(x: Float32Array, sampleRate: number, span: Span, f0: number, harmonics: readonly number[]): number {
  return harmonics.reduce((sum, h) => sum + toneAt(x, sampleRate, span, h * f0), 0);
}

/** RMS of the span. */
export function rmsOf(x: Float32Array, sampleRate: number, span: Span): number {
  const a = Math.max(0, Math.round(span.from * sampleRate));
  const b = Math.min(x.length, Math.round(span.to * sampleRate));
  let sum = 0;
  for (let i = a; i < b; i++) sum += x[i] * x[i];
  return Math.sqrt(sum / Math.max(1, b - a));
}

/** Moves a span by `seconds`. */
export const shift = (s: Span, seconds: number): Span => ({ from: s.from + seconds, to: s.to + seconds });

/** What a baseline must avoid: spans where the performer played (release tails included), and a start before which the loop was not yet steady. */
export interface BaselineRules {
  /** Length of the backing loop in seconds. */
  loopSeconds: number;
  /** Baselines start at or after this time (the second loop iteration: the first one has no release tail from a previous one). */
  earliest: number;
  /** Baselines end before this time (a later change of the mix, e.g. a control connected). */
  before?: number;
  /** Spans the performer played in. */
  busy: readonly Span[];
}

/**
 * The same span `k` loops earlier for the smallest k ≥ 1 that is clean under `rules`, or null.
 * @example
 * const base = cleanBaseline({ from: 9, to: 9.5 }, { loopSeconds: 4, earliest: 4, busy: [] }); // { from: 5, to: 5.5 }
 */
export function cleanBaseline(span: Span, rules: BaselineRules): Span | null {
  for (let k = 1; k <= 16; k++) {
    const s = shift(span, -k * rules.loopSeconds);
    if (s.from < rules.earliest) return null;
    if (rules.before !== undefined && s.to > rules.before) continue;
    if (rules.busy.some((b) => s.from < b.to && b.from < s.to)) continue;
    return s;
  }
  return null;
}
