import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { isPowerOfTwo, nextPowerOfTwo, realFft, RealFft } from '../../src/dsp/fft';
import { hannWindow } from '../../src/dsp/window';

/** Bins 0 … N/2 of the DFT, summed term by term. */
function naiveDft(x: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n + 2);
  for (let k = 0; k <= n / 2; k++) {
    for (let t = 0; t < x.length; t++) {
      out[2 * k] += x[t] * Math.cos((2 * Math.PI * k * t) / n);
      out[2 * k + 1] -= x[t] * Math.sin((2 * Math.PI * k * t) / n);
    }
  }
  return out;
}

const maxError = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let e = 0;
  for (let i = 0; i < a.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]));
  return e;
};

describe('RealFft', () => {
  const rng = createRng('fft');
  it.each([2, 4, 8, 64, 1024])('matches a naive DFT at size %i', (n) => {
    const x = Float64Array.from({ length: n }, () => rng.range(-1, 1));
    expect(maxError(realFft(n).forward(x), naiveDft(x, n))).toBeLessThan(1e-9 * n);
  });

  it.each([2, 4, 16, 512, 4096])('inverts the forward transform at size %i', (n) => {
    const x = Float64Array.from({ length: n }, () => rng.range(-1, 1));
    const fft = realFft(n);
    expect(maxError(fft.inverse(fft.forward(x)), x)).toBeLessThan(1e-12);
  });

  it('inverts a spectrum given directly: one bin becomes a cosine of amplitude 2/N', () => {
    const n = 32;
    const spectrum = new Float64Array(n + 2);
    spectrum[2 * 3] = 1; // X_3 = 1 (and X_29 = 1 by symmetry)
    const x = realFft(n).inverse(spectrum);
    const expected = Float64Array.from({ length: n }, (_, t) => (2 / n) * Math.cos((2 * Math.PI * 3 * t) / n));
    expect(maxError(x, expected)).toBeLessThan(1e-15);
  });

  it('zero-pads a shorter input and shares one plan per size', () => {
    const short = [1, 2, 3];
    expect(maxError(realFft(16).forward(short), naiveDft(short, 16))).toBeLessThan(1e-12);
    expect(realFft(16)).toBe(realFft(16));
    expect(realFft(16).bins).toBe(9);
  });

  it('rejects sizes it cannot do, with the size in the message', () => {
    expect(() => new RealFft(384)).toThrow(/power of two.*384/);
    expect(() => realFft(8).forward(new Float64Array(9))).toThrow(/9 samples/);
    expect(isPowerOfTwo(1024)).toBe(true);
    expect(isPowerOfTwo(1)).toBe(false);
    expect(nextPowerOfTwo(575)).toBe(1024);
    expect(nextPowerOfTwo(256)).toBe(256);
  });
});

describe('hannWindow', () => {
  it('is periodic by default: the first n points of an (n + 1)-point window', () => {
    expect(Array.from(hannWindow(4))).toEqual([0, 0.5, 1, 0.5].map((v) => expect.closeTo(v, 12)));
    const w = hannWindow(1024);
    expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(512, 9);
    expect(w[512]).toBe(1);
    expect(w[0]).toBe(0);
  });

  it('can be symmetric, with zeros at both ends', () => {
    const w = hannWindow(5, false);
    expect(Array.from(w)).toEqual([0, 0.5, 1, 0.5, 0].map((v) => expect.closeTo(v, 12)));
    expect(Array.from(hannWindow(1))).toEqual([1]);
    expect(() => hannWindow(0)).toThrow(/positive integer/);
  });
});
