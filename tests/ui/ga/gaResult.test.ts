import { describe, expect, it } from 'vitest';
import type { NoteSequence } from '../../../src/engine/values';
import { isInteractiveGa, readGaGeneration, splitCandidates, summarizeRatings } from '../../../src/ui/ga/gaResult';

const FOUR_FOUR = { numerator: 4, denominator: 4 };

describe('splitCandidates', () => {
  it('cuts voice k out of the k-th span and moves it to beat 0', () => {
    const seq: NoteSequence = {
      tempo: 100, timeSignature: FOUR_FOUR, length: 12,
      notes: [
        { pitch: 60, velocity: 0.8, start: 0, duration: 1, voice: 0 },
        { pitch: 62, velocity: 0.8, start: 3, duration: 1, voice: 0 },
        { pitch: 64, velocity: 0.8, start: 4.5, duration: 0.5, voice: 1 },
        { pitch: 67, velocity: 0.8, start: 8, duration: 2, voice: 2 },
      ],
    };
    const parts = splitCandidates(seq, 3);
    expect(parts.map((p) => p.length)).toEqual([4, 4, 4]);
    expect(parts.map((p) => p.notes.map((n) => [n.pitch, n.start]))).toEqual([[[60, 0], [62, 3]], [[64, 0.5]], [[67, 0]]]);
    expect(parts[1].tempo).toBe(100);
  });

  it('refuses a note on a voice beyond the candidates, and a bad count', () => {
    const seq: NoteSequence = { tempo: 120, timeSignature: FOUR_FOUR, length: 8, notes: [{ pitch: 60, velocity: 1, start: 0, duration: 1, voice: 5 }] };
    expect(() => splitCandidates(seq, 2)).toThrow(/voice 5 but only 2 candidates/);
    expect(() => splitCandidates(seq, 0)).toThrow(/positive integer/);
  });
});

describe('readGaGeneration', () => {
  it('is null before a result and names a malformed output', () => {
    expect(readGaGeneration(undefined)).toBeNull();
    expect(() => readGaGeneration({ outputs: { state: 3 }, inputs: {}, previews: [] })).toThrow(/"state" output is not text/);
    expect(() => readGaGeneration({ outputs: { state: 'ga1.melody.4.0.AAAA', candidates: 'x' }, inputs: {}, previews: [] })).toThrow(/"candidates"/);
    const notes: NoteSequence = { tempo: 120, timeSignature: FOUR_FOUR, length: 4, notes: [] };
    expect(() => readGaGeneration({ outputs: { state: 'nope', candidates: notes }, inputs: {}, previews: [] })).toThrow(/ga1/);
  });
});

describe('helpers', () => {
  it('recognises an interactive ga.evolve node', () => {
    expect(isInteractiveGa({ type: 'ga.evolve', params: { interactive: true } })).toBe(true);
    expect(isInteractiveGa({ type: 'ga.evolve', params: {} })).toBe(false);
    expect(isInteractiveGa({ type: 'markov.train', params: { interactive: true } })).toBe(false);
    expect(isInteractiveGa(undefined)).toBe(false);
  });

  it('summarizes a ratings text', () => {
    expect(summarizeRatings('3, 5,1 4')).toEqual({ best: 5, mean: 3.25, count: 4 });
    expect(summarizeRatings('  ')).toBeNull();
  });
});
