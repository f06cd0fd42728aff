/**
 * The neural nodes with the trained models of public/models (each block runs when its model is
 * there, as in CI): continuations are well formed and in range, the LSTM keeps to a scale, a
 * harmonization keeps the melody as its soprano with the voices in order, the models find real
 * tunes likelier than the same rhythms with random pitches, and a tampered copy is refused.
 */
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { VOICE_RANGES } from '../../../nodes/neural/choraleSampler';
import { continueNode } from '../../../nodes/neural/continueNode';
import { harmonizeNode } from '../../../nodes/neural/harmonizeNode';
import { loadModelNode } from '../../../nodes/neural/loadModelNode';
import { scoreNode } from '../../../nodes/neural/scoreNode';
import { selectCorpus, type CorpusOption } from '../../../nodes/symbolic/corpus/corpusCatalog';
import { corpusToSequence } from '../../../nodes/symbolic/corpus/corpusSequence';
import { createRng } from '../../../src/engine/rng';
import type { Note, NoteSequence, Scale } from '../../../src/engine/values';
import { SHIPPED_MODELS_DIR } from '../../../src/ml/nodeModels';
import { ChoraleGrammar, encodeChorale, encodeMelody, MelodyGrammar } from '../../../src/music/tokens';
import { makeAsset, runNode } from '../runNode';
import { folderFiles, hasRealModel, loadValue, modelHost } from './neuralFixtures';

const { models, services } = modelHost(SHIPPED_MODELS_DIR);
afterAll(() => models.dispose());

async function tune(corpus: CorpusOption, index: number): Promise<NoteSequence> {
  return corpusToSequence(await selectCorpus(corpus, { maxTunes: 0, tune: index }));
}

/** The same notes with pitches drawn uniformly from the tune's own range. */
function randomPitches(seq: NoteSequence, seed: number): NoteSequence {
  const rng = createRng(seed);
  const lo = Math.min(...seq.notes.map((n) => n.pitch));
  const hi = Math.max(...seq.notes.map((n) => n.pitch));
  return { ...seq, notes: seq.notes.map((n) => ({ ...n, pitch: lo + rng.int(hi - lo + 1) })) };
}

const meanScore = async (model: unknown, notes: NoteSequence) => (await runNode(scoreNode, { model, notes }, {}, { services })).outputs.score as number;
const scale = (tonic: string, pc: number): Scale => ({ tonic, name: 'major', pitchClasses: [0, 2, 4, 5, 7, 9, 11].map((i) => (pc + i) % 12) });

describe.runIf(hasRealModel('melody-lstm'))('the trained melody LSTM', () => {
  it('continues a tune with well-formed, monophonic notes in range', async () => {
    const model = await loadValue('melody-lstm', services);
    const primer = await tune('irish-test', 2);
    const head: NoteSequence = { ...primer, notes: primer.notes.filter((n) => n.start < 8), length: 8 };
    const { outputs } = await runNode(continueNode, { model, primer: head }, { length: 48, low: 55, high: 88, includePrimer: false, seed: 1 }, { services, globalSeed: 0 });
    const notes = (outputs.notes as NoteSequence).notes;
    expect(notes).toHaveLength(48);
    expect(notes.every((n) => n.pitch >= 55 && n.pitch <= 88 && n.duration > 0)).toBe(true);
    notes.forEach((n, i) => { if (i > 0) expect(n.start).toBeGreaterThanOrEqual(notes[i - 1].start + notes[i - 1].duration - 1e-9); });
    expect(() => MelodyGrammar.from(encodeMelody(notes, { meter: head.timeSignature }))).not.toThrow();
  });

  it('keeps every new note in the scale with inScale, in D major and in G major', async () => {
    // The KEY token alone conditions this model only weakly (the Irish "major" tunes include
    // mixolydian ones, which the vocabulary files under major), so a hard key needs inScale.
    const model = await loadValue('melody-lstm', services);
    for (const s of [scale('D', 2), scale('G', 7)]) {
      for (const seed of [1, 2]) {
        const { outputs } = await runNode(continueNode, { model, scale: s }, { length: 64, seed, inScale: true, includePrimer: false }, { services, globalSeed: 0 });
        const notes = (outputs.notes as NoteSequence).notes as Note[];
        expect(notes.length).toBeGreaterThan(8);
        expect(notes.filter((x) => !s.pitchClasses.includes(x.pitch % 12))).toEqual([]);
      }
    }
  });

  it('finds real tunes likelier per note than the same rhythms with random pitches', async () => {
    const model = await loadValue('melody-lstm', services);
    for (const index of [0, 1, 2, 3]) {
      const real = await tune('irish-test', index);
      expect(await meanScore(model, real)).toBeGreaterThan(await meanScore(model, randomPitches(real, index)));
    }
  });

  it('refuses a tampered copy given as a model asset', async () => {
    const files = folderFiles(join(SHIPPED_MODELS_DIR, 'melody-lstm'));
    const onnx = files['model.onnx'].slice();
    onnx[onnx.length >> 1] ^= 0x01;
    const asset = makeAsset('lstm.zip', 'lstm.zip', zipSync({ ...files, 'model.onnx': onnx }));
    await expect(runNode(loadModelNode, {}, { model: 'file', file: ['lstm.zip'] }, { services, assets: [asset] }))
      .rejects.toThrow(/model\.onnx: sha256 mismatch/);
  });
});

describe.runIf(hasRealModel('chorale-transformer'))('the trained chorale transformer', () => {
  it('continues a chorale with four well-formed voices in range that never cross', async () => {
    const model = await loadValue('chorale-transformer', services);
    const chorale = await tune('jsb-chorales-test', 0);
    const head: NoteSequence = { ...chorale, notes: chorale.notes.filter((n) => n.start < 8).map((n) => ({ ...n, duration: Math.min(n.duration, 8 - n.start) })), length: 8 };
    const { outputs } = await runNode(continueNode, { model, primer: head }, { length: 2, unit: 'bars', includePrimer: false, temperature: 0.8, seed: 1 }, { services, globalSeed: 0 });
    const notes = (outputs.notes as NoteSequence).notes;
    expect(new Set(notes.map((n) => n.voice))).toEqual(new Set([0, 1, 2, 3]));
    expect(notes.every((n) => n.pitch >= VOICE_RANGES[n.voice!][0] && n.pitch <= VOICE_RANGES[n.voice!][1] && n.start + n.duration <= 8 + 1e-9)).toBe(true);
    expect(() => ChoraleGrammar.from(encodeChorale(notes))).not.toThrow();
  });

  it('harmonizes a chorale melody: the soprano is the melody, the voices mostly ordered S > A > T > B', async () => {
    const model = await loadValue('chorale-transformer', services);
    const chorale = await tune('jsb-chorales-test', 1);
    const melody: NoteSequence = { ...chorale, notes: chorale.notes.filter((n) => n.voice === 0) };
    const { outputs } = await runNode(harmonizeNode, { model, melody }, { seed: 2 }, { services, globalSeed: 0 });
    const seq = outputs.notes as NoteSequence;
    expect(seq.notes.filter((n) => n.voice === 0).map((n) => [n.pitch, n.start, n.duration])).toEqual(melody.notes.map((n) => [n.pitch, n.start, n.duration]));
    let full = 0;
    let ordered = 0;
    for (let beat = 0; beat < melody.length; beat += 0.25) {
      const at = [0, 1, 2, 3].map((v) => seq.notes.find((n) => n.voice === v && n.start <= beat + 1e-9 && n.start + n.duration > beat + 1e-9)?.pitch);
      if (at.some((p) => p === undefined)) continue;
      full++;
      if (at[0]! > at[1]! && at[1]! > at[2]! && at[2]! > at[3]!) ordered++;
    }
    expect(full).toBeGreaterThan(0.8 * melody.length * 4);
    expect(ordered / full).toBeGreaterThan(0.9);
  });

  it('finds real chorales likelier per note than the same rhythms with random pitches', async () => {
    const model = await loadValue('chorale-transformer', services);
    for (const index of [0, 1, 2]) {
      const real = await tune('jsb-chorales-test', index);
      expect(await meanScore(model, real)).toBeGreaterThan(await meanScore(model, randomPitches(real, index)));
    }
  });
});
