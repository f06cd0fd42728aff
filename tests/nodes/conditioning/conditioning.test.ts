import { describe, expect, it } from 'vitest';
import { chordsNode } from '../../../nodes/conditioning/chordsNode';
import { chordsToNotesNode } from '../../../nodes/conditioning/chordsToNotesNode';
import { romanToChordSymbol } from '../../../nodes/conditioning/romanNumerals';
import { scaleNode } from '../../../nodes/conditioning/scaleNode';
import { tempoMeterNode } from '../../../nodes/conditioning/tempoMeterNode';
import type { Chords, NoteSequence, Scale } from '../../../src/engine/values';
import { parseNotation } from '../../../src/music/notation';
import { runNode } from '../runNode';

const chordsOf = async (progression: string, params: Record<string, unknown> = {}): Promise<Chords> =>
  (await runNode(chordsNode, {}, { progression, ...params })).outputs.chords as Chords;

describe('condition.scale', () => {
  it('outputs the pitch classes of a tonal scale and names its notes', async () => {
    const { outputs, previews } = await runNode(scaleNode, {}, { tonic: 'D', scaleName: 'dorian' });
    expect(outputs.scale).toEqual({ tonic: 'D', name: 'dorian', pitchClasses: [2, 4, 5, 7, 9, 11, 0] });
    expect(previews?.[0]).toMatchObject({ kind: 'text', text: 'D E F G A B C' });
    const blues = (await runNode(scaleNode, {}, { tonic: 'Eb', scaleName: 'minor pentatonic' })).outputs.scale as Scale;
    expect(blues.pitchClasses).toEqual([3, 6, 8, 10, 1]);
  });
});

describe('condition.chords', () => {
  it('reads chord names with durations in beats', async () => {
    const chords = await chordsOf('Am:4 F:4 C:2 G:2 | E7');
    expect(chords.chords.map((c) => [c.symbol, c.start, c.duration])).toEqual([
      ['Am', 0, 4], ['F', 4, 4], ['C', 8, 2], ['G', 10, 2], ['E7', 12, 4],
    ]);
    expect(chords.chords[4].pitchClasses).toEqual([4, 8, 11, 2]);
    expect(chords.length).toBe(16);
  });

  it('reads roman numerals in a minor key, with natural-minor degrees and the leading tone for vii°', async () => {
    const chords = await chordsOf('i iv V i III VI VII viio7 iiø7', { tonic: 'A', mode: 'minor', beats: 2 });
    expect(chords.chords.map((c) => c.symbol)).toEqual(['Am', 'Dm', 'E', 'Am', 'C', 'F', 'G', 'G#dim7', 'Bm7b5']);
    expect(chords.chords[2].pitchClasses).toEqual([4, 8, 11]);
    expect(chords.length).toBe(18);
  });

  it('reads roman numerals in a major key with accidentals and sevenths', () => {
    expect(['I', 'vi', 'ii7', 'V7', 'IVmaj7', 'bVII', 'bIII+'].map((r) => romanToChordSymbol(r, 'Eb', 'major')))
      .toEqual(['Eb', 'Cm', 'Fm7', 'Bb7', 'Abmaj7', 'Db', 'Gbaug']);
  });

  it('leaves a silent span for "-" and previews a pitch-class heatmap', async () => {
    const { outputs, previews } = await runNode(chordsNode, {}, { progression: 'C:2 - G:2' });
    const chords = outputs.chords as Chords;
    expect(chords.chords.map((c) => [c.symbol, c.start])).toEqual([['C', 0], ['G', 6]]);
    const heat = previews?.find((p) => p.kind === 'heatmap');
    expect(heat?.kind === 'heatmap' && [heat.rows, heat.cols, heat.data[0], heat.data[1], heat.data[7 * 2 + 1]]).toEqual([12, 2, 1, 0, 1]);
  });

  it('names the bad chord and its position', async () => {
    await expect(chordsOf('Am F Xq G')).rejects.toThrow(/condition.chords: chord 3 "Xq": not a chord name or roman numeral/);
    await expect(chordsOf('Am:0')).rejects.toThrow(/chord 1 "Am:0": "0" is not a positive number of beats/);
    await expect(chordsOf('  ')).rejects.toThrow(/the progression is empty/);
  });
});

describe('condition.tempo-meter', () => {
  it('sets tempo and meter, drops tempo changes and rounds the length to bars', async () => {
    const melody: NoteSequence = { ...parseNotation('C4 D4 E4 F4 G4'), tempoChanges: [{ beat: 2, bpm: 80 }] };
    const { outputs, previews } = await runNode(tempoMeterNode, { notes: melody }, { bpm: 90, numerator: 3, denominator: '4' });
    const out = outputs.notes as NoteSequence;
    expect([out.tempo, out.timeSignature, out.tempoChanges]).toEqual([90, { numerator: 3, denominator: 4 }, undefined]);
    expect(out.notes.map((n) => [n.pitch, n.start])).toEqual(melody.notes.map((n) => [n.pitch, n.start]));
    expect(out.length).toBe(Math.ceil(melody.length / 3) * 3);
    expect(previews?.[0]).toMatchObject({ kind: 'text' });
    const eighths = (await runNode(tempoMeterNode, { notes: melody }, { numerator: 7, denominator: '8' })).outputs.notes as NoteSequence;
    expect(eighths.length % 3.5).toBe(0);
  });
});

describe('condition.chords-to-notes', () => {
  it('plays block chords in root position and the roots in the bass on separate voices', async () => {
    const chords = await chordsOf('Am:4 F:4');
    const { outputs } = await runNode(chordsToNotesNode, { chords }, { voicing: 'root', octave: 3, bassOctave: 2 });
    const seq = outputs.notes as NoteSequence;
    expect(seq.voices).toEqual([{ name: 'Chords' }, { name: 'Bass' }]);
    const at = (beat: number, voice: number): number[] => seq.notes.filter((n) => n.start === beat && n.voice === voice).map((n) => n.pitch);
    expect(at(0, 0)).toEqual([57, 60, 64]);
    expect(at(4, 0)).toEqual([53, 57, 60]);
    expect([at(0, 1), at(4, 1)]).toEqual([[45], [41]]);
  });

  it('smooth voicing keeps common tones; pulse re-strikes', async () => {
    const chords = await chordsOf('Am:4 F:4 C:4');
    const { outputs } = await runNode(chordsToNotesNode, { chords }, { style: 'block', octave: 3, pulse: 2 });
    const seq = outputs.notes as NoteSequence;
    const at = (beat: number): number[] => seq.notes.filter((n) => n.start === beat).map((n) => n.pitch);
    expect(at(4)).toEqual([57, 60, 65]); // F/A: A and C stay
    expect(at(8)).toEqual([55, 60, 64]); // C/G: C stays, E and G nearest
    expect(at(2)).toEqual(at(0));
    expect(seq.notes.every((n) => n.duration === 2)).toBe(true);
    expect(seq.voices).toEqual([{ name: 'Chords' }]);
  });
});
