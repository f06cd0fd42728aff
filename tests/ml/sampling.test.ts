import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { argmax, logSoftmax, sampleToken, samplingDistribution, softmax, tokenLogProb, tokenLogProbs } from '../../src/ml/sampling';

/** Random logits of a fixed seed. */
function randomLogits(seed: number, n = 12, scale = 3): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal() * scale);
}

/** Frequencies of `draws` samples. */
function frequencies(logits: ArrayLike<number>, draws: number, seed: number, options = {}): Float64Array {
  const rng = createRng(seed);
  const counts = new Float64Array(logits.length);
  for (let i = 0; i < draws; i++) counts[sampleToken(logits, rng, options)]++;
  return counts.map((c) => c / draws);
}

describe('softmax and log-softmax', () => {
  it('give probabilities that sum to 1, stable for large logits', () => {
    const p = softmax([1000, 1001, 999]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[1] / p[0]).toBeCloseTo(Math.E, 9);
    const lp = logSoftmax([0, 0, 0, 0]);
    for (const v of lp) expect(v).toBeCloseTo(-Math.log(4), 12);
  });

  it('scale with temperature', () => {
    expect(softmax([0, 1], 0.5)[1] / softmax([0, 1], 0.5)[0]).toBeCloseTo(Math.exp(2), 9);
    expect(() => logSoftmax([1, 2], 0)).toThrow(/temperature must be > 0/);
  });
});

describe('samplingDistribution', () => {
  it('top-k = 1 and temperature 0 are argmax', () => {
    for (let seed = 0; seed < 50; seed++) {
      const logits = randomLogits(seed);
      const best = argmax(logits);
      const rng = createRng(seed);
      expect(sampleToken(logits, rng, { topK: 1 })).toBe(best);
      expect(sampleToken(logits, rng, { temperature: 0 })).toBe(best);
      expect(samplingDistribution(logits, { temperature: 0 })[best]).toBe(1);
    }
  });

  it('tends to one-hot as temperature tends to 0 and to uniform as it grows', () => {
    const logits = randomLogits(3);
    const best = argmax(logits);
    const peaks = [1, 0.3, 0.1, 0.02, 0.002].map((t) => samplingDistribution(logits, { temperature: t })[best]);
    for (let i = 1; i < peaks.length; i++) expect(peaks[i]).toBeGreaterThan(peaks[i - 1]);
    expect(peaks[4]).toBeGreaterThan(0.999);
    const flat = samplingDistribution(logits, { temperature: 1e4 });
    for (const p of flat) expect(p).toBeCloseTo(1 / logits.length, 3);
  });

  it('top-p keeps the smallest set of most likely tokens reaching p', () => {
    const logits = Array.from([0.5, 0.3, 0.15, 0.05], Math.log);
    const kept = (p: number) => [...samplingDistribution(logits, { topP: p })].map((v, i) => (v > 0 ? i : -1)).filter((i) => i >= 0);
    expect(kept(0.5)).toEqual([0]);
    expect(kept(0.79)).toEqual([0, 1]);
    expect(kept(0.81)).toEqual([0, 1, 2]);
    expect(kept(1)).toEqual([0, 1, 2, 3]);
    const d = samplingDistribution(logits, { topP: 0.79 });
    expect(d[0]).toBeCloseTo(0.5 / 0.8, 12);
    expect(d[1]).toBeCloseTo(0.3 / 0.8, 12);
  });

  it('top-k keeps the k most likely tokens in their ratios', () => {
    const logits = randomLogits(9);
    const full = softmax(logits);
    const d = samplingDistribution(logits, { topK: 3 });
    const order = Array.from(full.keys()).sort((a, b) => full[b] - full[a]);
    expect(order.slice(3).every((i) => d[i] === 0)).toBe(true);
    expect(d[order[1]] / d[order[0]]).toBeCloseTo(full[order[1]] / full[order[0]], 12);
    expect(d.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('masks: only allowed tokens are ever drawn', () => {
    const logits = randomLogits(5);
    const allowed = [1, 4, 7];
    const f = frequencies(logits, 3000, 11, { allowed });
    f.forEach((v, i) => { if (!allowed.includes(i)) expect(v).toBe(0); });
    const viaFn = frequencies(logits, 3000, 11, { allowed: (t: number) => allowed.includes(t) });
    expect([...viaFn]).toEqual([...f]);
    expect(() => samplingDistribution(logits, { allowed: [] })).toThrow(/allows no token/);
  });

  it('refuses out-of-range options', () => {
    expect(() => samplingDistribution([1, 2], { topP: 0 })).toThrow(/topP must be in \(0, 1\]/);
    expect(() => samplingDistribution([1, 2], { topK: 1.5 })).toThrow(/topK/);
    expect(() => samplingDistribution([1, 2], { temperature: -1 })).toThrow(/temperature/);
  });
});

describe('sampleToken', () => {
  it('draws with empirical frequencies that match the probabilities', () => {
    const logits = randomLogits(21, 8, 1);
    const expected = softmax(logits);
    const f = frequencies(logits, 40_000, 2);
    // 4 standard deviations of a frequency of 40 000 draws is at most 0.01.
    for (let i = 0; i < f.length; i++) expect(Math.abs(f[i] - expected[i])).toBeLessThan(0.01);
    const nucleus = samplingDistribution(logits, { topP: 0.7, temperature: 0.8 });
    const g = frequencies(logits, 40_000, 3, { topP: 0.7, temperature: 0.8 });
    for (let i = 0; i < g.length; i++) expect(Math.abs(g[i] - nucleus[i])).toBeLessThan(0.01);
  });

  it('is a function of the seed', () => {
    const logits = randomLogits(1);
    const run = (seed: number) => { const rng = createRng(seed); return Array.from({ length: 30 }, () => sampleToken(logits, rng)); };
    expect(run(4)).toEqual(run(4));
    expect(run(4)).not.toEqual(run(5));
  });
});

describe('scoring', () => {
  it('tokenLogProb is the log-softmax entry and tokenLogProbs scores each row', () => {
    const logits = randomLogits(8, 6);
    expect(tokenLogProb(logits, 2)).toBeCloseTo(Math.log(softmax(logits)[2]), 12);
    const rows = new Float32Array([...randomLogits(1, 6), ...randomLogits(2, 6)]);
    const lp = tokenLogProbs(rows, 6, [5, 0]);
    expect(lp[0]).toBeCloseTo(tokenLogProb(rows.subarray(0, 6), 5), 12);
    expect(lp[1]).toBeCloseTo(tokenLogProb(rows.subarray(6, 12), 0), 12);
    expect(() => tokenLogProb(logits, 6)).toThrow(/outside the vocabulary of 6/);
    expect(() => tokenLogProbs(rows, 6, [1, 2, 3])).toThrow(/3 targets need 18 logits/);
  });
});
