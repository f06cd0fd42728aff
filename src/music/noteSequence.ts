/** NoteSequence helpers shared by every symbolic node: create, measure, sort, merge, slice. */
import type { Note, NoteSequence, TimeSignature } from '../engine/values';

/** Options for a new sequence. */
export interface SequenceOptions {
  tempo?: number;
  timeSignature?: TimeSignature;
  /** Length in beats; defaults to the end of the last note rounded up to a whole bar. */
  length?: number;
}

/** The beat at which the last note ends (0 for no notes). */
export function endBeat(notes: readonly Note[]): number {
  let end = 0;
  for (const n of notes) end = Math.max(end, n.start + n.duration);
  return end;
}

/** Rounds a beat count up to whole bars of the given meter. */
export function roundUpToBar(beats: number, ts: TimeSignature): number {
  const bar = (ts.numerator * 4) / ts.denominator;
  return Math.max(bar, Math.ceil(beats / bar - 1e-9) * bar);
}

/** Sorts notes by start, then pitch (in place) and returns them. */
export function sortNotes(notes: Note[]): Note[] {
  return notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch || (a.voice ?? 0) - (b.voice ?? 0));
}

/**
 * Makes a NoteSequence from notes, sorted, with length covering every note.
 * @example
 * createSequence([{ pitch: 60, velocity: 0.8, start: 0, duration: 1 }], { tempo: 100 });
 */
export function createSequence(notes: Note[], options: SequenceOptions = {}): NoteSequence {
  const timeSignature = options.timeSignature ?? { numerator: 4, denominator: 4 };
  const end = endBeat(notes);
  const length = options.length !== undefined ? Math.max(options.length, end) : roundUpToBar(end, timeSignature);
  return { notes: sortNotes(notes.slice()), tempo: options.tempo ?? 120, timeSignature, length };
}

/** An empty sequence of the given length and meter. */
export function emptySequence(length = 4, tempo = 120): NoteSequence {
  return { notes: [], tempo, timeSignature: { numerator: 4, denominator: 4 }, length };
}

/** Copies a sequence with new notes, keeping tempo, meter and voices; length grows to fit. */
export function withNotes(seq: NoteSequence, notes: Note[], length = seq.length): NoteSequence {
  return { ...seq, notes: sortNotes(notes), length: Math.max(length, endBeat(notes)) };
}

/** Stacks several sequences (same start); tempo and meter come from the first. */
export function mergeSequences(seqs: readonly NoteSequence[]): NoteSequence {
  if (seqs.length === 0) return emptySequence();
  const notes = seqs.flatMap((s) => s.notes.map((n) => ({ ...n })));
  const length = Math.max(...seqs.map((s) => s.length));
  return { ...seqs[0], notes: sortNotes(notes), length: Math.max(length, endBeat(notes)) };
}

/** Converts beats to seconds at the sequence's tempo map. */
export function beatsToSeconds(seq: NoteSequence, beat: number): number {
  const changes = [{ beat: 0, bpm: seq.tempo }, ...(seq.tempoChanges ?? []).filter((c) => c.beat > 0)]
    .sort((a, b) => a.beat - b.beat);
  let seconds = 0;
  for (let i = 0; i < changes.length; i++) {
    const from = changes[i].beat;
    const to = i + 1 < changes.length ? Math.min(changes[i + 1].beat, beat) : beat;
    if (to <= from) break;
    seconds += ((to - from) * 60) / changes[i].bpm;
  }
  return seconds;
}

/** Clamps a MIDI pitch into 0–127. */
export function clampPitch(pitch: number): number {
  return Math.max(0, Math.min(127, Math.round(pitch)));
}
