import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { convolve, MAX_PARTITION } from '../../src/dsp/convolve';
import { applyReverb, decayingNoiseIr } from '../../src/dsp/reverb';

/** Linear convolution summed term by term. */
function naiveConvolve(x: Float32Array, h: Float32Array): Float64Array {
  const out = new Float64Array(x.length + h.length - 1);
  for (let i = 0; i < x.length; i++) for (let j = 0; j < h.length; j++) out[i + j] += x[i] * h[j];
  return out;
}

const noise = (n: number, seed: string) => {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.range(-1, 1));
};

describe('convolve', () => {
  it('convolves a tiny example exactly', () => {
    expect(Array.from(convolve(Float32Array.of(1, 2), Float32Array.of(1, 1)))).toEqual([1, 3, 2].map((v) => expect.closeTo(v, 6)));
    expect(convolve(new Float32Array(0), Float32Array.of(1))).toHaveLength(0);
  });

  it.each([
    ['a short response (one partition)', 3000, 100],
    ['a response longer than the signal', 50, 700],
    ['a long response cut into partitions', 9000, 2 * MAX_PARTITION + 123],
  ])('matches direct convolution for %s', (_, signalLength, irLength) => {
    const x = noise(signalLength, `x${irLength}`);
    const h = noise(irLength, `h${irLength}`);
    const y = convolve(x, h);
    const expected = naiveConvolve(x, h);
    expect(y).toHaveLength(expected.length);
    let worst = 0;
    for (let i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(y[i] - expected[i]));
    expect(worst).toBeLessThan(1e-3); // values reach ~±30; float32 output
  });
});

describe('reverb', () => {
  it('mixes dry and wet and keeps the tail on request', () => {
    const x = Float32Array.of(1, 0, 0, 0);
    const ir = Float32Array.of(0, 0.5, 0.25);
    expect(Array.from(applyReverb(x, ir))).toEqual([1, 0.5, 0.25, 0].map((v) => expect.closeTo(v, 6)));
    expect(Array.from(applyReverb(x, ir, { wet: 2, dry: 0, tail: true }))).toEqual([0, 1, 0.5, 0, 0, 0].map((v) => expect.closeTo(v, 6)));
  });

  it('makes a unit-energy, exponentially decaying noise response, 60 dB down at rt60', () => {
    const rate = 16000;
    const ir = decayingNoiseIr({ sampleRate: rate, rt60: 1, seconds: 1.2, seed: 5 });
    expect(ir).toHaveLength(19200);
    expect(ir.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 5);
    const energy = (from: number) => ir.subarray(from, from + 800).reduce((s, v) => s + v * v, 0);
    expect(10 * Math.log10(energy(8000) / energy(0))).toBeCloseTo(-30, 0); // −30 dB at 0.5 s
    expect(10 * Math.log10(energy(15200) / energy(0))).toBeCloseTo(-57, 0); // 0.95 s: −57 dB
    expect(decayingNoiseIr({ sampleRate: rate, rt60: 1, seed: 5 })).toHaveLength(16000);
    expect(() => decayingNoiseIr({ sampleRate: rate, rt60: 0 })).toThrow(/rt60/);
  });

  it('turns a click into the room response', () => {
    const ir = decayingNoiseIr({ sampleRate: 16000, rt60: 0.5, seed: 6 });
    const click = new Float32Array(16000);
    click[0] = 1;
    const wet = applyReverb(click, ir, { dry: 0 });
    expect(wet).toHaveLength(16000);
    let worst = 0;
    wet.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - (ir[i] ?? 0)))));
    expect(worst).toBeLessThan(1e-6);
  });
});
