/**
 * The melody a fitness term judges: a monophonic line as parallel typed arrays (pitch, start and
 * duration in beats), cheap to refill for every candidate of every generation.
 */
import type { Note, NoteSequence } from '../../../src/engine/values';

/** A monophonic line; only the first `count` entries are used. */
export interface Melody {
  count: number;
  pitch: Int16Array;
  start: Float64Array;
  duration: Float64Array;
  /** Length in beats (the span the melody is judged over, rests included). */
  length: number;
}

/** An empty melody with room for `capacity` notes. */
export function createMelody(capacity: number): Melody {
  return { count: 0, pitch: new Int16Array(capacity), start: new Float64Array(capacity), duration: new Float64Array(capacity), length: 0 };
}

/**
 * A melody from the notes of a sequence: sorted by start, the highest of simultaneous onsets kept.
 * @example
 * melodyFromNotes(seq).count; // number of onsets
 */
export function melodyFromNotes(seq: NoteSequence): Melody {
  const notes = seq.notes.slice().sort((a, b) => a.start - b.start || b.pitch - a.pitch);
  const kept = notes.filter((n, i) => i === 0 || Math.abs(n.start - notes[i - 1].start) > 1e-9);
  const m = createMelody(kept.length);
  kept.forEach((n, i) => { m.pitch[i] = n.pitch; m.start[i] = n.start; m.duration[i] = n.duration; });
  m.count = kept.length;
  m.length = seq.length;
  return m;
}

/** The melody's notes (velocity 0.8), shifted by `offset` beats and tagged with `voice`. */
export function melodyNotes(m: Melody, offset = 0, voice?: number): Note[] {
  const notes: Note[] = [];
  for (let i = 0; i < m.count; i++) {
    const note: Note = { pitch: m.pitch[i], velocity: 0.8, start: offset + m.start[i], duration: m.duration[i] };
    if (voice !== undefined) note.voice = voice;
    notes.push(note);
  }
  return notes;
}
