import { describe, expect, it } from 'vitest';
import { limitChannelsInPlace, limitClip, peakOf, scrubNonFinite } from '../../../nodes/audio/masterLimiter';

const RATE = 8000;
const sine = (amp: number, n = RATE) => Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * 220 * i) / RATE));

describe('master limiter', () => {
  it('leaves a clip under the ceiling untouched', () => {
    const x = sine(0.5);
    const out = limitClip({ sampleRate: RATE, channels: [x] });
    expect(out.channels[0]).toEqual(x);
    expect(out.channels[0]).not.toBe(x);
  });

  it('keeps every peak at or below the ceiling, linked across channels', () => {
    const left = sine(3);
    const right = sine(0.5);
    const clip = limitClip({ sampleRate: RATE, channels: [left, right] }, { ceilingDb: -1 });
    expect(peakOf(clip.channels)).toBeLessThanOrEqual(10 ** (-1 / 20) + 1e-7);
    // the same gain on both channels keeps the stereo balance: right/left stays 1/6 where both are large
    const i = Math.round(RATE / 2) + 9; // a peak of the 220 Hz sine
    expect(clip.channels[1][i] / clip.channels[0][i]).toBeCloseTo(1 / 6, 3);
  });

  it('turns a single spike down only around it, starting before it (look-ahead)', () => {
    const x = sine(0.4);
    const spike = RATE / 2;
    x[spike] = 4;
    const channels = [x.slice()];
    limitChannelsInPlace(channels, RATE, { lookaheadSeconds: 0.005, releaseSeconds: 0.05 });
    const y = channels[0];
    expect(Math.abs(y[spike])).toBeLessThanOrEqual(10 ** (-1 / 20) + 1e-7);
    expect(Math.abs(y[spike - 20] / x[spike - 20])).toBeLessThan(0.99); // 2.5 ms before
    expect(y.subarray(0, spike - 60)).toEqual(x.subarray(0, spike - 60)); // long before: untouched
    expect(y[RATE - 1]).toBeCloseTo(x[RATE - 1], 3); // released by the end
  });

  it('replaces NaN and infinities by silence', () => {
    const x = new Float32Array([0.1, NaN, Infinity, -Infinity, 0.2]);
    expect(scrubNonFinite([x])).toBe(3);
    expect(Array.from(x)).toEqual([Math.fround(0.1), 0, 0, 0, Math.fround(0.2)]);
    const clip = limitClip({ sampleRate: RATE, channels: [new Float32Array([NaN, 5, -5, 0.1])] });
    expect(clip.channels[0].every((v) => Number.isFinite(v) && Math.abs(v) <= 0.9)).toBe(true);
  });
});
