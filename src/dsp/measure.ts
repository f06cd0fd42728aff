/** Level measurements of AudioClips (peak, RMS, dBFS) and a mono downmix. */
import type { AudioClip } from '../engine/values';

/**
 * The largest absolute sample over all channels (1 = full scale).
 * @example
 * peak({ sampleRate: 8000, channels: [Float32Array.of(0.2, -0.5)] }); // 0.5
 */
export function peak(clip: AudioClip): number {
  let max = 0;
  for (const ch of clip.channels) for (let i = 0; i < ch.length; i++) max = Math.max(max, Math.abs(ch[i]));
  return max;
}

/**
 * Root-mean-square level over all samples of all channels (a full-scale sine gives 1/√2).
 * @example
 * rms({ sampleRate: 8000, channels: [Float32Array.of(0.5, -0.5)] }); // 0.5
 */
export function rms(clip: AudioClip): number {
  let sum = 0;
  let count = 0;
  for (const ch of clip.channels) {
    for (let i = 0; i < ch.length; i++) sum += ch[i] * ch[i];
    count += ch.length;
  }
  return count === 0 ? 0 : Math.sqrt(sum / count);
}

/**
 * A linear level in dB relative to full scale (−Infinity for silence).
 * @example
 * toDbfs(0.5); // ≈ −6.02
 */
export function toDbfs(level: number): number {
  return 20 * Math.log10(level);
}

/** Peak level in dBFS. */
export function peakDbfs(clip: AudioClip): number {
  return toDbfs(peak(clip));
}

/** RMS level in dBFS (a full-scale sine reads −3.01 dBFS; AES17 meters add 3.01 dB to read 0). */
export function rmsDbfs(clip: AudioClip): number {
  return toDbfs(rms(clip));
}

/**
 * Averages all channels into one (a clip that is already mono comes back as a copy).
 * @example
 * mixToMono(stereoClip).channels.length; // 1
 */
export function mixToMono(clip: AudioClip): AudioClip {
  const n = clip.channels.length;
  const frames = n === 0 ? 0 : Math.max(...clip.channels.map((ch) => ch.length));
  const mono = new Float32Array(frames);
  for (const ch of clip.channels) for (let i = 0; i < ch.length; i++) mono[i] += ch[i] / n;
  return { sampleRate: clip.sampleRate, channels: [mono] };
}

/**
 * Amplitude of frequency `hz` in x[start, start + length) under a Hann window: a sine of amplitude
 * A at `hz` reads ≈ A. A single-bin DFT, for checking and timing tones in recordings.
 * @example
 * toneMagnitude(samples, 48000, 0, 4800, 440); // ≈ 0.5 for a 0.5-amplitude 440 Hz sine
 */
export function toneMagnitude(x: Float32Array, sampleRate: number, start: number, length: number, hz: number): number {
  const step = (2 * Math.PI * hz) / sampleRate;
  let re = 0;
  let im = 0;
  let wsum = 0;
  for (let i = 0; i < length; i++) {
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (length - 1));
    const v = x[start + i] * w;
    re += v * Math.cos(step * i);
    im -= v * Math.sin(step * i);
    wsum += w;
  }
  return (2 * Math.hypot(re, im)) / wsum;
}
