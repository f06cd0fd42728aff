/** The `notes.concat` node: plays sequences one after another, in edge order. */
import { defineNode } from '../../src/engine/node';
import type { Note, NoteSequence, TempoChange, VoiceInfo } from '../../src/engine/values';
import { sortNotes } from '../../src/music/noteSequence';

/**
 * Places each sequence after the previous one by its length. Meter and voice names come from the
 * first that has them; where a part's tempo differs, a tempo change keeps it at its own speed.
 * @example
 * concatSequences([intro, verse]).length === intro.length + verse.length; // true
 */
export function concatSequences(seqs: readonly NoteSequence[]): NoteSequence {
  if (seqs.length === 0) throw new Error('notes.concat: connect at least one notes input');
  const notes: Note[] = [];
  const tempoChanges: TempoChange[] = [];
  const voices: VoiceInfo[] = [];
  let offset = 0;
  let tempo = seqs[0].tempo;
  for (const seq of seqs) {
    if (seq.tempo !== tempo) tempoChanges.push({ beat: offset, bpm: seq.tempo });
    tempo = seq.tempo;
    for (const c of seq.tempoChanges ?? []) {
      tempoChanges.push({ beat: c.beat + offset, bpm: c.bpm });
      tempo = c.bpm;
    }
    for (const n of seq.notes) notes.push({ ...n, start: n.start + offset });
    seq.voices?.forEach((v, i) => { voices[i] ??= v; });
    offset += seq.length;
  }
  const out: NoteSequence = { ...seqs[0], notes: sortNotes(notes), length: offset };
  if (tempoChanges.length > 0) out.tempoChanges = tempoChanges;
  else delete out.tempoChanges;
  if (voices.length > 0) out.voices = Array.from(voices, (v) => v ?? {});
  return out;
}

/** Joins sequences end to end. */
export const concatNode = defineNode({
  type: 'notes.concat',
  title: 'Concatenate',
  category: 'transform',
  doc: 'Plays its inputs one after another, in the order their edges were connected, each starting '
    + 'where the previous one\'s length ends (trailing rests count). This is how sections become a '
    + 'form — intro, A, A, B, A — and how a generated continuation follows its prompt. Voice numbers '
    + 'are kept, so voice 0 of each part continues the same line; the first part\'s meter holds and '
    + 'each part keeps its own tempo.',
  inputs: { notes: { type: 'notes', multiple: true, doc: 'Parts in edge order.' } },
  outputs: { notes: { type: 'notes' } },
  run: ({ notes }) => ({
    outputs: { notes: concatSequences(notes) },
    previews: [{ kind: 'pianoroll', title: `${notes.length} parts in a row`, port: 'notes' }],
  }),
});
