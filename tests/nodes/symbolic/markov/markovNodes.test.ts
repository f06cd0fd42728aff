import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Preview } from '../../../../src/engine/node';
import type { NoteSequence } from '../../../../src/engine/values';
import { builtinPortTypes, modelPortType } from '../../../../src/engine/portTypes';
import { corpusLoadNode } from '../../../../nodes/symbolic/corpus/loadNode';
import type { MarkovModel } from '../../../../nodes/symbolic/markov/markovModel';
import { markovGenerateNode } from '../../../../nodes/symbolic/markov/generateNode';
import { markovTrainNode } from '../../../../nodes/symbolic/markov/trainNode';
import { runNode } from '../../runNode';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/midi/${name}`, import.meta.url)));
const notesType = builtinPortTypes.find((t) => t.id === 'notes')!;

async function corpus(params: Record<string, unknown>): Promise<NoteSequence> {
  return (await runNode(corpusLoadNode, {}, params)).outputs.notes as NoteSequence;
}

describe('markov.train', () => {
  it('learns from a real MIDI file the same chain as from the same tune in the corpus', async () => {
    const asset = { id: 'a1', name: 'AchonryLassesreelThe.mid', mime: 'audio/midi', bytes: fixture('AchonryLassesreelThe.mid') };
    const fromMidi = await runNode(markovTrainNode, {}, { midi: ['a1'], order: 2 }, { assets: [asset] });
    const tune = await corpus({ corpus: 'irish-train', tune: 1 });
    expect(tune.voices?.[0].name).toBe('AchonryLassesreelThe');
    const fromCorpus = await runNode(markovTrainNode, { notes: [tune] }, { order: 2 });
    const a = fromMidi.outputs.model as MarkovModel;
    const b = fromCorpus.outputs.model as MarkovModel;
    expect(modelPortType('markov').validate(a)).toBeNull();
    expect(a.vocab).toEqual(b.vocab);
    expect(Array.from(a.trie.nextCount)).toEqual(Array.from(b.trie.nextCount));
    expect(a.lines).toBe(1);
  });

  it('previews a labelled transition heatmap whose rows are distributions, and the state counts', async () => {
    const notes = await corpus({ corpus: 'irish-train', maxTunes: 30 });
    const { previews } = await runNode(markovTrainNode, { notes: [notes] }, { state: 'interval', order: 3 });
    const heatmap = previews!.find((p) => p.kind === 'heatmap') as Extract<Preview, { kind: 'heatmap' }>;
    expect(heatmap.rows).toBe(16);
    expect(heatmap.rowLabels).toContain('+2');
    expect(heatmap.rowLabels).toContain('-2');
    for (let r = 0; r < heatmap.rows; r++) {
      const row = heatmap.data.slice(r * heatmap.cols, (r + 1) * heatmap.cols);
      expect(row.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(1 + 1e-9);
    }
    const line = previews!.find((p) => p.kind === 'line') as Extract<Preview, { kind: 'line' }>;
    expect(line.series[0].values.reduce((x, y) => x + y, 0)).toBe(notes.notes.length - 30); // one interval fewer per tune
  });

  it('says what to connect when it has nothing to learn from', async () => {
    await expect(runNode(markovTrainNode, { notes: [] })).rejects.toThrow(/connect notes or add MIDI files/);
  });
});

describe('markov.generate', () => {
  it('continues a primer with valid notes at the model tempo, and plots the order used', async () => {
    const notes = await corpus({ corpus: 'jsb-soprano-train', maxTunes: 60 });
    const { outputs: { model } } = await runNode(markovTrainNode, { notes: [notes] }, { state: 'pitch+duration', order: 3 });
    const chorale = await corpus({ corpus: 'jsb-soprano-train', tune: 0 });
    const primer = { ...chorale, notes: chorale.notes.slice(0, 12) }; // a context seen in training
    const result = await runNode(markovGenerateNode, { model, primer }, { length: 48, seed: 4 }, { globalSeed: 0 });
    const out = result.outputs.notes as NoteSequence;
    expect(notesType.validate(out)).toBeNull();
    expect(out.notes).toHaveLength(primer.notes.length + 48);
    expect(out.tempo).toBe(80);
    expect(out.notes.slice(0, primer.notes.length).map((n) => n.pitch)).toEqual(primer.notes.map((n) => n.pitch));
    const orders = result.previews!.find((p) => p.kind === 'line') as Extract<Preview, { kind: 'line' }>;
    expect(orders.series[0].values).toHaveLength(48);
    expect(orders.series[0].values[0]).toBe(3); // the primer fills the first context
    const again = await runNode(markovGenerateNode, { model, primer }, { length: 48, seed: 4 }, { globalSeed: 0 });
    expect(again.outputs.notes).toEqual(out);
    const other = await runNode(markovGenerateNode, { model, primer }, { length: 48, seed: 5 }, { globalSeed: 0 });
    expect(other.outputs.notes).not.toEqual(out);
  });

  it('refuses a value that is not a Markov model, or one that markov.train did not make', async () => {
    await expect(runNode(markovGenerateNode, { model: { kind: 'fitness' } })).rejects.toThrow(/expected a markov model/);
    await expect(runNode(markovGenerateNode, { model: { kind: 'markov' } })).rejects.toThrow(/retrain it with markov.train/);
  });
});
