/** The `notes.transpose` node: shifts pitches by semitones and octaves, folding into the MIDI range. */
import { defineNode } from '../../src/engine/node';
import type { NoteSequence } from '../../src/engine/values';
import { withNotes } from '../../src/music/noteSequence';

/** Moves `pitch` by whole octaves until it lies in 0–127. */
function foldIntoRange(pitch: number): number {
  let p = pitch;
  while (p < 0) p += 12;
  while (p > 127) p -= 12;
  return p;
}

/**
 * Transposes every note by `semitones`, leaving drum voices alone when `skipDrums` is set.
 * @example
 * transposeSequence(seq, 7).notes[0].pitch; // a fifth higher
 */
export function transposeSequence(seq: NoteSequence, semitones: number, skipDrums = true): NoteSequence {
  const isDrums = (voice = 0): boolean => skipDrums && seq.voices?.[voice]?.drums === true;
  return withNotes(seq, seq.notes.map((n) => (isDrums(n.voice) ? { ...n } : { ...n, pitch: foldIntoRange(n.pitch + semitones) })));
}

/** Transposes notes by semitones and octaves. */
export const transposeNode = defineNode({
  type: 'notes.transpose',
  title: 'Transpose',
  category: 'transform',
  doc: 'Shifts every note up or down by a number of semitones plus whole octaves, the oldest '
    + 'transformation of a melody (a sequence in the Baroque sense, or a key change). Notes pushed '
    + 'past the MIDI range are folded back by octaves so none is lost, and drum voices stay where '
    + 'they are, since on a drum track a pitch chooses an instrument, not a note.',
  inputs: { notes: { type: 'notes' } },
  outputs: { notes: { type: 'notes' } },
  params: {
    semitones: { kind: 'int', default: 0, min: -48, max: 48, unit: 'st', doc: 'Semitones up (negative: down).' },
    octaves: { kind: 'int', default: 0, min: -4, max: 4, doc: 'Whole octaves up (negative: down).' },
    skipDrums: { kind: 'bool', default: true, doc: 'Leave drum voices untransposed.' },
  },
  run: ({ notes }, { semitones, octaves, skipDrums }) => ({
    outputs: { notes: transposeSequence(notes, semitones + 12 * octaves, skipDrums) },
    previews: [{ kind: 'pianoroll', title: 'Transposed', port: 'notes' }],
  }),
});
