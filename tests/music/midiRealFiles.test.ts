import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PortTypeRegistry } from '../../src/engine/portTypes';
import { listMidiTracks, readMidi, writeMidi } from '../../src/music/midi';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/midi/${name}`, import.meta.url)));
const validateNotes = new PortTypeRegistry().get('notes')!.validate;

/** Four tunes of the CRÉ corpus (see tests/fixtures/midi/CREDITS.md) with their meter and annotated root. */
const tunes = [
  { file: 'AchonryLassesreelThe.mid', title: 'Achonry Lasses', meter: [4, 4], root: 7 },
  { file: 'AchreidhJigThe.mid', title: 'Achreidh Jig', meter: [6, 8], root: 0 },
  { file: 'BackGardenpolkaThe.mid', title: 'Back Garden', meter: [2, 4], root: 2 },
  { file: 'BobandJoanStoneybatter.mid', title: 'Bob and Joan', meter: [9, 8], root: 7 },
];

describe('real MIDI files (Irish dance tunes)', () => {
  it.each(tunes)('$file loads with plausible notes, tempo and meter', ({ file, title, meter, root }) => {
    const melody = readMidi(fixture(file), { fileName: file, track: 0 });
    expect(validateNotes(melody)).toBeNull();
    expect([melody.timeSignature.numerator, melody.timeSignature.denominator]).toEqual(meter);
    expect(melody.tempo).toBeGreaterThanOrEqual(80);
    expect(melody.tempo).toBeLessThanOrEqual(240);
    expect(melody.voices?.[0].name).toContain(title);
    expect(melody.notes.length).toBeGreaterThan(60);
    // A monophonic melody in the range of a fiddle or whistle.
    for (const n of melody.notes) {
      expect(n.pitch).toBeGreaterThanOrEqual(55);
      expect(n.pitch).toBeLessThanOrEqual(96);
    }
    for (let i = 1; i < melody.notes.length; i++) {
      const prev = melody.notes[i - 1];
      expect(melody.notes[i].start).toBeGreaterThanOrEqual(prev.start + prev.duration - 1e-9);
    }
    // The corpus' hand-annotated root is among the three pitch classes that sound longest.
    const weight = new Array(12).fill(0);
    for (const n of melody.notes) weight[n.pitch % 12] += n.duration;
    const top3 = weight.map((w, pc) => [w, pc]).sort((a, b) => b[0] - a[0]).slice(0, 3).map(([, pc]) => pc);
    expect(top3).toContain(root);
    // Length is whole bars and covers every note.
    const bar = (meter[0] * 4) / meter[1];
    expect(melody.length % bar).toBeCloseTo(0, 9);
    expect(melody.length).toBeGreaterThanOrEqual(Math.max(...melody.notes.map((n) => n.start + n.duration)));
  });

  it('reads every track of the format 1 jig as its own voice', () => {
    const bytes = fixture('AchreidhJigThe.mid');
    const tracks = listMidiTracks(bytes);
    expect(tracks.map((t) => t.channel)).toEqual([1, 2, 3]);
    const seq = readMidi(bytes);
    expect(seq.voices).toHaveLength(3);
    tracks.forEach((t, voice) => expect(seq.notes.filter((n) => n.voice === voice)).toHaveLength(t.noteCount));
  });

  it.each(tunes)('$file survives a write/read round trip unchanged', ({ file }) => {
    const seq = readMidi(fixture(file));
    expect(readMidi(writeMidi(seq))).toEqual(seq);
  });
});
