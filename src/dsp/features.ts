/**
 * DDSP features of an audio clip (docs/ddsp.md, "Features"): mono, resampled to 16 kHz, then YIN
 * f0 with voicing and A-weighted loudness at 250 frames per second.
 */
import type { AudioClip, Features } from '../engine/values';
import { DDSP_FRAME_RATE, DDSP_SAMPLE_RATE } from './ddspContract';
import { loudness } from './loudness';
import { mixToMono } from './measure';
import { resample } from './resample';
import { yin } from './yin';

/**
 * f0 (Hz, 0 where unvoiced), loudness (dB) and `extra.voicing` of a clip, one frame per 64 samples
 * at 16 kHz (⌊S / 64⌋ + 1 frames for S samples after resampling).
 * @example
 * const { f0, loudness, extra } = extractFeatures(await loadClip('take.wav'));
 */
export function extractFeatures(clip: AudioClip): Features {
  if (clip.channels.length === 0) throw new Error('extractFeatures: the clip has no channels');
  const mono = resample(mixToMono(clip), DDSP_SAMPLE_RATE).channels[0];
  const { f0, voicing } = yin(mono);
  return { frameRate: DDSP_FRAME_RATE, f0, loudness: loudness(mono), extra: { voicing } };
}

/**
 * Fills unvoiced frames (f0 ≤ 0) with the f0 of the nearest voiced frame (the earlier one on a
 * tie), so the harmonic synth never jumps to 0 Hz; a curve with no voiced frame stays all zeros.
 * @example
 * fillUnvoiced(Float32Array.of(0, 220, 0, 0, 0, 330)); // [220, 220, 220, 220, 330, 330]
 */
export function fillUnvoiced(f0: Float32Array): Float32Array {
  const n = f0.length;
  const previous = new Int32Array(n); // index of the last voiced frame at or before m, or −1
  for (let m = 0, last = -1; m < n; m++) {
    if (f0[m] > 0) last = m;
    previous[m] = last;
  }
  const out = new Float32Array(n);
  for (let m = n - 1, next = -1; m >= 0; m--) {
    if (f0[m] > 0) next = m;
    const before = previous[m];
    const useNext = next >= 0 && (before < 0 || next - m < m - before);
    out[m] = useNext ? f0[next] : before >= 0 ? f0[before] : 0;
  }
  return out;
}
