import { describe, expect, it } from 'vitest';
import { Lfo, lfoFrequency, periodicShape } from '../../../src/dsp/control';

const take = (lfo: Lfo, n: number): number[] => Array.from({ length: n }, () => lfo.next());

describe('Lfo', () => {
  it('matches the closed forms of sine, triangle, saw and square', () => {
    const rate = 1000;
    const hz = 3;
    for (const shape of ['sine', 'triangle', 'saw', 'square'] as const) {
      const got = take(new Lfo({ shape, rate: { hz }, sampleRate: rate }), 1000);
      const expected = got.map((_, n) => {
        const p = ((hz * n) / rate) % 1;
        switch (shape) {
          case 'sine': return Math.sin(2 * Math.PI * p);
          case 'triangle': return p < 0.5 ? -1 + 4 * p : 3 - 4 * p;
          case 'saw': return -1 + 2 * p;
          case 'square': return p < 0.5 ? 1 : -1;
        }
      });
      // The square may flip one tick early or late where the accumulated phase rounds across 0.5.
      const bad = got.filter((v, i) => Math.abs(v - expected[i]) > 1e-9);
      expect(bad.length, shape).toBeLessThanOrEqual(shape === 'square' ? 6 : 0);
    }
  });

  it('syncs to a tempo: one cycle per `beats` beats', () => {
    expect(lfoFrequency({ beats: 1, bpm: 120 })).toBe(2);
    expect(lfoFrequency({ beats: 4, bpm: 90 })).toBe(0.375);
    // 1 cycle per 2 beats at 120 bpm = 1 Hz: at 100 ticks/s the saw wraps every 100 ticks.
    const saw = take(new Lfo({ shape: 'saw', rate: { beats: 2, bpm: 120 }, sampleRate: 100 }), 201);
    expect(saw[0]).toBeCloseTo(-1, 9);
    expect(saw[50]).toBeCloseTo(0, 9);
    expect(saw[100]).toBeCloseTo(-1, 9);
    expect(saw[200]).toBeCloseTo(-1, 9);
  });

  it('keeps its phase when the rate or the tempo changes', () => {
    const rate = 1000;
    const lfo = new Lfo({ shape: 'sine', rate: { hz: 2 }, sampleRate: rate, phase: 0.1 });
    const first = take(lfo, 300);
    lfo.setRate({ hz: 7 });
    const second = take(lfo, 300);
    // Closed form of the accumulated phase: 0.1 + 2·t for 300 ticks, then + 7·t.
    for (let n = 0; n < 300; n++) {
      expect(first[n]).toBeCloseTo(Math.sin(2 * Math.PI * (0.1 + (2 * n) / rate)), 9);
      expect(second[n]).toBeCloseTo(Math.sin(2 * Math.PI * (0.1 + 0.6 + (7 * n) / rate)), 9);
    }
    lfo.setShape('saw');
    expect(lfo.next()).toBeCloseTo(-1 + 2 * ((0.7 + 2.1) % 1), 9); // same phase, new shape
    const synced = new Lfo({ shape: 'saw', rate: { beats: 1, bpm: 60 }, sampleRate: 100 });
    take(synced, 25);
    synced.setTempo(120);
    const afterTempo = take(synced, 10);
    expect(afterTempo[0]).toBeCloseTo(-1 + 2 * 0.25, 9);
    expect(afterTempo[5]).toBeCloseTo(-1 + 2 * (0.25 + 5 * 0.02), 9);
  });

  it('draws seeded random steps, one per cycle, and glides between them in smooth-random', () => {
    const a = take(new Lfo({ shape: 'random', rate: { hz: 10 }, sampleRate: 1000, seed: 5 }), 1000);
    const b = take(new Lfo({ shape: 'random', rate: { hz: 10 }, sampleRate: 1000, seed: 5 }), 1000);
    const c = take(new Lfo({ shape: 'random', rate: { hz: 10 }, sampleRate: 1000, seed: 6 }), 1000);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const steps = a.filter((v, i) => i > 0 && v !== a[i - 1]).length;
    // Changes only at cycle boundaries: at most 9 in 1 s at 10 Hz (10 if rounding adds one).
    expect(steps).toBeGreaterThanOrEqual(8);
    expect(steps).toBeLessThanOrEqual(10);
    expect(a.every((v) => v >= -1 && v < 1)).toBe(true);

    const smooth = take(new Lfo({ shape: 'smooth-random', rate: { hz: 10 }, sampleRate: 1000, seed: 5 }), 1000);
    // It passes through the stepped values at the start of each cycle and never jumps.
    expect(smooth[0]).toBeCloseTo(a[0], 12);
    const maxJump = Math.max(...smooth.slice(1).map((v, i) => Math.abs(v - smooth[i])));
    expect(maxJump).toBeLessThan(0.04);
  });

  it('exposes the pure shapes and rejects a bad rate', () => {
    expect(periodicShape('triangle', 0.25)).toBe(0);
    expect(periodicShape('sine', 0.25)).toBe(1);
    expect(() => new Lfo({ shape: 'sine', rate: { hz: -1 }, sampleRate: 100 })).toThrow(/non-negative/);
    expect(() => new Lfo({ shape: 'sine', rate: { hz: 1 }, sampleRate: 0 })).toThrow(/sampleRate/);
  });
});
