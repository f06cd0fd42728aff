import { describe, expect, it } from 'vitest';
import { EnvelopeFollower, onePoleCoefficient, SampleHold, Smoother } from '../../../src/dsp/control';
import { sine } from '../signal';

describe('onePoleCoefficient', () => {
  it('is exp(−1/(τ·fs)) and 0 for no smoothing', () => {
    expect(onePoleCoefficient(0.01, 48000)).toBeCloseTo(Math.exp(-1 / 480), 15);
    expect(onePoleCoefficient(0, 48000)).toBe(0);
    expect(() => onePoleCoefficient(-1, 48000)).toThrow(/time/);
  });
});

describe('EnvelopeFollower', () => {
  it('rises as 1 − aⁿ on a step and falls as aⁿ with the release', () => {
    const rate = 1000;
    const f = new EnvelopeFollower({ sampleRate: rate, attackMs: 20, releaseMs: 50 });
    const up = f.process(new Float32Array(100).fill(-1)); // rectified: a step of 1
    const a = Math.exp(-1 / (0.02 * rate));
    for (let n = 0; n < 100; n++) expect(up[n]).toBeCloseTo(1 - a ** (n + 1), 6);
    const start = up[99];
    const down = f.process(new Float32Array(100));
    const r = Math.exp(-1 / (0.05 * rate));
    for (let n = 0; n < 100; n++) expect(down[n]).toBeCloseTo(start * r ** (n + 1), 6);
  });

  it('settles on A/√2 for a sine in rms mode and near 2A/π on average in peak mode', () => {
    const rate = 48000;
    const x = sine(1000, rate, rate, 0.8);
    const rms = new EnvelopeFollower({ sampleRate: rate, attackMs: 50, releaseMs: 50, mode: 'rms' }).process(x);
    expect(rms[rate - 1]).toBeCloseTo(0.8 / Math.SQRT2, 2);
    const peak = new EnvelopeFollower({ sampleRate: rate, attackMs: 50, releaseMs: 50 }).process(x);
    const tail = peak.subarray(rate / 2);
    const mean = tail.reduce((s, v) => s + v, 0) / tail.length;
    expect(mean).toBeCloseTo((2 * 0.8) / Math.PI, 2);
  });
});

describe('SampleHold', () => {
  it('holds the input from each rising edge of the trigger', () => {
    const input = Float32Array.from({ length: 12 }, (_, i) => i / 10);
    const trigger = Float32Array.from([0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0, 1]);
    const out = new SampleHold({ initial: -5 }).process(input, trigger);
    expect([...out].map((v) => Math.round(v * 10) / 10)).toEqual([-5, 0.1, 0.1, 0.1, 0.1, 0.5, 0.5, 0.7, 0.7, 0.7, 0.7, 1.1]);
  });

  it('holds seeded random values in [−1, 1) when it has no input', () => {
    const trigger = Float32Array.from({ length: 64 }, (_, i) => (i % 8 === 0 ? 1 : 0));
    const a = new SampleHold({ seed: 'x' }).process(null, trigger);
    const b = new SampleHold({ seed: 'x' }).process(null, trigger);
    expect([...a]).toEqual([...b]);
    const distinct = new Set(a);
    expect(distinct.size).toBe(8);
    for (let i = 0; i < 64; i++) expect(a[i]).toBe(a[i - (i % 8)]);
    expect([...a].every((v) => v >= -1 && v < 1)).toBe(true);
    expect(() => new SampleHold().process(new Float32Array(3), trigger)).toThrow(/3 samples/);
  });
});

describe('Smoother', () => {
  it('follows T + (y0 − T)·aⁿ after a new target', () => {
    const rate = 48000;
    const s = new Smoother({ sampleRate: rate, timeMs: 10, initial: 0.2 });
    s.setTarget(1);
    const out = s.fill(new Float32Array(2000));
    const a = Math.exp(-1 / (0.01 * rate));
    for (let n = 0; n < 2000; n += 97) expect(out[n]).toBeCloseTo(1 + (0.2 - 1) * a ** (n + 1), 6);
    // After one time constant it has covered 1 − 1/e of the way.
    expect(out[479]).toBeCloseTo(1 - 0.8 / Math.E, 5);
    s.reset(3);
    expect(s.next()).toBe(3);
    expect(new Smoother({ sampleRate: rate, timeMs: 0, initial: 0 }).fill(new Float32Array(1))[0]).toBe(0);
    expect(() => s.setTarget(NaN)).toThrow(/finite/);
  });
});
