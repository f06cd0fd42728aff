/**
 * neural.harmonize on the fixture chorale transformer (untrained: the mechanics only): the soprano is
 * the input melody, alto/tenor/bass stay in range and below the voice above, chords steer the bass,
 * the seed decides, and a melody-format model is refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { VOICE_RANGES } from '../../../nodes/neural/choraleSampler';
import { harmonizeNode } from '../../../nodes/neural/harmonizeNode';
import type { Chords, Note, NoteSequence } from '../../../src/engine/values';
import { parseNotation } from '../../../src/music/notation';
import { runNode } from '../runNode';
import { FIXTURE_MODELS, loadValue, modelHost } from './neuralFixtures';

const { models, services } = modelHost(FIXTURE_MODELS);
afterAll(() => models.dispose());
const transformer = await loadValue('chorale-transformer', services);
const melody = parseNotation('G4/4 G4 A4 B4 | B4/4. A4/8 G4/2 | B4/4 C5 D5 D5 | C5/2 B4/2', { tempo: 80 });
const harmonize = (params: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  runNode(harmonizeNode, { model: transformer, melody, ...extra }, params, { services, globalSeed: 0 });

describe('neural.harmonize', () => {
  it('keeps the melody as the soprano and writes alto, tenor and bass in range, below the voice above', async () => {
    const { outputs, previews } = await harmonize({ seed: 2 });
    const seq = outputs.notes as NoteSequence;
    expect(seq.length).toBe(melody.length);
    expect(seq.tempo).toBe(80);
    expect(seq.voices?.map((v) => v.name)).toEqual(['soprano', 'alto', 'tenor', 'bass']);
    const soprano = seq.notes.filter((n) => n.voice === 0).map((n) => [n.pitch, n.start, n.duration]);
    expect(soprano).toEqual(melody.notes.map((n) => [n.pitch, n.start, n.duration]));
    for (const v of [1, 2, 3]) {
      const voice = seq.notes.filter((n) => n.voice === v);
      expect(voice.length).toBeGreaterThan(0);
      expect(voice.every((n) => n.pitch >= VOICE_RANGES[v][0] && n.pitch <= VOICE_RANGES[v][1])).toBe(true);
    }
    for (let beat = 0; beat < melody.length; beat += 0.25) {
      const at = (v: number): Note | undefined => seq.notes.find((n) => n.voice === v && n.start <= beat + 1e-9 && n.start + n.duration > beat + 1e-9);
      const pitches = [0, 1, 2, 3].map(at).filter((n): n is Note => !!n).map((n) => n.pitch);
      expect(pitches).toEqual([...pitches].sort((a, b) => b - a));
    }
    expect((previews![1] as { text: string }).text).toMatch(/on wasm/);
  });

  it('leaves the soprano out when asked, and is a function of its seed', async () => {
    const a = await harmonize({ includeSoprano: false, seed: 5 });
    const b = await harmonize({ includeSoprano: false, seed: 5 });
    const c = await harmonize({ includeSoprano: false, seed: 6 });
    expect((a.outputs.notes as NoteSequence).notes.some((n) => n.voice === 0)).toBe(false);
    expect(b.outputs.notes).toEqual(a.outputs.notes);
    expect(c.outputs.notes).not.toEqual(a.outputs.notes);
  });

  it('gives the bass chord tones under a progression', async () => {
    const chords: Chords = {
      chords: [{ symbol: 'G', start: 0, duration: 4, pitchClasses: [7, 11, 2] }, { symbol: 'C', start: 4, duration: 4, pitchClasses: [0, 4, 7] }],
      length: 8,
    };
    const { outputs } = await harmonize({ seed: 3 }, { chords });
    const bass = (outputs.notes as NoteSequence).notes.filter((n) => n.voice === 3);
    expect(bass.length).toBeGreaterThan(0);
    for (const n of bass) {
      const chord = chords.chords.find((c) => n.start % 8 >= c.start && n.start % 8 < c.start + c.duration)!;
      expect(chord.pitchClasses).toContain(n.pitch % 12);
    }
  });

  it('refuses a melody-format model', async () => {
    const lstm = await loadValue('melody-lstm', services);
    await expect(runNode(harmonizeNode, { model: lstm, melody }, {}, { services }))
      .rejects.toThrow(/reads melody-format tokens, but this node needs a chorale-format model/);
  });
});
