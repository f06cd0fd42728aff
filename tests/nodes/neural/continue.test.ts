/**
 * neural.continue on the fixture models (untrained, so only the mechanics are judged): the asked
 * length, pitch range, masks, voice order, chords, determinism by seed, one model call per token,
 * progress and cancellation.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { VOICE_RANGES } from '../../../nodes/neural/choraleSampler';
import { continueNode } from '../../../nodes/neural/continueNode';
import type { NeuralModelValue } from '../../../nodes/neural/neuralModel';
import { CancelledError } from '../../../src/engine/node';
import type { Chords, Note, NoteSequence, Scale } from '../../../src/engine/values';
import { parseNotation } from '../../../src/music/notation';
import { runNode } from '../runNode';
import { FIXTURE_MODELS, loadValue, modelHost } from './neuralFixtures';

const { models, services } = modelHost(FIXTURE_MODELS);
afterAll(() => models.dispose());
const lstm = await loadValue('melody-lstm', services);
const transformer = await loadValue('chorale-transformer', services);
const primer = parseNotation('D5/8 B4 G4 E4 E4 G4 E4 E4 | D5/8 B4 G4 E4 D4 E4 G4 A4', { tempo: 96, timeSignature: { numerator: 4, denominator: 4 } });
const run = (model: NeuralModelValue, params: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  runNode(continueNode, { model, primer, ...extra }, params, { services, globalSeed: 0 });

/** The pitches sounding at `beat`, by voice. */
function soundingAt(notes: readonly Note[], beat: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const n of notes) if (n.start <= beat + 1e-9 && n.start + n.duration > beat + 1e-9) out.set(n.voice ?? 0, n.pitch);
  return out;
}

describe('neural.continue with the melody LSTM', () => {
  it('writes exactly the asked number of notes after the primer, in range, with the primer\'s tempo and meter', async () => {
    const { outputs } = await run(lstm, { length: 24, low: 60, high: 80, seed: 4 });
    const seq = outputs.notes as NoteSequence;
    expect(seq.tempo).toBe(96);
    expect(seq.timeSignature).toEqual({ numerator: 4, denominator: 4 });
    expect(seq.notes.slice(0, primer.notes.length).map((n) => [n.pitch, n.start])).toEqual(primer.notes.map((n) => [n.pitch, n.start]));
    const fresh = seq.notes.slice(primer.notes.length);
    expect(fresh).toHaveLength(24);
    expect(fresh.every((n) => n.pitch >= 60 && n.pitch <= 80 && n.start >= primer.length - 1e-9 && n.duration > 0)).toBe(true);
  });

  it('fills exactly the asked bars and starts at 0 without the primer', async () => {
    const { outputs } = await run(lstm, { length: 3, unit: 'bars', includePrimer: false, seed: 2 });
    const seq = outputs.notes as NoteSequence;
    expect(seq.notes.length).toBeGreaterThan(0);
    expect(Math.min(...seq.notes.map((n) => n.start))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...seq.notes.map((n) => n.start + n.duration))).toBeLessThanOrEqual(12 + 1e-9);
    expect(seq.length).toBe(12);
  });

  it('is a function of its seed', async () => {
    const a = await run(lstm, { length: 16, seed: 7 });
    const b = await run(lstm, { length: 16, seed: 7 });
    const c = await run(lstm, { length: 16, seed: 8 });
    expect(b.outputs.notes).toEqual(a.outputs.notes);
    expect(c.outputs.notes).not.toEqual(a.outputs.notes);
  });

  it('keeps notes in a scale when asked, and warns that it cannot read chords', async () => {
    const scale: Scale = { tonic: 'E', name: 'minor', pitchClasses: [4, 6, 7, 9, 11, 0, 2] };
    const chords: Chords = { chords: [{ symbol: 'C', start: 0, duration: 4, pitchClasses: [0, 4, 7] }], length: 4 };
    const { outputs, logs } = await run(lstm, { length: 20, inScale: true, includePrimer: false }, { scale, chords });
    expect((outputs.notes as NoteSequence).notes.every((n) => scale.pitchClasses.includes(n.pitch % 12))).toBe(true);
    expect(logs.some((l) => l.level === 'warn' && /carry no chords; the chords input is ignored/.test(l.message))).toBe(true);
  });

  it('makes one model call per new token after a single prefill', async () => {
    const before = (await models.stats()).runs;
    const { previews } = await run(lstm, { length: 12, seed: 5 });
    const calls = (await models.stats()).runs - before;
    const sampled = Number(/from (\d+) sampled tokens/.exec((previews![1] as { text: string }).text)![1]);
    expect(calls).toBe(sampled); // the prefill, then one call per token except the last
  });

  it('reports progress and stops when cancelled', async () => {
    const progress: number[] = [];
    await runNode(continueNode, { model: lstm, primer }, { length: 16 }, { services, onProgress: (f) => progress.push(f) });
    expect(progress.at(-1)).toBe(1);
    expect(progress.filter((f, i) => i > 0 && f < progress[i - 1])).toEqual([]);
    const abort = new AbortController();
    const cancelled = runNode(continueNode, { model: lstm, primer }, { length: 500 }, {
      services, signal: abort.signal, onProgress: (f) => { if (f > 0.02) abort.abort(); },
    });
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('neural.continue with the chorale transformer', () => {
  it('writes four voices in their ranges that never cross, for the asked bars', async () => {
    const { outputs } = await run(transformer, { length: 2, unit: 'bars', includePrimer: false, seed: 3 });
    const notes = (outputs.notes as NoteSequence).notes;
    expect(new Set(notes.map((n) => n.voice))).toEqual(new Set([0, 1, 2, 3]));
    for (const n of notes) {
      const [lo, hi] = VOICE_RANGES[n.voice!];
      expect(n.pitch).toBeGreaterThanOrEqual(lo);
      expect(n.pitch).toBeLessThanOrEqual(hi);
      expect(n.start + n.duration).toBeLessThanOrEqual(8 + 1e-9);
    }
    for (let beat = 0; beat < 8; beat += 0.25) {
      const sounding = [...soundingAt(notes, beat)].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
      expect(sounding).toEqual([...sounding].sort((a, b) => b - a));
    }
  });

  it('makes every new note of every voice a chord tone with chordVoices "all", and the bass alone with "bass"', async () => {
    const chords: Chords = {
      chords: [{ symbol: 'G', start: 0, duration: 2, pitchClasses: [7, 11, 2] }, { symbol: 'D', start: 2, duration: 2, pitchClasses: [2, 6, 9] }],
      length: 4,
    };
    const chordAt = (beat: number) => chords.chords.find((c) => (beat % 4) >= c.start && (beat % 4) < c.start + c.duration)!;
    const all = (await run(transformer, { length: 2, unit: 'bars', includePrimer: false, chordVoices: 'all', seed: 1 }, { chords })).outputs.notes as NoteSequence;
    expect(all.notes.length).toBeGreaterThan(0);
    for (const n of all.notes) expect(chordAt(n.start).pitchClasses).toContain(n.pitch % 12);
    const bass = (await run(transformer, { length: 2, unit: 'bars', includePrimer: false, seed: 1 }, { chords })).outputs.notes as NoteSequence;
    for (const n of bass.notes.filter((x) => x.voice === 3)) expect(chordAt(n.start).pitchClasses).toContain(n.pitch % 12);
    // a held bass note that is not in the next chord moves when that chord starts
    for (const n of bass.notes.filter((x) => x.voice === 3)) {
      for (let b = n.start; b < n.start + n.duration - 1e-9; b += 0.25) expect(chordAt(b).pitchClasses).toContain(n.pitch % 12);
    }
  });

  it('slides its context window past the model\'s positions and stays a function of the seed', async () => {
    const a = await run(transformer, { length: 4, unit: 'bars', seed: 9 });
    const b = await run(transformer, { length: 4, unit: 'bars', seed: 9 });
    expect((a.previews![1] as { text: string }).text).toMatch(/the context window slid \d+ times/);
    expect(b.outputs.notes).toEqual(a.outputs.notes);
  });
});
