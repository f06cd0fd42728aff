import { describe, expect, it } from 'vitest';
import type { NoteSequence } from '../../../src/engine/values';
import { parseNotation } from '../../../src/music/notation';
import { loopNode } from '../../../nodes/transform/loop';
import { concatNode } from '../../../nodes/transform/concat';
import { mergeNode } from '../../../nodes/transform/merge';
import { runNode } from '../runNode';
import { JIG, POLKA, tune } from '../io/fixtures/irishTunes';

const notesOf = (outputs: Record<string, unknown>): NoteSequence => outputs.notes as NoteSequence;

describe('notes.loop', () => {
  it('repeats a clip N times, trailing rest included', async () => {
    const riff = parseNotation('E2/8 E2 G2 r/8 A2/4'); // 3 beats
    const out = notesOf((await runNode(loopNode, { notes: riff }, { times: 3 })).outputs);
    expect(out.length).toBe(9);
    expect(out.notes.map((n) => n.start)).toEqual([0, 0.5, 1, 2, 3, 3.5, 4, 5, 6, 6.5, 7, 8]);
    expect(out.notes.map((n) => n.pitch)).toEqual([40, 40, 43, 45, 40, 40, 43, 45, 40, 40, 43, 45]);
  });

  it('loops to a length, cutting the last copy exactly there', async () => {
    const riff = parseNotation('C4/2 D4/1 E4/2'); // 8 beats
    const out = notesOf((await runNode(loopNode, { notes: riff }, { mode: 'length', length: 19 })).outputs);
    expect(out.length).toBe(19);
    expect(out.notes.map((n) => [n.pitch, n.start, n.duration])).toEqual([
      [60, 0, 2], [62, 2, 4], [64, 6, 2], [60, 8, 2], [62, 10, 4], [64, 14, 2], [60, 16, 2], [62, 18, 1],
    ]);
    const cut = parseNotation('C4/1');
    const held = notesOf((await runNode(loopNode, { notes: cut }, { mode: 'length', length: 6 })).outputs);
    expect(held.notes.map((n) => [n.start, n.duration])).toEqual([[0, 4], [4, 2]]);
  });

  it('restores the tempo at each copy of a piece with tempo changes', async () => {
    const seq: NoteSequence = { ...parseNotation('C4/1 D4/1'), tempo: 100, tempoChanges: [{ beat: 4, bpm: 80 }] };
    const out = notesOf((await runNode(loopNode, { notes: seq }, { times: 2 })).outputs);
    expect(out.tempoChanges).toEqual([{ beat: 4, bpm: 80 }, { beat: 8, bpm: 100 }, { beat: 12, bpm: 80 }]);
  });

  it('refuses an empty clip', async () => {
    await expect(runNode(loopNode, { notes: parseNotation('') })).rejects.toThrow('notes.loop: the input has length 0');
  });
});

describe('notes.concat', () => {
  it('plays real tunes one after another: lengths add, each keeps its tempo', async () => {
    const polka = tune(POLKA);
    const jig = tune(JIG);
    const out = notesOf((await runNode(concatNode, { notes: [polka, jig] })).outputs);
    expect(out.length).toBe(polka.length + jig.length);
    expect(out.notes.length).toBe(polka.notes.length + jig.notes.length);
    expect(out.notes.slice(polka.notes.length).map((n) => [n.pitch, n.start]))
      .toEqual(jig.notes.map((n) => [n.pitch, n.start + polka.length]));
    expect(out.tempo).toBe(120);
    expect(out.tempoChanges).toEqual([{ beat: polka.length, bpm: 160 }]);
    expect(out.timeSignature).toEqual(polka.timeSignature);
    expect(out.voices?.[0].name).toBe(polka.voices?.[0].name);
  });

  it('follows edge order', async () => {
    const a = parseNotation('C4/2');
    const b = parseNotation('G4/4 r/4');
    const ab = notesOf((await runNode(concatNode, { notes: [a, b] })).outputs);
    const ba = notesOf((await runNode(concatNode, { notes: [b, a] })).outputs);
    expect(ab.notes.map((n) => [n.pitch, n.start])).toEqual([[60, 0], [67, 2]]);
    expect(ba.notes.map((n) => [n.pitch, n.start])).toEqual([[67, 0], [60, 2]]);
    expect([ab.length, ba.length]).toEqual([4, 4]);
  });

  it('needs at least one input', async () => {
    await expect(runNode(concatNode, { notes: [] })).rejects.toThrow('notes.concat: connect at least one notes input');
  });
});

describe('notes.merge', () => {
  const melody = parseNotation('E5/4 D5 C5/2');
  const bass = { ...parseNotation('[C3 G3]/1 C3/2'), voices: [{ name: 'Bass', program: 32 }] };

  it('stacks layers with separate voices, renumbered after the previous layer', async () => {
    const twoVoice = { ...melody, notes: melody.notes.map((n, i) => ({ ...n, voice: i % 2 })) };
    const out = notesOf((await runNode(mergeNode, { notes: [twoVoice, bass] })).outputs);
    expect(out.notes.filter((n) => n.voice === 2).map((n) => n.pitch)).toEqual([48, 55, 48]);
    expect(out.notes.filter((n) => (n.voice ?? 0) < 2).map((n) => n.pitch)).toEqual([76, 74, 72]);
    expect(out.voices).toEqual([{}, {}, { name: 'Bass', program: 32 }]);
    expect(out.length).toBe(6);
  });

  it('folds layers onto the same voice numbers when told', async () => {
    const out = notesOf((await runNode(mergeNode, { notes: [melody, bass] }, { separateVoices: false })).outputs);
    expect(out.notes.every((n) => (n.voice ?? 0) === 0)).toBe(true);
    expect(out.notes.length).toBe(6);
  });
});
