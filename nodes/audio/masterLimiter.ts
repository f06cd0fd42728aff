/**
 * The master guard every rendered or output clip goes through: a NaN/Infinity guard and a
 * look-ahead brick-wall peak limiter, linked across channels, so no sample exceeds the ceiling.
 * Pure and deterministic, so the page, a Worker and the CLI produce identical output.
 */
import type { AudioClip } from '../../src/engine/values';

/** Limiter settings. */
export interface LimiterOptions {
  /** Ceiling in dBFS (≤ 0); default −1 dBFS. */
  ceilingDb?: number;
  /** Look-ahead in seconds: gain starts falling this long before a peak; default 5 ms. */
  lookaheadSeconds?: number;
  /** Release time constant in seconds; default 100 ms. */
  releaseSeconds?: number;
}

/** Replaces NaN and ±Infinity samples by 0 in place and returns how many were replaced. */
export function scrubNonFinite(channels: Float32Array[]): number {
  let replaced = 0;
  for (const ch of channels) {
    for (let i = 0; i < ch.length; i++) {
      if (!Number.isFinite(ch[i])) { ch[i] = 0; replaced++; }
    }
  }
  return replaced;
}

/** The largest absolute sample over all channels. */
export function peakOf(channels: readonly Float32Array[]): number {
  let peak = 0;
  for (const ch of channels) for (let i = 0; i < ch.length; i++) peak = Math.max(peak, Math.abs(ch[i]));
  return peak;
}

/** min(need[i..i+window]) for every i, with a monotonic deque (O(n)). */
function forwardWindowMin(need: Float32Array, window: number): Float32Array {
  const out = new Float32Array(need.length);
  const deque = new Int32Array(need.length);
  let head = 0;
  let tail = 0;
  for (let i = need.length - 1; i >= 0; i--) {
    while (tail > head && need[deque[tail - 1]] >= need[i]) tail--;
    deque[tail++] = i;
    while (deque[head] > i + window) head++;
    out[i] = need[deque[head]];
  }
  return out;
}

/**
 * Limits `channels` in place. The gain curve is the look-ahead minimum of the needed gain, given an
 * exponential release and then a moving average as long as the look-ahead — the average of values
 * that each already satisfy a peak inside their window, so the ceiling holds exactly.
 */
export function limitChannelsInPlace(channels: Float32Array[], sampleRate: number, options: LimiterOptions = {}): void {
  scrubNonFinite(channels);
  const ceiling = 10 ** (Math.min(0, options.ceilingDb ?? -1) / 20);
  if (channels.length === 0 || peakOf(channels) <= ceiling) return;
  const n = channels[0].length;
  const window = Math.max(1, Math.round((options.lookaheadSeconds ?? 0.005) * sampleRate));
  const release = 1 - Math.exp(-1 / (Math.max(1e-4, options.releaseSeconds ?? 0.1) * sampleRate));
  const need = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let peak = 0;
    for (const ch of channels) peak = Math.max(peak, Math.abs(ch[i]));
    need[i] = peak > ceiling ? ceiling / peak : 1;
  }
  const held = forwardWindowMin(need, window);
  let level = held[0];
  for (let i = 0; i < n; i++) {
    level = Math.min(held[i], level + (1 - level) * release);
    held[i] = level;
  }
  let sum = held[0] * window;
  for (let i = 0; i < n; i++) {
    sum += held[i] - (i >= window ? held[i - window] : held[0]);
    const gain = sum / window;
    for (const ch of channels) ch[i] = Math.max(-ceiling, Math.min(ceiling, ch[i] * gain));
  }
}

/**
 * A limited copy of `clip`: finite samples, peak at most the ceiling (−1 dBFS by default).
 * @example
 * const safe = limitClip(loudClip); // peakOf(safe.channels) <= 0.892
 */
export function limitClip(clip: AudioClip, options: LimiterOptions = {}): AudioClip {
  const channels = clip.channels.map((ch) => ch.slice());
  limitChannelsInPlace(channels, clip.sampleRate, options);
  return { sampleRate: clip.sampleRate, channels };
}
