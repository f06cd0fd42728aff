/** The `notes.voice-split` node: takes one voice, or the top or bottom line (skyline), out of a texture. */
import { defineNode } from '../../src/engine/node';
import type { Note, NoteSequence } from '../../src/engine/values';

/** Which line to take: a voice by index, or the highest or lowest line across all voices. */
export type SplitMode = 'voice' | 'highest' | 'lowest';

const EPS = 1e-9;

/**
 * The skyline of a texture (Uitdenbogerd & Zobel 1998): at each onset the highest (or lowest)
 * starting note is taken; a note still sounding is cut when a higher (lower) one starts, and notes
 * that start under a sounding higher (lower) note are dropped. The result is one monophonic line.
 * Returns the line (with cut durations) and the indices of the original notes it uses.
 * @example
 * skyline(chorale.notes, 'highest').line; // the soprano, roughly
 */
export function skyline(notes: readonly Note[], mode: 'highest' | 'lowest'): { line: Note[]; used: Set<number> } {
  const better = (a: number, b: number): boolean => (mode === 'highest' ? a > b : a < b);
  const order = notes.map((_, i) => i).sort((a, b) => notes[a].start - notes[b].start
    || (mode === 'highest' ? notes[b].pitch - notes[a].pitch : notes[a].pitch - notes[b].pitch));
  const line: Note[] = [];
  const used = new Set<number>();
  let current: Note | undefined;
  for (const i of order) {
    const n = notes[i];
    if (current && n.start < current.start + EPS) continue; // a lower note of the same onset
    if (current && n.start < current.start + current.duration - EPS) {
      if (!better(n.pitch, current.pitch)) continue;
      current.duration = n.start - current.start;
    }
    current = { ...n };
    line.push(current);
    used.add(i);
  }
  return { line, used };
}

/**
 * Splits `seq` into the chosen line and everything else.
 * @example
 * const { line, rest } = splitVoices(seq, 'voice', 2);
 */
export function splitVoices(seq: NoteSequence, mode: SplitMode, voice = 0): { line: NoteSequence; rest: NoteSequence } {
  let line: Note[];
  let rest: Note[];
  if (mode === 'voice') {
    line = seq.notes.filter((n) => (n.voice ?? 0) === voice).map((n) => ({ ...n }));
    rest = seq.notes.filter((n) => (n.voice ?? 0) !== voice).map((n) => ({ ...n }));
  } else {
    const sky = skyline(seq.notes, mode);
    line = sky.line;
    rest = seq.notes.filter((_, i) => !sky.used.has(i)).map((n) => ({ ...n }));
  }
  return { line: { ...seq, notes: line }, rest: { ...seq, notes: rest } };
}

/** Takes one voice, or the top or bottom line, out of a sequence. */
export const voiceSplitNode = defineNode({
  type: 'notes.voice-split',
  title: 'Voice split',
  category: 'transform',
  doc: 'Takes one line out of a polyphonic sequence: a voice (track) by its index, or the highest or '
    + 'lowest line across all voices with the skyline algorithm of Uitdenbogerd and Zobel (1998), '
    + 'the classic way to find the melody of a piano score — at each onset keep the top note, cut a '
    + 'held note when a higher one enters, drop notes hidden under a higher one. The other notes come '
    + 'out of "rest", so a texture can be split into melody and accompaniment and each treated apart.',
  inputs: { notes: { type: 'notes' } },
  outputs: {
    notes: { type: 'notes', doc: 'The chosen line.' },
    rest: { type: 'notes', doc: 'Every other note.' },
  },
  params: {
    mode: { kind: 'enum', options: ['voice', 'highest', 'lowest'], default: 'highest', doc: 'A voice by index, or the top or bottom line.' },
    voice: { kind: 'int', default: 0, min: 0, max: 255, doc: 'The voice to take (mode "voice").' },
  },
  run: ({ notes }, { mode, voice }) => {
    const { line, rest } = splitVoices(notes, mode, voice);
    return {
      outputs: { notes: line, rest },
      previews: [{ kind: 'pianoroll', title: mode === 'voice' ? `Voice ${voice}` : `${mode} line`, port: 'notes' }],
    };
  },
});
