import { describe, expect, it } from 'vitest';
import { makeScale } from '../../../src/music/theory';
import { parseNotation } from '../../../src/music/notation';
import { transposeNode } from '../../../nodes/transform/transpose';
import { quantizeScaleNode, snapPitch } from '../../../nodes/transform/quantizeScale';
import { velocityNode } from '../../../nodes/transform/velocity';
import type { NoteSequence } from '../../../src/engine/values';
import { runNode } from '../runNode';
import { POLKA, tune } from '../io/fixtures/irishTunes';
import { chromaticOctave } from './material';

const pitches = (seq: unknown): number[] => (seq as NoteSequence).notes.map((n) => n.pitch);

describe('notes.transpose', () => {
  it('moves a real tune by semitones plus octaves and keeps its rhythm', async () => {
    const polka = tune(POLKA);
    const { outputs, previews } = await runNode(transposeNode, { notes: polka }, { semitones: -5, octaves: 1 });
    const out = outputs.notes as NoteSequence;
    expect(pitches(out)).toEqual(polka.notes.map((n) => n.pitch + 7));
    expect(out.notes.map((n) => [n.start, n.duration])).toEqual(polka.notes.map((n) => [n.start, n.duration]));
    expect(out.length).toBe(polka.length);
    expect(previews).toContainEqual(expect.objectContaining({ kind: 'pianoroll', port: 'notes' }));
  });

  it('folds notes past the MIDI range back by octaves', async () => {
    const { outputs } = await runNode(transposeNode, { notes: parseNotation('C9 G9 C-1') }, { semitones: 5 });
    expect(pitches(outputs.notes)).toEqual([125, 120, 5]);
  });

  it('leaves drum voices alone unless asked', async () => {
    const seq: NoteSequence = { ...parseNotation('[C2 E4]/4'), voices: [{}, { drums: true }] };
    seq.notes[0].voice = 1; // C2 = kick on the drum voice
    const kept = await runNode(transposeNode, { notes: seq }, { semitones: 2 });
    expect(pitches(kept.outputs.notes)).toEqual([36, 66]);
    const moved = await runNode(transposeNode, { notes: seq }, { semitones: 2, skipDrums: false });
    expect(pitches(moved.outputs.notes)).toEqual([38, 66]);
  });
});

describe('notes.quantize-scale', () => {
  it('maps out-of-scale notes to the nearest scale tones (ties go down)', async () => {
    const { outputs } = await runNode(quantizeScaleNode, { notes: chromaticOctave() }, { tonic: 'C', scaleName: 'major' });
    expect(pitches(outputs.notes)).toEqual([60, 60, 62, 62, 64, 65, 65, 67, 67, 69, 69, 71]);
  });

  it('snaps up or down when told, staying inside 0–127', () => {
    const major = makeScale('C', 'major').pitchClasses;
    expect([61, 63, 66, 68, 70].map((p) => snapPitch(p, major, 'up'))).toEqual([62, 64, 67, 69, 71]);
    expect([61, 63, 66, 68, 70].map((p) => snapPitch(p, major, 'down'))).toEqual([60, 62, 65, 67, 69]);
    expect(snapPitch(127, [0, 4], 'up')).toBe(124); // C10 would be past G9
    expect(snapPitch(1, [10], 'down')).toBe(10); // Bb-2 would be below C-1
    expect(snapPitch(62, [0, 4, 7], 'nearest')).toBe(60);
  });

  it('takes the scale input over its params, merging notes that collapse together', async () => {
    const chord = parseNotation('[C4 C#4 E4 G4]/2@0.5');
    chord.notes[1].velocity = 0.9;
    chord.notes[1].duration = 3;
    const aMinorPentatonic = makeScale('A', 'minor pentatonic');
    const { outputs, previews } = await runNode(quantizeScaleNode, { notes: chord, scale: aMinorPentatonic }, { tonic: 'F#' });
    const out = outputs.notes as NoteSequence;
    expect(out.notes.map((n) => [n.pitch, n.velocity, n.duration])).toEqual([[60, 0.9, 3], [64, 0.5, 2], [67, 0.5, 2]]);
    expect(previews?.[0].title).toBe('In A minor pentatonic');
  });

  it('moves only the out-of-key notes of a real tune', async () => {
    const polka = tune(POLKA); // G major: its F#s are the only notes outside C major
    const { outputs } = await runNode(quantizeScaleNode, { notes: polka }, { scaleName: 'major', direction: 'up' });
    const changed = (outputs.notes as NoteSequence).notes
      .map((n, i) => [polka.notes[i].pitch % 12, n.pitch - polka.notes[i].pitch])
      .filter(([, d]) => d !== 0);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every(([pc, d]) => pc === 6 && d === 1)).toBe(true);
    expect(changed.length).toBe(polka.notes.filter((n) => n.pitch % 12 === 6).length);
  });
});

describe('notes.velocity', () => {
  const seq = parseNotation('C4@0.2 D4@0.5 E4@0.9');
  const velocities = async (params: Record<string, unknown>): Promise<number[]> =>
    ((await runNode(velocityNode, { notes: seq }, params)).outputs.notes as NoteSequence).notes.map((n) => n.velocity);

  it('scales, clamping at 1', async () => {
    expect(await velocities({ mode: 'scale', factor: 1.5 })).toEqual([0.2 * 1.5, 0.75, 1]);
  });
  it('bends with a curve: below 1 lifts soft notes most', async () => {
    const v = await velocities({ mode: 'curve', exponent: 0.5 });
    expect(v.map((x) => Math.round(x * 1000) / 1000)).toEqual([0.447, 0.707, 0.949]);
  });
  it('sets every note, never to silence', async () => {
    expect(await velocities({ mode: 'set', value: 0.6 })).toEqual([0.6, 0.6, 0.6]);
    expect(await velocities({ mode: 'set', value: 0 })).toEqual([1 / 127, 1 / 127, 1 / 127]);
  });
});
