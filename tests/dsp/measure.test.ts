import { describe, expect, it } from 'vitest';
import { mixToMono, peak, peakDbfs, rms, rmsDbfs, toDbfs } from '../../src/dsp/measure';
import { sine } from './signal';

describe('level measurements', () => {
  it('measures peak and RMS of a sine over whole cycles', () => {
    const clip = { sampleRate: 8000, channels: [sine(100, 8000, 800, 0.5)] };
    expect(peak(clip)).toBeCloseTo(0.5, 6);
    expect(rms(clip)).toBeCloseTo(0.5 / Math.SQRT2, 6);
    expect(peakDbfs(clip)).toBeCloseTo(-6.0206, 3);
    expect(rmsDbfs(clip)).toBeCloseTo(-9.0309, 3);
  });

  it('looks across channels and handles silence', () => {
    const clip = { sampleRate: 8000, channels: [Float32Array.of(0.1, -0.2), Float32Array.of(0.9, 0)] };
    expect(peak(clip)).toBeCloseTo(0.9, 7);
    expect(rms(clip)).toBeCloseTo(Math.sqrt((0.01 + 0.04 + 0.81) / 4), 7);
    const silent = { sampleRate: 8000, channels: [new Float32Array(4)] };
    expect(peakDbfs(silent)).toBe(-Infinity);
    expect(rms({ sampleRate: 8000, channels: [] })).toBe(0);
    expect(toDbfs(1)).toBe(0);
  });

  it('mixes channels to mono by averaging', () => {
    const mono = mixToMono({ sampleRate: 22050, channels: [Float32Array.of(1, 0.5, -1), Float32Array.of(0, 0.5, 1)] });
    expect(mono.sampleRate).toBe(22050);
    expect(mono.channels).toHaveLength(1);
    expect(Array.from(mono.channels[0])).toEqual([0.5, 0.5, 0]);
    const single = Float32Array.of(0.3);
    expect(mixToMono({ sampleRate: 1, channels: [single] }).channels[0]).not.toBe(single);
  });
});
