import { describe, expect, it } from 'vitest';
import { applyGainDb, dbToGain, mixClips } from '../../../nodes/audio/clipOps';

const clip = (sampleRate: number, ...channels: number[][]) => ({ sampleRate, channels: channels.map((c) => Float32Array.from(c)) });

describe('clip operations', () => {
  it('converts decibels to gain', () => {
    expect(dbToGain(0)).toBe(1);
    expect(dbToGain(-20)).toBeCloseTo(0.1);
    expect(dbToGain(6)).toBeCloseTo(1.995, 3);
  });

  it('applies a gain without touching the input', () => {
    const input = clip(100, [0.5, -0.5]);
    const out = applyGainDb(input, -20);
    expect(Array.from(out.channels[0])).toEqual([Math.fround(0.05), Math.fround(-0.05)]);
    expect(input.channels[0][0]).toBe(0.5);
  });

  it('mixes to the longest length and widest channel count, mono feeding both channels', () => {
    const mono = clip(100, [1, 1, 1]);
    const stereo = clip(100, [0.5], [-0.5]);
    const out = mixClips([mono, stereo], [1, 2]);
    expect(out.channels.map((c) => Array.from(c))).toEqual([[2, 1, 1], [0, 1, 1]]);
  });

  it('refuses different sample rates and empty input with clear messages', () => {
    expect(() => mixClips([clip(100, [0]), clip(200, [0])])).toThrow(/clip 1 is at 200 Hz/);
    expect(() => mixClips([])).toThrow(/no clips/);
  });
});
