/**
 * The chorale format of genpatch-events-v1 (docs/tokens.md): `<bos> METER ([BAR] S A T B)… <eos>` on
 * a 16th-note grid, and ChoraleGrammar, which tells a harmonizer which voice and step come next.
 * Encoding and decoding follow training/genpatch_tokens.py step by step so both give identical ids.
 */
import type { TimeSignature } from '../engine/values';
import {
  BAR, BOS, EOS, HOLD, NOTE0, REST, STEP, VOCAB_SIZE,
  barTwelfths, isEvent, isMeter, isNote, meterOfToken, meterToken, noteToken, roundHalfUp, tokenName,
} from './tokensVocab';
import type { TokenNote } from './tokensMelody';

/** Voices per chorale step: soprano, alto, tenor, bass. */
export const CHORALE_VOICES = 4;
/** Grid steps per quarter-note beat. */
export const STEPS_PER_BEAT = 4;

/** Options of encodeChorale. */
export interface ChoraleEncodeOptions {
  /** Time signature; 4/4 when left out. */
  meter?: TimeSignature;
  /** Append <eos> (default true). */
  eos?: boolean;
}

/** What a chorale decodes to: notes with voices, the tokens that made each note, and the meter. */
export interface ChoraleEvents {
  notes: (TokenNote & { voice: number })[];
  /** spans[i] lists the token indices of notes[i]: its onset NOTE and every HOLD that continues it. */
  spans: number[][];
  meter: TimeSignature;
}

/** Grid steps per bar of a meter (0: no BAR tokens). */
export function barSteps(meter: TimeSignature): number {
  return Math.floor(barTwelfths(meter) / STEP);
}

/**
 * Tokens of a four-voice piece (note.voice 0–3, missing = 0) on a 16th-note grid; when notes of one
 * voice overlap the later start wins.
 * @example
 * encodeChorale([{ pitch: 60, start: 0, duration: 0.25, voice: 3 }]); // [1, 209, 3, 132, 132, 132, 64, 2]
 */
export function encodeChorale(notes: readonly TokenNote[], options: ChoraleEncodeOptions = {}): number[] {
  const meter = options.meter ?? { numerator: 4, denominator: 4 };
  const onsets = Array.from({ length: CHORALE_VOICES }, () => new Map<number, { pitch: number; end: number }>());
  let steps = 0;
  const sorted = notes.slice().sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  for (const n of sorted) {
    const v = n.voice ?? 0;
    if (!(Number.isInteger(v) && v >= 0 && v < CHORALE_VOICES)) throw new Error(`chorale voice ${v} is outside 0..3`);
    let s = roundHalfUp(n.start * STEPS_PER_BEAT);
    const e = Math.max(s + 1, roundHalfUp((n.start + n.duration) * STEPS_PER_BEAT));
    if (e <= 0) continue; // wholly before the start of the piece
    s = Math.max(s, 0);
    onsets[v].set(s, { pitch: noteToken(n.pitch), end: e });
    steps = Math.max(steps, e);
  }
  const lanes = onsets.map((voice) => {
    const lane = new Array<number>(steps).fill(REST);
    const starts = [...voice.keys()].sort((a, b) => a - b);
    starts.forEach((s, j) => {
      const { pitch, end } = voice.get(s)!;
      const stop = j + 1 === starts.length ? end : Math.min(end, starts[j + 1]);
      lane[s] = pitch;
      for (let x = s + 1; x < stop; x++) lane[x] = HOLD;
    });
    return lane;
  });
  const out = [BOS, meterToken(meter)];
  const perBar = barSteps(meter);
  for (let s = 0; s < steps; s++) {
    if (perBar > 0 && s % perBar === 0) out.push(BAR);
    for (const lane of lanes) out.push(lane[s]);
  }
  if (options.eos ?? true) out.push(EOS);
  return out;
}

/**
 * Reads chorale tokens into notes with voices (times in beats) and the token indices of each note.
 * NOTE/HOLD/REST are counted in fours (voice = count mod 4); a HOLD with no sounding note is a
 * rest; BAR is skipped; reading stops at <eos>.
 */
export function decodeChoraleEvents(tokens: readonly number[]): ChoraleEvents {
  const notes: ChoraleEvents['notes'] = [];
  const spans: number[][] = [];
  let meter: TimeSignature = { numerator: 4, denominator: 4 };
  const current = [-1, -1, -1, -1];
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok === EOS) break;
    meter = meterOfToken(tok) ?? meter;
    if (!isEvent(tok)) continue;
    const v = count % CHORALE_VOICES;
    const step = Math.floor(count / CHORALE_VOICES);
    if (tok === HOLD && current[v] >= 0) {
      notes[current[v]].duration += 1 / STEPS_PER_BEAT;
      spans[current[v]].push(i);
    } else if (isNote(tok)) {
      notes.push({ pitch: tok - NOTE0, start: step / STEPS_PER_BEAT, duration: 1 / STEPS_PER_BEAT, voice: v });
      spans.push([i]);
      current[v] = notes.length - 1;
    } else {
      current[v] = -1;
    }
    count++;
  }
  return { notes, spans, meter };
}

/** What a chorale model may emit next, as ChoraleGrammar sees the prefix. */
export type ChoraleExpect = 'bos' | 'meter' | 'bar' | 'voice' | 'ended';

/**
 * Follows a chorale token prefix: which step and voice the next NOTE/HOLD/REST fills, and whether
 * a BAR is due first — so a harmonizer can force the soprano token (voice 0) and the BAR tokens and
 * sample only the other voices. <eos> is allowed at a step boundary.
 * @example
 * const g = new ChoraleGrammar(); for (const t of [1, 209, 3, 64]) g.push(t); [g.step, g.voice]; // [0, 1]
 */
export class ChoraleGrammar {
  /** What comes next. */
  expect: ChoraleExpect = 'bos';
  /** The grid step (16th note from the start) the next voice token belongs to. */
  step = 0;
  /** The voice (0 soprano … 3 bass) the next voice token fills. */
  voice = 0;
  /** The meter read from the METER token. */
  meter: TimeSignature;
  private barWritten = false;

  /** `otherMeter` places the bar lines after METER_other (the real meter, default 4/4). */
  constructor(private readonly otherMeter: TimeSignature = { numerator: 4, denominator: 4 }) {
    this.meter = otherMeter;
  }

  /** True when the next step starts a bar and its BAR has not been written yet. */
  get barDue(): boolean {
    const perBar = barSteps(this.meter);
    return this.voice === 0 && perBar > 0 && this.step % perBar === 0 && !this.barWritten;
  }

  /** True between steps, where <eos> may end the piece. */
  get atStepStart(): boolean {
    return (this.expect === 'voice' || this.expect === 'bar') && this.voice === 0 && !this.barWritten;
  }

  /** A grammar that has read a whole token prefix (throws where the prefix breaks the format). */
  static from(prefix: readonly number[], otherMeter?: TimeSignature): ChoraleGrammar {
    const g = new ChoraleGrammar(otherMeter);
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
      throw new Error(`chorale token ${tokenName(token)} is not allowed here (expected ${this.expect}, step ${this.step}, voice ${this.voice})`);
    }
    if (token === BOS) this.expect = 'meter';
    else if (token === EOS) this.expect = 'ended';
    else if (isMeter(token)) {
      this.meter = meterOfToken(token) ?? this.otherMeter;
      this.expect = this.barDue ? 'bar' : 'voice';
    } else if (token === BAR) {
      this.barWritten = true;
      this.expect = 'voice';
    } else {
      this.voice++;
      if (this.voice === CHORALE_VOICES) {
        this.voice = 0;
        this.step++;
        this.barWritten = false;
      }
      this.expect = this.barDue ? 'bar' : 'voice';
    }
  }

  /** True when `token` may come next. */
  accepts(token: number): boolean {
    switch (this.expect) {
      case 'bos': return token === BOS;
      case 'meter': return isMeter(token);
      case 'bar': return token === BAR || token === EOS;
      case 'ended': return false;
      case 'voice': return isEvent(token) || (token === EOS && this.atStepStart);
    }
  }

  /** The token ids allowed next (for masking a model's output). */
  allowed(): number[] {
    return Array.from({ length: VOCAB_SIZE }, (_, i) => i).filter((t) => this.accepts(t));
  }
}
