/**
 * What a Markov chain's states are: a melody is read voice by voice as a line of events (pitch and
 * inter-onset duration), and each event becomes an integer state key of the chosen kind —
 * pitch, interval to the previous pitch, duration, or pitch and duration together.
 */
import type { NoteSequence } from '../../../src/engine/values';
import { midiToNoteName } from '../../../src/music/theory';

/** The state kinds a Markov model can be trained on. */
export const STATE_KINDS = ['pitch', 'interval', 'duration', 'pitch+duration'] as const;

/** One of STATE_KINDS. */
export type StateKind = (typeof STATE_KINDS)[number];

/** Duration resolution of states: 48 ticks per beat holds 64ths and triplets exactly. */
export const TICKS_PER_BEAT = 48;
const MAX_TICKS = 4095;
const PITCH_STRIDE = 4096;
const INTERVAL_ZERO = 128;

/** One event of a melodic line: its pitch and the beats until the next onset (its own length at the end). */
export interface LineEvent {
  pitch: number;
  duration: number;
}

/**
 * Splits notes into melodic lines, one per voice: notes are ordered by onset, of simultaneous
 * onsets the highest is kept (the "skyline"), and each event lasts until the next onset, so rests
 * lengthen the note before them.
 * @example
 * voiceLines(seq).length; // number of voices holding notes
 */
export function voiceLines(seq: NoteSequence): LineEvent[][] {
  const byVoice = new Map<number, { pitch: number; start: number; duration: number }[]>();
  for (const n of seq.notes) {
    const v = n.voice ?? 0;
    let list = byVoice.get(v);
    if (!list) byVoice.set(v, (list = []));
    list.push(n);
  }
  const lines: LineEvent[][] = [];
  for (const v of [...byVoice.keys()].sort((a, b) => a - b)) {
    const notes = byVoice.get(v)!.slice().sort((a, b) => a.start - b.start || b.pitch - a.pitch);
    const line: LineEvent[] = [];
    for (let i = 0; i < notes.length; i++) {
      if (i > 0 && Math.abs(notes[i].start - notes[i - 1].start) < 1e-6) continue;
      let j = i + 1;
      while (j < notes.length && Math.abs(notes[j].start - notes[i].start) < 1e-6) j++;
      const duration = j < notes.length ? notes[j].start - notes[i].start : notes[i].duration;
      line.push({ pitch: notes[i].pitch, duration });
    }
    if (line.length > 0) lines.push(line);
  }
  return lines;
}

/** A duration in beats as integer ticks (1–4095). */
export function durationTicks(beats: number): number {
  return Math.min(MAX_TICKS, Math.max(1, Math.round(beats * TICKS_PER_BEAT)));
}

/** How many states a line of `events` events gives (interval states: one per event after the first). */
export function stateCount(kind: StateKind, events: number): number {
  return kind === 'interval' ? Math.max(0, events - 1) : events;
}

/**
 * Writes the state keys of a line into `out` from index `at`; returns the index after the last.
 * @example
 * const keys = new Int32Array(stateCount('pitch', line.length)); writeLineStates('pitch', line, keys, 0);
 */
export function writeLineStates(kind: StateKind, line: readonly LineEvent[], out: Int32Array, at: number): number {
  for (let i = 0; i < line.length; i++) {
    if (kind === 'interval') {
      if (i > 0) out[at++] = intervalKey(line[i].pitch - line[i - 1].pitch);
    } else {
      out[at++] = eventKey(kind, line[i].pitch, line[i].duration);
    }
  }
  return at;
}

/**
 * The state keys of a line: one per event (interval states: one per event after the first).
 * @example
 * lineStates('interval', [{ pitch: 60, duration: 1 }, { pitch: 62, duration: 1 }]); // [130]
 */
export function lineStates(kind: StateKind, line: readonly LineEvent[]): number[] {
  const keys = new Int32Array(stateCount(kind, line.length));
  writeLineStates(kind, line, keys, 0);
  return Array.from(keys);
}

/** The key of an interval state (semitones, clamped to ±127). */
export function intervalKey(semitones: number): number {
  return INTERVAL_ZERO + Math.max(-127, Math.min(127, Math.round(semitones)));
}

/** The key of a pitch, duration or pitch+duration state. */
export function eventKey(kind: Exclude<StateKind, 'interval'>, pitch: number, beats: number): number {
  if (kind === 'pitch') return pitch;
  if (kind === 'duration') return durationTicks(beats);
  return pitch * PITCH_STRIDE + durationTicks(beats);
}

/** What a state key says: a pitch, an interval or a duration in beats (null where the kind has none). */
export interface StateMeaning {
  pitch: number | null;
  interval: number | null;
  beats: number | null;
}

/** Decodes a state key of a kind. */
export function stateMeaning(kind: StateKind, key: number): StateMeaning {
  switch (kind) {
    case 'pitch': return { pitch: key, interval: null, beats: null };
    case 'interval': return { pitch: null, interval: key - INTERVAL_ZERO, beats: null };
    case 'duration': return { pitch: null, interval: null, beats: key / TICKS_PER_BEAT };
    case 'pitch+duration': return { pitch: Math.floor(key / PITCH_STRIDE), interval: null, beats: (key % PITCH_STRIDE) / TICKS_PER_BEAT };
  }
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** A duration in beats as a fraction of a whole note, e.g. 0.5 → '1/8', 1.5 → '3/8', 4 → '1'. */
export function noteValueLabel(beats: number): string {
  const ticks = Math.round(beats * TICKS_PER_BEAT);
  const whole = 4 * TICKS_PER_BEAT;
  const g = gcd(ticks, whole);
  return whole / g === 1 ? String(ticks / g) : `${ticks / g}/${whole / g}`;
}

/**
 * A short human label of a state: 'C4', '+2', '1/8' or 'C4 1/8'.
 * @example
 * stateLabel('interval', intervalKey(-3)); // '-3'
 */
export function stateLabel(kind: StateKind, key: number): string {
  const m = stateMeaning(kind, key);
  if (kind === 'interval') return m.interval! > 0 ? `+${m.interval}` : String(m.interval);
  if (kind === 'duration') return noteValueLabel(m.beats!);
  if (kind === 'pitch') return midiToNoteName(m.pitch!);
  return `${midiToNoteName(m.pitch!)} ${noteValueLabel(m.beats!)}`;
}
