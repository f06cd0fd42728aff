/** The `notes.merge` node: stacks sequences so they play together. */
import { defineNode } from '../../src/engine/node';
import type { NoteSequence, VoiceInfo } from '../../src/engine/values';
import { mergeSequences } from '../../src/music/noteSequence';

/** The number of voices a sequence uses: its highest voice index + 1, or its voice list's length. */
export function voiceCount(seq: NoteSequence): number {
  let count = Math.max(1, seq.voices?.length ?? 0);
  for (const n of seq.notes) count = Math.max(count, (n.voice ?? 0) + 1);
  return count;
}

/**
 * Stacks sequences from beat 0; with `separateVoices` each input's voices are renumbered after the
 * previous input's, so every input stays its own voice (track) downstream.
 * @example
 * stackSequences([melody, bass], true).notes.filter((n) => n.voice === 1); // the bass
 */
export function stackSequences(seqs: readonly NoteSequence[], separateVoices: boolean): NoteSequence {
  if (seqs.length === 0) throw new Error('notes.merge: connect at least one notes input');
  if (!separateVoices) return mergeSequences(seqs);
  const shifted: NoteSequence[] = [];
  const voices: VoiceInfo[] = [];
  let first = 0;
  for (const seq of seqs) {
    const count = voiceCount(seq);
    shifted.push({ ...seq, notes: seq.notes.map((n) => ({ ...n, voice: (n.voice ?? 0) + first })) });
    for (let v = 0; v < count; v++) voices.push(seq.voices?.[v] ?? {});
    first += count;
  }
  return { ...mergeSequences(shifted), voices };
}

/** Stacks sequences to play at once. */
export const mergeNode = defineNode({
  type: 'notes.merge',
  title: 'Merge',
  category: 'transform',
  doc: 'Stacks its inputs so they play at the same time from beat 0 — a melody over a bass line, '
    + 'a canon from one line and its delayed copy, layers of a texture. By default every input keeps '
    + 'its own voices (they are renumbered after the previous input\'s), so each stays a separate '
    + 'track with its own instrument in the MIDI export; turn that off to fold inputs onto the same '
    + 'voice numbers. Tempo and meter come from the first input, the length from the longest.',
  inputs: { notes: { type: 'notes', multiple: true, doc: 'Layers in edge order.' } },
  outputs: { notes: { type: 'notes' } },
  params: {
    separateVoices: { kind: 'bool', default: true, doc: 'Give each input its own voice numbers.' },
  },
  run: ({ notes }, { separateVoices }) => ({
    outputs: { notes: stackSequences(notes, separateVoices) },
    previews: [{ kind: 'pianoroll', title: `${notes.length} layers`, port: 'notes' }],
  }),
});
