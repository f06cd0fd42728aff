/**
 * A small text notation for note clips, and its writer. Tokens are separated by spaces:
 *
 * - `C4/4` a note: a name (C4, F#3, Bb5, middle C = C4) and a note value: /1 whole, /2 half,
 *   /4 quarter, /8, /16, /32, /64; a dot adds half (`/4.`), two dots three quarters (`/4..`), `t`
 *   makes a triplet (`/8t` = a third of a quarter). The value is sticky: `C4/8 D4 E4` are eighths.
 *   The first token without one is a quarter.
 * - `C4/4@0.6` a velocity 0–1 for that note only (else the default, 0.8).
 * - `r/4` a rest; `[C4 E4 G4]/2` a chord (members may carry their own `@velocity`); `|` bar
 *   lines are ignored, they only help reading.
 *
 * Times are in quarter-note beats, as everywhere in genpatch; the clip's length is the sum of its
 * written values, trailing rests included.
 */
import type { Note, NoteSequence, TimeSignature } from '../engine/values';
import { createSequence } from './noteSequence';
import { midiToNoteName, noteNameToMidi } from './theory';

/** A parse error with the 1-based character position and the offending token. */
export class NotationError extends Error {
  constructor(readonly position: number, readonly token: string, readonly reason: string) {
    super(`at char ${position}, "${token}": ${reason}`);
    this.name = 'NotationError';
  }
}

/** Options of `parseNotation`. */
export interface NotationOptions {
  tempo?: number;
  timeSignature?: TimeSignature;
  /** Velocity of notes written without `@` (default 0.8). */
  velocity?: number;
}

/** Ticks per quarter-note beat: every note value, dotted or triplet, is a whole number of them. */
const TICKS_PER_BEAT = 192;
const BASES = [1, 2, 4, 8, 16, 32, 64];
const DEFAULT_VELOCITY = 0.8;
const NOTE_NAME = /^[A-Ga-g](#{1,2}|x|b{1,2})?-?\d+$/;

/** Every note value as [suffix, ticks], preferred spellings first (plain, dotted, triplet, double-dotted). */
const NOTE_VALUES: [string, number][] = ['', '.', 't', '..'].flatMap((mark) =>
  BASES.map((base): [string, number] => [`${base}${mark}`, valueTicks(base, mark)]));

function valueTicks(base: number, marks: string): number {
  const dots = marks.split('.').length - 1;
  let ticks = (4 * TICKS_PER_BEAT) / base;
  ticks *= dots === 0 ? 1 : dots === 1 ? 1.5 : 1.75;
  return marks.includes('t') ? (ticks * 2) / 3 : ticks;
}

/** Ticks of a duration string such as '8t' or '4.'; throws the reason when it is not a note value. */
function durationTicks(text: string): number {
  const m = /^(\d+)([t.]*)$/.exec(text);
  const marks = m?.[2] ?? '';
  const dots = marks.split('.').length - 1;
  const triplets = marks.split('t').length - 1;
  if (!m || !BASES.includes(Number(m[1])) || dots > 2 || triplets > 1) {
    throw new Error(`"/${text}" is not a note value (use /1 /2 /4 /8 /16 /32 /64, dotted /4. or triplet /8t)`);
  }
  return valueTicks(Number(m[1]), marks);
}

function parseVelocity(text: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v <= 0 || v > 1) {
    throw new Error(`velocity "${text}" must be a number above 0 and at most 1`);
  }
  return v;
}

function parsePitch(text: string): number {
  if (!NOTE_NAME.test(text)) throw new Error('not a note name (try C4, F#3, Bb5)');
  try {
    return noteNameToMidi(text);
  } catch {
    throw new Error('outside the MIDI range C-1 to G9');
  }
}

/** Splits `text` into tokens with their 1-based positions; a chord `[..]` plus its suffix is one token. */
function tokenize(text: string): { token: string; position: number }[] {
  const tokens: { token: string; position: number }[] = [];
  let i = 0;
  while (i < text.length) {
    if (/[\s|]/.test(text[i])) { i++; continue; }
    const start = i;
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      const nested = text.indexOf('[', i + 1);
      if (close < 0 || (nested >= 0 && nested < close)) throw new NotationError(start + 1, '[', 'chord is not closed with ]');
      i = close + 1;
    }
    while (i < text.length && !/[\s|[]/.test(text[i])) i++;
    tokens.push({ token: text.slice(start, i), position: start + 1 });
  }
  return tokens;
}

/** Pitches and velocities of a chord's members, with errors pointing at the member. */
function parseChord(token: string, position: number, velocity: number): { pitch: number; velocity: number }[] {
  const body = token.slice(1, token.indexOf(']'));
  const members: { pitch: number; velocity: number }[] = [];
  for (const m of body.matchAll(/\S+/g)) {
    const at = m[0].indexOf('@');
    const where = position + 1 + (m.index ?? 0);
    try {
      members.push({
        pitch: parsePitch(at < 0 ? m[0] : m[0].slice(0, at)),
        velocity: at < 0 ? velocity : parseVelocity(m[0].slice(at + 1)),
      });
    } catch (e) {
      throw new NotationError(where, m[0], (e as Error).message);
    }
  }
  if (members.length === 0) throw new NotationError(position, token, 'empty chord');
  return members;
}

/**
 * Parses a clip written in the notation above into a NoteSequence; throws a NotationError naming
 * the character position and the bad token.
 * @example
 * parseNotation('C4/4 E4/8 G4/8 r/4 [C4 E4 G4]/2', { tempo: 100 }).notes.length; // 6
 */
export function parseNotation(text: string, options: NotationOptions = {}): NoteSequence {
  const defaultVelocity = options.velocity ?? DEFAULT_VELOCITY;
  const notes: Note[] = [];
  let cursor = 0;
  let duration = TICKS_PER_BEAT;
  for (const { token, position } of tokenize(text)) {
    const chord = token.startsWith('[');
    const suffix = chord ? token.slice(token.indexOf(']') + 1) : token.replace(/^[^/@]*/, '');
    const head = chord ? '' : token.slice(0, token.length - suffix.length);
    const m = /^(?:\/([^@]*))?(?:@(.*))?$/.exec(suffix);
    let velocity = defaultVelocity;
    let pitches: { pitch: number; velocity: number }[] = [];
    try {
      if (!m) throw new Error(chord ? 'expected /value or @velocity after ]' : 'not a note name (try C4, F#3, Bb5)');
      if (m[1] !== undefined) duration = durationTicks(m[1]);
      if (m[2] !== undefined) velocity = parseVelocity(m[2]);
      if (!chord && /^r$/i.test(head)) {
        if (m[2] !== undefined) throw new Error('a rest has no velocity');
      } else if (!chord) {
        pitches = [{ pitch: parsePitch(head), velocity }];
      }
    } catch (e) {
      throw new NotationError(position, token, (e as Error).message);
    }
    if (chord) pitches = parseChord(token, position, velocity);
    for (const p of pitches) {
      notes.push({ pitch: p.pitch, velocity: p.velocity, start: cursor / TICKS_PER_BEAT, duration: duration / TICKS_PER_BEAT });
    }
    cursor += duration;
  }
  return createSequence(notes, {
    tempo: options.tempo,
    timeSignature: options.timeSignature,
    length: cursor / TICKS_PER_BEAT,
  });
}

/** Parses a meter such as '4/4' or '6/8'; throws saying what is expected. */
export function parseMeter(text: string): TimeSignature {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const numerator = Number(m?.[1]);
  const denominator = Number(m?.[2]);
  if (!m || numerator < 1 || numerator > 32 || ![1, 2, 4, 8, 16, 32].includes(denominator)) {
    throw new Error(`meter "${text}" is not a time signature (expected e.g. 4/4, 3/4, 6/8)`);
  }
  return { numerator, denominator };
}

/** Whole ticks of a beat value, or null when it falls off the tick grid. */
function toTicks(beats: number): number | null {
  const ticks = Math.round(beats * TICKS_PER_BEAT);
  return Math.abs(ticks - beats * TICKS_PER_BEAT) < 1e-3 ? ticks : null;
}

/** Rest tokens filling `ticks` with the fewest values (whole rests first), or null when none fit. */
function restTokens(ticks: number): { ticks: number; value: string }[] | null {
  const whole = 4 * TICKS_PER_BEAT;
  const out: { ticks: number; value: string }[] = [];
  while (ticks > 2 * whole) {
    out.push({ ticks: whole, value: '1' });
    ticks -= whole;
  }
  // Fewest tokens for the remainder (coin change); ties keep the earlier, plainer spelling.
  const best: (number | null)[] = [0];
  const choice: number[] = [0];
  for (let t = 1; t <= ticks; t++) {
    best[t] = null;
    NOTE_VALUES.forEach(([, v], i) => {
      const before = t >= v ? best[t - v] : null;
      if (before !== null && before !== undefined && (best[t] === null || before + 1 < best[t]!)) {
        best[t] = before + 1;
        choice[t] = i;
      }
    });
  }
  if (best[ticks] === null) return null;
  const tail: { ticks: number; value: string }[] = [];
  for (let t = ticks; t > 0; t -= NOTE_VALUES[choice[t]][1]) {
    tail.push({ ticks: NOTE_VALUES[choice[t]][1], value: NOTE_VALUES[choice[t]][0] });
  }
  return [...out, ...tail.sort((a, b) => b.ticks - a.ticks)];
}

const velocityText = (v: number): string => String(Math.round(v * 1000) / 1000);

/**
 * Writes a monophonic or block-chord sequence on the tick grid back in the notation (durations are
 * omitted when they repeat, bar lines mark whole bars). Throws where notes overlap, chord members
 * differ in length or a duration is not a note value.
 * @example
 * formatNotation(parseNotation('C4/8 D4 E4 [C4 E4]/2 r/8')); // 'C4/8 D4 E4 [C4 E4]/2 r/8'
 */
export function formatNotation(seq: NoteSequence, options: { velocity?: number } = {}): string {
  const defaultVelocity = options.velocity ?? DEFAULT_VELOCITY;
  const barTicks = toTicks((seq.timeSignature.numerator * 4) / seq.timeSignature.denominator);
  const ticksOf = (beats: number, what: string): number => {
    const t = toTicks(beats);
    if (t === null) throw new Error(`formatNotation: ${what} ${beats} is not on the note-value grid (quantize first)`);
    return t;
  };
  const groups = new Map<number, Note[]>();
  for (const n of seq.notes) {
    const t = ticksOf(n.start, 'note start');
    groups.set(t, [...(groups.get(t) ?? []), n]);
  }
  const parts: string[] = [];
  let cursor = 0;
  let lastValue = '4';
  const emit = (head: string, value: string, ticks: number, velocity?: string): void => {
    if (barTicks && cursor > 0 && cursor % barTicks === 0) parts.push('|');
    parts.push(head + (value === lastValue ? '' : `/${value}`) + (velocity ? `@${velocity}` : ''));
    lastValue = value;
    cursor += ticks;
  };
  const fillTo = (ticks: number): void => {
    const rests = restTokens(ticks - cursor);
    if (!rests) throw new Error(`formatNotation: the rest at beat ${cursor / TICKS_PER_BEAT} is not a sum of note values`);
    for (const r of rests) emit('r', r.value, r.ticks);
  };
  for (const [start, group] of [...groups].sort((a, b) => a[0] - b[0])) {
    if (start < cursor) throw new Error(`formatNotation: notes overlap at beat ${start / TICKS_PER_BEAT} (only one line or block chords can be written)`);
    fillTo(start);
    const ticks = ticksOf(group[0].duration, 'duration');
    if (group.some((n) => ticksOf(n.duration, 'duration') !== ticks)) {
      throw new Error(`formatNotation: the chord at beat ${start / TICKS_PER_BEAT} has members of different lengths`);
    }
    const value = NOTE_VALUES.find(([, t]) => t === ticks)?.[0];
    if (!value) throw new Error(`formatNotation: duration ${group[0].duration} at beat ${start / TICKS_PER_BEAT} is not a note value`);
    const sorted = [...group].sort((a, b) => a.pitch - b.pitch);
    const shared = sorted.every((n) => n.velocity === sorted[0].velocity) ? sorted[0].velocity : undefined;
    const velocity = shared !== undefined && shared !== defaultVelocity ? velocityText(shared) : undefined;
    const member = (n: Note): string =>
      midiToNoteName(n.pitch) + (shared === undefined && n.velocity !== defaultVelocity ? `@${velocityText(n.velocity)}` : '');
    const head = sorted.length === 1 && shared !== undefined ? member(sorted[0]) : `[${sorted.map(member).join(' ')}]`;
    emit(head, value, ticks, velocity);
  }
  const end = toTicks(seq.length);
  if (end !== null && end > cursor) fillTo(end);
  return parts.join(' ');
}
