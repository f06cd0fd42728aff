import { describe, expect, it } from 'vitest';
import { aWeightingPower, loudness, LOUDNESS_FLOOR_DB } from '../../src/dsp/loudness';
import { sine } from './signal';

const aDb = (f: number) => 10 * Math.log10(aWeightingPower(f));
const middle = (x: Float32Array) => x[Math.floor(x.length / 2)];

describe('A-weighting', () => {
  // IEC 61672-1 Table 3 lists the nominal bands 31.5, 100, 250, 1000, 4000 and 8000 Hz; their exact
  // frequencies are 1000·10^(k/10) Hz.
  it.each([
    [-15, -39.4],
    [-10, -19.1],
    [-6, -8.6],
    [0, 0],
    [6, 1.0],
    [9, -1.1],
  ])('at 1 kHz·10^(%i/10) is %f dB (IEC 61672 table)', (k, expected) => {
    expect(aDb(1000 * 10 ** (k / 10))).toBeCloseTo(expected, 1);
  });
});

describe('loudness', () => {
  it('reads a full-scale 1 kHz sine at about −3 dB', () => {
    const db = loudness(sine(1000, 16000, 16000, 1));
    expect(db).toHaveLength(251);
    expect(middle(db)).toBeCloseTo(-3.01, 2);
  });

  it('drops 6 dB per halving of amplitude', () => {
    const levels = [1, 0.5, 0.25, 0.125].map((a) => middle(loudness(sine(1000, 16000, 8000, a))));
    for (let i = 1; i < levels.length; i++) expect(levels[i - 1] - levels[i]).toBeCloseTo(6.02, 2);
  });

  it('makes 100 Hz about 19 dB quieter than 1 kHz at the same amplitude', () => {
    const diff = middle(loudness(sine(1000, 16000, 8000))) - middle(loudness(sine(100, 16000, 8000)));
    expect(diff).toBeGreaterThan(18.5);
    expect(diff).toBeLessThan(19.7);
  });

  it('reads silence at the −100 dB floor and ramps in at the zero-padded edges', () => {
    expect(Array.from(loudness(new Float32Array(640)))).toEqual(new Array(11).fill(LOUDNESS_FLOOR_DB));
    const db = loudness(sine(1000, 16000, 16000, 1));
    expect(db[0]).toBeLessThan(middle(db) - 2); // frame 0 is half zero padding
    expect(db[0]).toBeGreaterThan(middle(db) - 4);
  });
});
