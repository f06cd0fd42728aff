import { describe, expect, it } from 'vitest';
import { mixToMono, peak, peakDbfs, rms, rmsDbfs, toDbfs, toneMagnitude } from '../../src/dsp/measure';
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

describe('toneMagnitude', () => {
  it('reads a sine\'s amplitude at its frequency, anywhere in the signal, and little a few bins away', () => {
    const x = new Float32Array(48000);
    const a = sine(440, 48000, 48000, 0.5);
    const b = sine(1000, 48000, 48000, 0.2);
    for (let i = 0; i < x.length; i++) x[i] = a[i] + b[i];
    expect(toneMagnitude(x, 48000, 0, 4800, 440)).toBeCloseTo(0.5, 2);
    expect(toneMagnitude(x, 48000, 12345, 4800, 1000)).toBeCloseTo(0.2, 2);
    expect(toneMagnitude(x, 48000, 0, 4800, 700)).toBeLessThan(0.005);
  });
});
