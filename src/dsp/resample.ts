/**
 * Band-limited sample-rate conversion: a polyphase Kaiser-windowed sinc low-pass (Smith's
 * bandlimited interpolation, https://ccrma.stanford.edu/~jos/resample/).
 *
 * Hand-written because no well-kept pure-JS library does this on Float32Arrays in both Node and the
 * browser: `wave-resampler` (npm, one release, 2019) filters with a 16th-order IIR or a 71-tap FIR by
 * default, too short for −60 dB aliasing near Nyquist; `@alexanderolsen/libsamplerate-js` is
 * libsamplerate compiled to WASM, which needs an asynchronous start-up and a .wasm asset, while
 * src/dsp is synchronous pure code.
 */
import type { AudioClip } from '../engine/values';
import { kaiserBeta, kaiserLength, kaiserSincTable, type PhaseTable } from './kaiserSinc';

/** Stop-band attenuation of the anti-alias filter: aliases end up at least this far down. */
export const RESAMPLE_ATTENUATION_DB = 90;
/** The pass band ends, and the transition band starts, at this fraction of the lower Nyquist frequency. */
export const RESAMPLE_PASSBAND = 0.9;
/** Above this many phases, kernels for in-between offsets are interpolated from a finer table. */
const MAX_EXACT_PHASES = 1024;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The anti-alias kernel for a conversion by `up / down` (reduced), tabulated per phase. */
function kernelFor(up: number, down: number): PhaseTable {
  const scale = Math.min(1, up / down); // the lower Nyquist, relative to the input's
  const cutoff = 0.5 * scale * (1 + RESAMPLE_PASSBAND) / 2;
  const width = 0.5 * scale * (1 - RESAMPLE_PASSBAND);
  const halfWidth = Math.ceil(kaiserLength(RESAMPLE_ATTENUATION_DB, width) / 2);
  return kaiserSincTable(cutoff, halfWidth, kaiserBeta(RESAMPLE_ATTENUATION_DB), Math.min(up, MAX_EXACT_PHASES));
}

/** Resamples one channel: output n reads the input around position n·down/up. */
function resampleChannel(input: Float32Array, up: number, down: number, table: PhaseTable): Float32Array {
  const { phases, halfWidth, taps } = table;
  const width = 2 * halfWidth;
  const frames = input.length;
  const outFrames = Math.ceil((frames * up) / down);
  const out = new Float32Array(outFrames);
  for (let n = 0; n < outFrames; n++) {
    const position = n * down;
    const base = Math.floor(position / up);
    const phase = ((position - base * up) * phases) / up; // exact when phases === up
    const p0 = Math.floor(phase);
    const blend = phase - p0;
    const row0 = p0 * width;
    const row1 = Math.min(p0 + 1, phases) * width;
    const jFrom = Math.max(0, halfWidth - 1 - base);
    const jTo = Math.min(width, frames - base + halfWidth - 1);
    let acc = 0;
    for (let j = jFrom; j < jTo; j++) {
      const h = blend === 0 ? taps[row0 + j] : taps[row0 + j] + blend * (taps[row1 + j] - taps[row0 + j]);
      acc += h * input[base + j - halfWidth + 1];
    }
    out[n] = acc;
  }
  return out;
}

/**
 * Converts a clip to `targetRate` with a band-limited (anti-aliased) windowed-sinc filter; the
 * output keeps the timing of the input (no delay) and has ⌈frames · target / source⌉ frames.
 * @example
 * const clip16k = resample(clip48k, 16000);
 */
export function resample(clip: AudioClip, targetRate: number): AudioClip {
  const from = Math.round(clip.sampleRate);
  const to = Math.round(targetRate);
  if (!(from > 0)) throw new Error(`resample: source sample rate must be positive, got ${clip.sampleRate}`);
  if (!(to > 0)) throw new Error(`resample: target sample rate must be positive, got ${targetRate}`);
  if (from === to) return { sampleRate: to, channels: clip.channels.map((ch) => ch.slice()) };
  const g = gcd(from, to);
  const up = to / g;
  const down = from / g;
  const table = kernelFor(up, down);
  return { sampleRate: to, channels: clip.channels.map((ch) => resampleChannel(ch, up, down, table)) };
}
