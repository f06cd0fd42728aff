/**
 * The melody format of genpatch-events-v1 (docs/tokens.md): `<bos> [KEY] METER ([BAR] (NOTE|REST|HOLD) DUR)… <eos>`.
 * Encoding and decoding follow training/genpatch_tokens.py step by step so both give identical ids.
 */
import type { Note, TimeSignature } from '../engine/values';
import {
  BAR, BOS, DUR0, EOS, HOLD, MAX_DUR, NOTE0, REST, TWELFTHS, VOCAB_SIZE,
  barTwelfths, isDur, isEvent, isKey, isMeter, isNote, keyOfToken, keyToken, meterOfToken, meterToken, noteToken, roundHalfUp, tokenName,
  type TokenKey,
} from './tokensVocab';

/** A note as the tokenizers read it: pitch, start and duration in beats, optional voice (velocity is not tokenized). */
export type TokenNote = Pick<Note, 'pitch' | 'start' | 'duration'> & { voice?: number };

/** Options of encodeMelody. */
export interface MelodyEncodeOptions {
  /** Time signature; 4/4 when left out. */
  meter?: TimeSignature;
  /** Key, written as a KEY_… token when given. */
  key?: TokenKey | null;
  /** Append <eos> (default true); false leaves the sequence open for a model to continue. */
  eos?: boolean;
}

/** What a melody decodes to before it becomes a NoteSequence: notes, the tokens that made each, meter and key. */
export interface MelodyEvents {
  notes: TokenNote[];
  /** spans[i] lists the token indices of notes[i]: NOTE DUR plus every HOLD DUR part. */
  spans: number[][];
  meter: TimeSignature;
  key: TokenKey | null;
}

/**
 * Tokens of a monophonic melody; overlapping notes are cut where the previous one ends.
 * @example
 * encodeMelody([{ pitch: 60, start: 0, duration: 1 }], { meter: { numerator: 3, denominator: 4 } });
 * // [1, 208, 3, 64, 145, 2] = <bos> METER_3/4 BAR NOTE_60 DUR_12 <eos>
 */
export function encodeMelody(notes: readonly TokenNote[], options: MelodyEncodeOptions = {}): number[] {
  const meter = options.meter ?? { numerator: 4, denominator: 4 };
  const out = [BOS];
  const kt = keyToken(options.key);
  if (kt !== null) out.push(kt);
  out.push(meterToken(meter));
  const bar = barTwelfths(meter);
  let t = 0;
  const emit = (first: number, cont: number, units: number) => {
    for (let head = true; units > 0; head = false) {
      const c = Math.min(units, MAX_DUR);
      if (bar > 0 && t % bar === 0) out.push(BAR);
      out.push(head ? first : cont, DUR0 + c);
      t += c;
      units -= c;
    }
  };
  const sorted = notes.slice().sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  for (const n of sorted) {
    let s = roundHalfUp(n.start * TWELFTHS);
    let d = Math.max(1, roundHalfUp(n.duration * TWELFTHS));
    if (s < t) {
      d = s + d - t;
      s = t;
      if (d <= 0) continue;
    }
    if (s > t) emit(REST, REST, s - t);
    emit(noteToken(n.pitch), HOLD, d);
  }
  if (options.eos ?? true) out.push(EOS);
  return out;
}

/**
 * Reads melody tokens into notes (times in beats) with the token indices of each note. BAR is
 * skipped; an event token not followed by a DUR is dropped; `HOLD DUR` lengthens the last note or
 * is a rest when the previous event was not a note; reading stops at <eos>.
 */
export function decodeMelodyEvents(tokens: readonly number[]): MelodyEvents {
  const notes: TokenNote[] = [];
  const spans: number[][] = [];
  let meter: TimeSignature = { numerator: 4, denominator: 4 };
  let key: TokenKey | null = null;
  let t = 0;
  let last = -1; // index of the note that ends at t when the previous event was a note
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok === EOS) break;
    const m = meterOfToken(tok);
    const k = keyOfToken(tok);
    if (m) meter = m;
    else if (k) key = k;
    else if (isEvent(tok) && i + 1 < tokens.length && isDur(tokens[i + 1])) {
      const units = tokens[i + 1] - DUR0;
      if (tok === REST || (tok === HOLD && last < 0)) {
        last = -1;
      } else if (tok === HOLD) {
        notes[last].duration += units / TWELFTHS;
        spans[last].push(i, i + 1);
      } else {
        notes.push({ pitch: tok - NOTE0, start: t / TWELFTHS, duration: units / TWELFTHS });
        spans.push([i, i + 1]);
        last = notes.length - 1;
      }
      t += units;
      i++;
    }
  }
  return { notes, spans, meter, key };
}

/** What a melody model may emit next, as MelodyGrammar sees the prefix. */
export type MelodyExpect = 'bos' | 'header' | 'meter' | 'event' | 'bar' | 'dur' | 'ended';

/**
 * Follows a melody token prefix and says which tokens keep it well formed — for masking a model's
 * output while sampling: KEY/METER after <bos>, BAR when an event starts on a bar line, a DUR after
 * every NOTE/REST/HOLD, HOLD only right after a note.
 * @example
 * const g = new MelodyGrammar(); for (const t of [1, 209]) g.push(t); g.expect; // 'bar'
 */
export class MelodyGrammar {
  /** What comes next. */
  expect: MelodyExpect = 'bos';
  /** Time in twelfths at which the next event starts. */
  time = 0;
  /** The meter read from the METER token. */
  meter: TimeSignature;
  private afterNote = false;
  private barWritten = false;
  private pendingEvent = 0;

  /** `otherMeter` places the bar lines after METER_other (the real meter, default 4/4). */
  constructor(private readonly otherMeter: TimeSignature = { numerator: 4, denominator: 4 }) {
    this.meter = otherMeter;
  }

  /** A grammar that has read a whole token prefix (throws where the prefix breaks the format). */
  static from(prefix: readonly number[], otherMeter?: TimeSignature): MelodyGrammar {
    const g = new MelodyGrammar(otherMeter);
    prefix.forEach((t, i) => {
      try {
        g.push(t);
      } catch (e) {
        throw new Error(`token ${i} of the prefix: ${(e as Error).message}`);
      }
    });
    return g;
  }

  /** Advances past one token; throws when the token breaks the format. */
  push(token: number): void {
    if (!this.accepts(token)) {
      throw new Error(`melody token ${tokenName(token)} is not allowed here (expected ${this.expect} at twelfth ${this.time})`);
    }
    if (token === EOS) this.expect = 'ended';
    else if (token === BOS) this.expect = 'header';
    else if (isKey(token)) this.expect = 'meter';
    else if (isMeter(token)) {
      this.meter = meterOfToken(token) ?? this.otherMeter;
      this.nextEvent();
    } else if (token === BAR) {
      this.barWritten = true;
      this.expect = 'event';
    } else if (isEvent(token)) {
      this.pendingEvent = token;
      this.expect = 'dur';
    } else if (isDur(token)) {
      this.afterNote = this.pendingEvent !== REST && (this.pendingEvent !== HOLD || this.afterNote);
      this.time += token - DUR0;
      this.barWritten = false;
      this.nextEvent();
    }
  }

  /** True when `token` may come next. */
  accepts(token: number): boolean {
    switch (this.expect) {
      case 'bos': return token === BOS;
      case 'header': return isKey(token) || isMeter(token);
      case 'meter': return isMeter(token);
      case 'bar': return token === BAR || token === EOS;
      case 'dur': return isDur(token);
      case 'ended': return false;
      case 'event': return isNote(token) || token === REST || (token === EOS && !this.barWritten) || (token === HOLD && this.afterNote);
    }
  }

  /** The token ids allowed next (for masking a model's output). */
  allowed(): number[] {
    return Array.from({ length: VOCAB_SIZE }, (_, i) => i).filter((t) => this.accepts(t));
  }

  private nextEvent(): void {
    const bar = barTwelfths(this.meter);
    this.expect = bar > 0 && this.time % bar === 0 && !this.barWritten ? 'bar' : 'event';
  }
}
