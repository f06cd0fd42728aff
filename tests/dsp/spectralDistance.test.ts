import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { MSS_FFT_SIZES, multiScaleSpectralDistance } from '../../src/dsp/spectralDistance';
import { sine } from './signal';

const cents = (c: number) => 440 * 2 ** (c / 1200);

describe('multiScaleSpectralDistance', () => {
  const a = sine(440, 16000, 16000);

  it('is 0 for identical signals and uses the six DDSP FFT sizes', () => {
    expect(multiScaleSpectralDistance(a, a.slice())).toBe(0);
    expect(MSS_FFT_SIZES).toEqual([2048, 1024, 512, 256, 128, 64]);
  });

  it('grows with detuning', () => {
    const distances = [5, 20, 100, 400].map((c) => multiScaleSpectralDistance(a, sine(cents(c), 16000, 16000)));
    for (let i = 1; i < distances.length; i++) expect(distances[i]).toBeGreaterThan(distances[i - 1]);
    expect(distances[0]).toBeGreaterThan(0);
  });

  it('is symmetric', () => {
    const rng = createRng('mss');
    const b = Float32Array.from(a, (v) => v + rng.range(-0.05, 0.05));
    expect(multiScaleSpectralDistance(a, b)).toBeCloseTo(multiScaleSpectralDistance(b, a), 12);
  });

  it('adds the linear and log terms: silence against silence plus one impulse', () => {
    // One size of 64, hop 16: the impulse at sample 32 lands under windows of frames 1–3.
    const impulse = new Float32Array(64);
    impulse[32] = 1;
    const single = multiScaleSpectralDistance(new Float32Array(64), impulse, [64]);
    // Frames 1, 2, 3 see the impulse at window values w[48], w[32] = 1, w[16]: |X_k| is that value in every bin.
    const w = (n: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / 64);
    const magnitudes = [w(48), w(32), w(16)];
    const cells = 5 * 33; // ⌊64/16⌋ + 1 frames × 33 bins
    const expected = magnitudes.reduce((s, m) => s + 33 * (m + Math.log(m + 1e-7) - Math.log(1e-7)), 0) / cells;
    expect(single).toBeCloseTo(expected, 4);
  });

  it('refuses signals of different lengths', () => {
    expect(() => multiScaleSpectralDistance(a, a.subarray(1))).toThrow(/16000 vs 15999/);
  });
});
