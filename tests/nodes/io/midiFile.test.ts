import { describe, expect, it } from 'vitest';
import type { NoteSequence } from '../../../src/engine/values';
import { readMidi, writeMidi } from '../../../src/music/midi';
import { parseNotation } from '../../../src/music/notation';
import { stackSequences } from '../../../nodes/transform/merge';
import { midiFileNode } from '../../../nodes/io/midiFile';
import { midiTracksNode } from '../../../nodes/io/midiTracks';
import { makeAsset, runNode } from '../runNode';
import { POLKA, tuneBytes } from './fixtures/irishTunes';

/** A three-track file written in the test: melody, bass and drums. */
function bandFile(): Uint8Array {
  const seq = stackSequences([
    parseNotation('E5/4 D5 C5/2'),
    parseNotation('C3/1'),
    parseNotation('C2/4 D2 C2 D2'),
  ], true);
  seq.voices = [{ name: 'Melody', program: 73 }, { name: 'Bass', program: 32 }, { name: 'Drums', drums: true }];
  return writeMidi(seq);
}

const band = makeAsset('band', 'band.mid', bandFile(), 'audio/midi');
const notesOf = (outputs: Record<string, unknown>): NoteSequence => outputs.notes as NoteSequence;
const pitches = (seq: NoteSequence, voice: number): number[] => seq.notes.filter((n) => (n.voice ?? 0) === voice).map((n) => n.pitch);

describe('midi.file', () => {
  it('reads a real tune embedded in the patch, with a piano roll and a summary', async () => {
    const polka = makeAsset('a1', POLKA, tuneBytes(POLKA), 'audio/midi');
    const { outputs, previews } = await runNode(midiFileNode, {}, { file: 'a1' }, { assets: [polka] });
    const seq = notesOf(outputs);
    expect(seq).toEqual(readMidi(tuneBytes(POLKA), { fileName: POLKA }));
    expect(seq.notes.length).toBe(61);
    expect(seq.timeSignature).toEqual({ numerator: 2, denominator: 4 });
    expect(previews?.[0]).toEqual({ kind: 'pianoroll', title: POLKA, port: 'notes' });
    expect(previews?.[1]).toMatchObject({ kind: 'text', text: expect.stringContaining('61 notes, 34 beats at 120 BPM in 2/4') });
  });

  it('makes each track a voice, or takes one track or one channel', async () => {
    const all = notesOf((await runNode(midiFileNode, {}, { file: 'band' }, { assets: [band] })).outputs);
    expect([pitches(all, 0), pitches(all, 1), pitches(all, 2)]).toEqual([[76, 74, 72], [48], [36, 38, 36, 38]]);
    expect(all.voices?.map((v) => v.name)).toEqual(['Melody', 'Bass', 'Drums']);
    const bass = notesOf((await runNode(midiFileNode, {}, { file: 'band', track: 1 }, { assets: [band] })).outputs);
    expect(pitches(bass, 0)).toEqual([48]);
    const drums = notesOf((await runNode(midiFileNode, {}, { file: 'band', channel: 10 }, { assets: [band] })).outputs);
    expect(drums.voices).toEqual([{ name: 'Drums', program: 0, drums: true }]);
    expect(pitches(drums, 0)).toEqual([36, 38, 36, 38]);
  });

  it('transposes on the way in, leaving the drums', async () => {
    const up = notesOf((await runNode(midiFileNode, {}, { file: 'band', transpose: 2 }, { assets: [band] })).outputs);
    expect([pitches(up, 0), pitches(up, 1), pitches(up, 2)]).toEqual([[78, 76, 74], [50], [36, 38, 36, 38]]);
  });

  it('says clearly what is wrong', async () => {
    await expect(runNode(midiFileNode)).rejects.toThrow('midi.file: no file chosen');
    await expect(runNode(midiFileNode, {}, { file: 'gone' })).rejects.toThrow('the patch has no asset "gone"');
    const broken = makeAsset('b', 'broken.mid', new TextEncoder().encode('not midi at all'));
    await expect(runNode(midiFileNode, {}, { file: 'b' }, { assets: [broken] }))
      .rejects.toThrow('midi.file: broken.mid: not a Standard MIDI File');
    await expect(runNode(midiFileNode, {}, { file: 'band', track: 5 }, { assets: [band] }))
      .rejects.toThrow('midi.file: band.mid: no track 5 (the file has tracks 0–2)');
    await expect(runNode(midiFileNode, {}, { file: 'band', channel: 4 }, { assets: [band] }))
      .rejects.toThrow('no notes on channel 4 (notes are on channels 1, 2, 10)');
  });
});

describe('midi.tracks', () => {
  it('lists the tracks of an embedded file, one line each', async () => {
    const { outputs } = await runNode(midiTracksNode, {}, { file: 'band' }, { assets: [band] });
    expect(outputs.text).toBe([
      '0: Melody — channel 1, program 73, 3 notes',
      '1: Bass — channel 2, program 32, 1 note',
      '2: Drums — channel 10 (drums), program 0, 4 notes',
    ].join('\n'));
  });

  it('reports a broken file', async () => {
    const broken = makeAsset('b', 'broken.mid', new Uint8Array([0x4d, 0x54]));
    await expect(runNode(midiTracksNode, {}, { file: 'b' }, { assets: [broken] })).rejects.toThrow('midi.tracks: broken.mid:');
  });
});
