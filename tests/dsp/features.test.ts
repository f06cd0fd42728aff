import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFeatures, fillUnvoiced } from '../../src/dsp/features';
import { readWav } from '../../src/dsp/wav';
import { sine } from './signal';

const middle = (x: Float32Array) => x[Math.floor(x.length / 2)];

describe('extractFeatures', () => {
  it('resamples to 16 kHz and reports f0, loudness and voicing at 250 frames per second', () => {
    // 1 s of a 1 kHz sine at amplitude 0.5 on the left and silence on the right, at 48 kHz:
    // the mono mix has amplitude 0.25, so loudness is −3.01 − 12.04 dB.
    const clip = { sampleRate: 48000, channels: [sine(1000, 48000, 48000, 0.5), new Float32Array(48000)] };
    const features = extractFeatures(clip);
    expect(features.frameRate).toBe(250);
    expect(features.f0).toHaveLength(251);
    expect(features.loudness).toHaveLength(251);
    expect(features.extra?.voicing).toHaveLength(251);
    expect(middle(features.f0)).toBeCloseTo(1000, 0);
    expect(middle(features.loudness)).toBeCloseTo(-15.05, 1);
    expect(middle(features.extra!.voicing)).toBeGreaterThan(0.95);
  });

  it('has ⌊S / 64⌋ + 1 frames for S samples at 16 kHz', () => {
    expect(extractFeatures({ sampleRate: 16000, channels: [new Float32Array(1000)] }).f0).toHaveLength(16);
    expect(extractFeatures({ sampleRate: 16000, channels: [new Float32Array(0)] }).f0).toHaveLength(1);
    expect(() => extractFeatures({ sampleRate: 16000, channels: [] })).toThrow(/no channels/);
  });

  it('reads the pitch and level of a recorded saxophone note', () => {
    const clip = readWav(readFileSync(new URL('../fixtures/audio/sax-g3_f.wav', import.meta.url)), 'sax-g3_f.wav');
    const { f0, loudness } = extractFeatures(clip);
    const voiced = Array.from(f0.subarray(8, -8)).filter((f) => f > 0).sort((a, b) => a - b);
    expect(Math.abs(1200 * Math.log2(voiced[voiced.length >> 1] / 392))).toBeLessThan(20); // G4
    for (const db of loudness.subarray(8, -8)) {
      expect(db).toBeGreaterThan(-40);
      expect(db).toBeLessThan(0);
    }
  });
});

describe('fillUnvoiced', () => {
  it('takes the nearest voiced frame, the earlier one on a tie', () => {
    expect(Array.from(fillUnvoiced(Float32Array.of(0, 220, 0, 0, 0, 330, 0)))).toEqual([220, 220, 220, 220, 330, 330, 330]);
    expect(Array.from(fillUnvoiced(Float32Array.of(0, 0, 110)))).toEqual([110, 110, 110]);
    expect(Array.from(fillUnvoiced(Float32Array.of(0, 0)))).toEqual([0, 0]);
    expect(fillUnvoiced(new Float32Array(0))).toHaveLength(0);
  });
});
