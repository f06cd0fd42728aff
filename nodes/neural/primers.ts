/**
 * From notes to the token prefix a model continues: the melody line or the four chorale voices of a
 * primer, tokenized (docs/tokens.md) and padded with rests up to the primer's length, so the
 * continuation starts where the primer ends (usually on a bar line) rather than at its last note.
 */
import type { Chords, Note, NoteSequence, TimeSignature } from '../../src/engine/values';
import {
  BAR, CHORALE_VOICES, ChoraleGrammar, encodeChorale, encodeMelody, HOLD, isNote, MAX_DUR, MelodyGrammar, REST, STEPS_PER_BEAT,
  TWELFTHS, durToken, roundHalfUp, type TokenKey, type TokenNote,
} from '../../src/music/tokens';

/** 4/4, the meter of a sequence-less start. */
export const COMMON_TIME: TimeSignature = { numerator: 4, denominator: 4 };

/**
 * The melody of a sequence: the notes of its lowest voice, keeping the highest of simultaneous onsets.
 * @example
 * melodyLine(chordsAndTune).length; // one note per onset
 */
export function melodyLine(seq: NoteSequence): Note[] {
  if (seq.notes.length === 0) return [];
  const voice = Math.min(...seq.notes.map((n) => n.voice ?? 0));
  const notes = seq.notes.filter((n) => (n.voice ?? 0) === voice).sort((a, b) => a.start - b.start || b.pitch - a.pitch);
  return notes.filter((n, i) => i === 0 || Math.abs(n.start - notes[i - 1].start) > 1e-9)
    .map((n) => ({ pitch: n.pitch, velocity: n.velocity, start: n.start, duration: n.duration }));
}

/** The notes of voices 0–3 (soprano … bass) and how many notes of other voices were left out. */
export function choraleNotes(seq: NoteSequence): { notes: TokenNote[]; dropped: number } {
  const notes = seq.notes.filter((n) => (n.voice ?? 0) < CHORALE_VOICES).map((n) => ({ pitch: n.pitch, start: n.start, duration: n.duration, voice: n.voice ?? 0 }));
  return { notes, dropped: seq.notes.length - notes.length };
}

/**
 * `<bos> [KEY] METER` and the primer's melody in melody tokens, without `<eos>`, with a trailing rest
 * up to the primer's length.
 */
export function melodyPrefix(primer: NoteSequence | undefined, key: TokenKey | null, meter: TimeSignature): number[] {
  const tokens = encodeMelody(primer ? melodyLine(primer) : [], { meter, key, eos: false });
  const grammar = MelodyGrammar.from(tokens, meter);
  let rest = primer ? roundHalfUp(primer.length * TWELFTHS) - grammar.time : 0;
  while (rest > 0) {
    if (grammar.expect === 'bar') { grammar.push(BAR); tokens.push(BAR); }
    const units = Math.min(rest, MAX_DUR);
    for (const t of [REST, durToken(units)]) { grammar.push(t); tokens.push(t); }
    rest -= units;
  }
  return tokens;
}

/** `<bos> METER` and the primer's voices 0–3 in chorale tokens, without `<eos>`, padded with silent steps to its length. */
export function choralePrefix(primer: NoteSequence | undefined, meter: TimeSignature): number[] {
  const tokens = encodeChorale(primer ? choraleNotes(primer).notes : [], { meter, eos: false });
  const grammar = ChoraleGrammar.from(tokens, meter);
  const steps = primer ? roundHalfUp(primer.length * STEPS_PER_BEAT) : 0;
  while (grammar.step < steps) {
    if (grammar.barDue) { grammar.push(BAR); tokens.push(BAR); }
    for (let v = 0; v < CHORALE_VOICES; v++) { grammar.push(REST); tokens.push(REST); }
  }
  return tokens;
}

/**
 * The index of the chord sounding at `beat` of a progression that repeats over its length, or -1.
 * @example
 * chordIndexAt(chords, 9); // with a 8-beat progression: the chord at beat 1
 */
export function chordIndexAt(chords: Chords, beat: number): number {
  const t = chords.length > 0 ? beat % chords.length : beat;
  return chords.chords.findIndex((c) => t >= c.start - 1e-9 && t < c.start + c.duration - 1e-9);
}

/** The beat at which a prefix ends (where the first new token starts). */
export function prefixEndBeat(tokens: readonly number[], format: 'melody' | 'chorale', meter: TimeSignature): number {
  return format === 'melody'
    ? MelodyGrammar.from(tokens, meter).time / TWELFTHS
    : ChoraleGrammar.from(tokens, meter).step / STEPS_PER_BEAT;
}

/**
 * The soprano lane of a melody on the chorale grid: one NOTE/HOLD/REST token per 16th step, as
 * many steps as the sequence lasts (what neural.harmonize forces into voice 0).
 * @example
 * sopranoLane(melodyLine(tune), tune.length, tune.timeSignature); // [NOTE_67, HOLD, HOLD, HOLD, …]
 */
export function sopranoLane(line: readonly TokenNote[], beats: number, meter: TimeSignature): number[] {
  const tokens = encodeChorale(line.map((n) => ({ ...n, voice: 0 })), { meter, eos: false });
  const lane: number[] = [];
  let count = 0;
  for (const t of tokens) {
    if (t !== REST && t !== HOLD && !isNote(t)) continue;
    if (count++ % CHORALE_VOICES === 0) lane.push(t);
  }
  const steps = roundHalfUp(beats * STEPS_PER_BEAT);
  while (lane.length < steps) lane.push(REST);
  return lane;
}
