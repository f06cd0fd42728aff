import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/engine/rng';
import { HOLD, REST, type GenomeSpec } from '../../../../nodes/symbolic/ga/genome';
import { crossover, mutate, type MutationRates } from '../../../../nodes/symbolic/ga/operators';
import { rankByFitness, roulette, tournament } from '../../../../nodes/symbolic/ga/selection';

const none: MutationRates = { step: 0, leap: 0, transpose: 0, invert: 0, retrograde: 0, splitMerge: 0 };
const spec: GenomeSpec = { mode: 'melody', steps: 8, stepBeats: 0.5, low: 48, high: 84, restRate: 0 };
const a = Int16Array.from([60, 62, 64, 65, 67, 69, 71, 72]);
const b = Int16Array.from([50, 51, 52, 53, 54, 55, 56, 57]);

/** Number of places where a child switches from one parent to the other. */
const switches = (child: Int16Array) => {
  let n = 0;
  for (let i = 1; i < child.length; i++) if ((child[i] >= 60) !== (child[i - 1] >= 60)) n++;
  return n;
};

describe('crossover', () => {
  it('keeps every gene in its place, taken from one parent, the other child the complement', () => {
    const rng = createRng(1);
    const c = new Int16Array(8);
    const d = new Int16Array(8);
    for (const kind of ['one-point', 'two-point', 'uniform'] as const) {
      for (let k = 0; k < 50; k++) {
        crossover(kind, a, b, rng, c, d);
        for (let i = 0; i < 8; i++) {
          expect([a[i], b[i]]).toContain(c[i]);
          expect(d[i]).toBe(c[i] === a[i] ? b[i] : a[i]);
        }
        if (kind === 'one-point') expect(switches(c)).toBe(1);
        if (kind === 'two-point') expect(switches(c)).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('mutations', () => {
  const run = (rates: Partial<MutationRates>, genes: Int16Array, s: GenomeSpec = spec, seed = 2) => {
    const g = genes.slice();
    mutate(g, { ...none, ...rates }, s, createRng(seed));
    return Array.from(g);
  };

  it('step moves notes by one or two semitones', () => {
    const out = run({ step: 1 }, a);
    out.forEach((p, i) => expect([1, 2]).toContain(Math.abs(p - a[i])));
  });

  it('transpose shifts a segment, invert mirrors it, retrograde reverses it', () => {
    for (let seed = 0; seed < 20; seed++) {
      const t = run({ transpose: 1 }, a, spec, seed);
      const shifted = t.map((p, i) => p - a[i]).filter((d) => d !== 0);
      expect(new Set(shifted).size).toBe(1);
      const r = run({ retrograde: 1 }, a, spec, seed);
      expect([...r].sort((x, y) => x - y)).toEqual(Array.from(a));
      const v = run({ invert: 1 }, a, spec, seed);
      const changed = v.map((p, i) => [i, p] as const).filter(([i, p]) => p !== a[i]);
      if (changed.length > 0) {
        const first = changed[0][0] - 1; // the axis is the first note of the segment, unchanged
        for (const [i, p] of changed) expect(p - a[first]).toBe(a[first] - a[i]);
      }
    }
  });

  it('retrograde moves held notes as wholes', () => {
    const rhythm = { ...spec, mode: 'rhythm' as const };
    const g = Int16Array.from([60, HOLD, HOLD, 62, 64, HOLD, REST, 65]);
    for (let seed = 0; seed < 20; seed++) {
      const out = run({ retrograde: 1 }, g, rhythm, seed);
      const units = (x: number[]) => x.reduce<number[][]>((acc, v) => (v === HOLD ? acc[acc.length - 1].push(v) : acc.push([v]), acc), []).map((u) => u.join(' '));
      expect(units(out).sort()).toEqual(units(Array.from(g)).sort());
    }
  });

  it('split/merge changes rhythm only in rhythm genomes', () => {
    const g = Int16Array.from([60, HOLD, 62, 64, HOLD, HOLD, 65, 67]);
    expect(run({ splitMerge: 1 }, g)).toEqual(Array.from(g));
    const out = run({ splitMerge: 1 }, g, { ...spec, mode: 'rhythm' });
    expect(out).not.toEqual(Array.from(g));
    expect(out[0]).toBe(60);
  });

  it('never leaves the pitch range', () => {
    const tight = { ...spec, low: 60, high: 64, restRate: 0.2 };
    const rng = createRng(5);
    const g = Int16Array.from([60, 61, 62, 63, 64, 60, 61, 62]);
    for (let k = 0; k < 300; k++) {
      mutate(g, { step: 0.3, leap: 0.1, transpose: 0.5, invert: 0.5, retrograde: 0.5, splitMerge: 0 }, tight, rng);
      for (const p of g) expect(p === REST || (p >= 60 && p <= 64)).toBe(true);
    }
  });
});

describe('selection', () => {
  const fitness = Float64Array.from([0.1, 0.9, 0.5, 0]);

  it('ranks best first and picks fitter individuals more often', () => {
    expect(Array.from(rankByFitness(fitness))).toEqual([1, 2, 0, 3]);
    const rng = createRng(8);
    const wins = [0, 0, 0, 0];
    for (let k = 0; k < 3000; k++) wins[tournament(fitness, 3, rng)]++;
    expect(wins[1]).toBeGreaterThan(wins[2]);
    expect(wins[3]).toBeLessThan(120); // the worst wins only when all three draws are it: 1/64 of 3000 ≈ 47
    const spins = [0, 0, 0, 0];
    for (let k = 0; k < 3000; k++) spins[roulette(fitness, rng)]++;
    expect(spins[3]).toBe(0);
    expect(spins[1] / spins[2]).toBeCloseTo(0.9 / 0.5, 0);
  });
});
