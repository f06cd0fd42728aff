/** The `notes.loop` node: repeats a sequence N times or until a length in beats. */
import { defineNode } from '../../src/engine/node';
import type { Note, NoteSequence, TempoChange } from '../../src/engine/values';
import { sortNotes } from '../../src/music/noteSequence';

/**
 * Repeats `seq` every `seq.length` beats until `total` beats; notes still sounding at the end are
 * cut there, so the result is exactly `total` beats long.
 * @example
 * loopToLength(twoBarRiff, 32).length; // 32
 */
export function loopToLength(seq: NoteSequence, total: number): NoteSequence {
  const period = seq.length;
  if (!(period > 0)) throw new Error('notes.loop: the input has length 0, so there is nothing to repeat');
  if (!(total > 0)) throw new Error(`notes.loop: the target length must be positive, got ${total}`);
  const notes: Note[] = [];
  const tempoChanges: TempoChange[] = [];
  for (let copy = 0; copy * period < total - 1e-9; copy++) {
    const offset = copy * period;
    for (const n of seq.notes) {
      const start = n.start + offset;
      if (start >= total - 1e-9) continue;
      notes.push({ ...n, start, duration: Math.min(n.duration, total - start) });
    }
    if (offset > 0 && seq.tempoChanges?.length) tempoChanges.push({ beat: offset, bpm: seq.tempo });
    for (const c of seq.tempoChanges ?? []) if (c.beat + offset < total) tempoChanges.push({ ...c, beat: c.beat + offset });
  }
  const out: NoteSequence = { ...seq, notes: sortNotes(notes), length: total };
  if (seq.tempoChanges) out.tempoChanges = tempoChanges;
  return out;
}

/** Repeats notes a number of times or to a length. */
export const loopNode = defineNode({
  type: 'notes.loop',
  title: 'Loop',
  category: 'transform',
  doc: 'Repeats a sequence back to back, each copy starting where the previous one\'s length ends: '
    + 'the loop of tape music, the ostinato and the riff, and how phase and minimal music (Reich, '
    + 'Riley\'s In C) build form out of repetition. Repeat a number of times, or until a length in '
    + 'beats, where the last copy is cut so the result ends exactly there; loop two clips of '
    + 'different lengths and merge them to hear them drift against each other.',
  inputs: { notes: { type: 'notes' } },
  outputs: { notes: { type: 'notes' } },
  params: {
    mode: { kind: 'enum', options: ['times', 'length'], default: 'times', doc: 'Repeat a count or to a length.' },
    times: { kind: 'int', default: 2, min: 1, max: 256, doc: 'How many copies (mode "times").' },
    length: { kind: 'float', default: 16, min: 0.25, max: 4096, unit: 'beats', doc: 'Total length (mode "length").' },
  },
  run: ({ notes }, { mode, times, length }) => {
    const total = mode === 'times' ? notes.length * times : length;
    return {
      outputs: { notes: loopToLength(notes, total) },
      previews: [{ kind: 'pianoroll', title: 'Looped', port: 'notes' }],
    };
  },
});
