import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NoteSequence } from '../../../../src/engine/values';
import { builtinPortTypes } from '../../../../src/engine/portTypes';
import { readMidi } from '../../../../src/music/midi';
import { corpusLoadNode } from '../../../../nodes/symbolic/corpus/loadNode';
import { runNode } from '../../runNode';

const notesType = builtinPortTypes.find((t) => t.id === 'notes')!;
const load = async (params: Record<string, unknown>) => (await runNode(corpusLoadNode, {}, params)).outputs.notes as NoteSequence;

describe('corpus.load', () => {
  it('holds the standard splits: 1,081 + 114 Irish tunes, 229/76/77 chorales', async () => {
    expect((await load({ corpus: 'irish-train' })).voices).toHaveLength(1081);
    expect((await load({ corpus: 'irish-test' })).voices).toHaveLength(114);
    const all = await load({ corpus: 'irish-all' });
    expect(all.voices).toHaveLength(1195);
    expect(all.notes.length).toBeGreaterThan(213_000);
    expect((await load({ corpus: 'jsb-soprano-train' })).voices).toHaveLength(229);
    expect((await load({ corpus: 'jsb-chorales-valid' })).voices).toHaveLength(76 * 4);
    expect((await load({ corpus: 'jsb-chorales-test' })).voices).toHaveLength(77 * 4);
  });

  it('keeps the melody of a real CRÉ MIDI file note for note', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../../fixtures/midi/AchonryLassesreelThe.mid', import.meta.url)));
    const midi = readMidi(bytes, { track: 0 });
    const tune = await load({ corpus: 'irish-train', tune: 1 });
    expect(tune.voices?.[0].name).toBe('AchonryLassesreelThe');
    expect(tune.timeSignature).toEqual(midi.timeSignature);
    expect(tune.notes.map((n) => n.pitch)).toEqual(midi.notes.map((n) => n.pitch));
    tune.notes.forEach((n, i) => expect(n.start).toBeCloseTo(midi.notes[i].start, 1));
  });

  it('places tunes one after another, each voice its own, with tempo changes between them', async () => {
    const seq = await load({ corpus: 'jsb-chorales-train', maxTunes: 3 });
    expect(notesType.validate(seq)).toBeNull();
    expect(seq.voices?.map((v) => v.name)).toEqual([
      'train 1 soprano', 'train 1 alto', 'train 1 tenor', 'train 1 bass',
      'train 2 soprano', 'train 2 alto', 'train 2 tenor', 'train 2 bass',
      'train 3 soprano', 'train 3 alto', 'train 3 tenor', 'train 3 bass',
    ]);
    const span = (v: number) => {
      const ns = seq.notes.filter((n) => n.voice === v);
      return [Math.min(...ns.map((n) => n.start)), Math.max(...ns.map((n) => n.start + n.duration))];
    };
    expect(span(4)[0]).toBeGreaterThanOrEqual(span(0)[1]); // chorale 2 starts after chorale 1 ends
    expect(span(8)[0]).toBeGreaterThanOrEqual(span(7)[1]);
    const irish = await load({ corpus: 'irish-train', maxTunes: 4 });
    // A Trip to Galway (jig, 160), The Achonry Lasses (reel, 180), The Achreidh Jig (160), After the Hare (reel, 180)
    expect(irish.tempo).toBe(160);
    expect(irish.tempoChanges?.map((c) => c.bpm)).toEqual([180, 160, 180]);
    expect(irish.tempoChanges?.[0].beat).toBe(irish.notes.find((n) => n.voice === 1)!.start);
  });

  it('names the range when a tune index does not exist', async () => {
    await expect(load({ corpus: 'irish-test', tune: 500 })).rejects.toThrow(/tune 500 does not exist; irish-test has tunes 0–113/);
  });
});
