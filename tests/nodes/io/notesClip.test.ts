import { describe, expect, it } from 'vitest';
import type { NoteSequence } from '../../../src/engine/values';
import { notesClipNode } from '../../../nodes/io/notesClip';
import { runNode } from '../runNode';

const notesOf = (outputs: Record<string, unknown>): NoteSequence => outputs.notes as NoteSequence;

describe('notes.clip', () => {
  it('turns typed notes into a sequence with its tempo, meter and velocity', async () => {
    const { outputs, previews } = await runNode(notesClipNode, {}, {
      text: 'D4/8 | G4/4 G4/8 G4/4 A4/8 | B4/4. [G3 D4 B4]/4.@0.5', tempo: 100, meter: '6/8', velocity: 0.7,
    });
    const seq = notesOf(outputs);
    expect(seq.notes.map((n) => [n.pitch, n.start, n.duration, n.velocity])).toEqual([
      [62, 0, 0.5, 0.7], [67, 0.5, 1, 0.7], [67, 1.5, 0.5, 0.7], [67, 2, 1, 0.7], [69, 3, 0.5, 0.7],
      [71, 3.5, 1.5, 0.7], [55, 5, 1.5, 0.5], [62, 5, 1.5, 0.5], [71, 5, 1.5, 0.5],
    ]);
    expect([seq.tempo, seq.timeSignature, seq.length]).toEqual([100, { numerator: 6, denominator: 8 }, 6.5]);
    expect(previews).toEqual([{ kind: 'pianoroll', title: 'Clip', port: 'notes' }]);
  });

  it('plays its default clip', async () => {
    const seq = notesOf((await runNode(notesClipNode)).outputs);
    expect(seq.notes.map((n) => n.pitch)).toEqual([60, 64, 67, 60, 64, 67]);
    expect(seq.length).toBe(5);
  });

  it('names the position and token of a mistake', async () => {
    await expect(runNode(notesClipNode, {}, { text: 'C4/4 E4/8 G4/8 H4/4' }))
      .rejects.toThrow('notes.clip: at char 16, "H4/4": not a note name');
    await expect(runNode(notesClipNode, {}, { meter: '4-4' })).rejects.toThrow('notes.clip: meter "4-4" is not a time signature');
  });
});
