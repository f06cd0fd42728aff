/** Pure operations on AudioClips used by the audio nodes: gain, channel matching, mixing. */
import type { AudioClip } from '../../src/engine/values';

/** Linear gain of a level in dB. */
export function dbToGain(db: number): number {
  return 10 ** (db / 20);
}

/** Length of a clip in samples (0 for no channels). */
export function clipLength(clip: AudioClip): number {
  return clip.channels[0]?.length ?? 0;
}

/**
 * A copy of `clip` scaled by `db` decibels.
 * @example
 * applyGainDb(clip, -6); // about half the amplitude
 */
export function applyGainDb(clip: AudioClip, db: number): AudioClip {
  const g = dbToGain(db);
  return { sampleRate: clip.sampleRate, channels: clip.channels.map((ch) => ch.map((v) => v * g)) };
}

/** The clip's channel `c` as heard on an output of `count` channels (mono is copied to every channel). */
function channelFor(clip: AudioClip, c: number): Float32Array {
  return clip.channels.length === 1 ? clip.channels[0] : clip.channels[Math.min(c, clip.channels.length - 1)];
}

/**
 * Sums clips sample by sample into one as long as the longest, with as many channels as the widest
 * (mono clips feed every channel). All clips must share one sample rate.
 * @example
 * mixClips([drums, piano]); // stereo, length of the longer
 */
export function mixClips(clips: readonly AudioClip[], gains: readonly number[] = []): AudioClip {
  if (clips.length === 0) throw new Error('mixClips: nothing to mix (no clips)');
  const sampleRate = clips[0].sampleRate;
  clips.forEach((clip, i) => {
    if (clip.sampleRate !== sampleRate) {
      throw new Error(`mixClips: clip ${i} is at ${clip.sampleRate} Hz but clip 0 is at ${sampleRate} Hz; resample first`);
    }
  });
  const channelCount = Math.max(...clips.map((c) => c.channels.length));
  const length = Math.max(...clips.map(clipLength));
  const channels = Array.from({ length: channelCount }, () => new Float32Array(length));
  clips.forEach((clip, i) => {
    const g = gains[i] ?? 1;
    for (let c = 0; c < channelCount; c++) {
      const src = channelFor(clip, c);
      const dst = channels[c];
      for (let s = 0; s < src.length; s++) dst[s] += src[s] * g;
    }
  });
  return { sampleRate, channels };
}
