/**
 * The compact text format of the vendored corpora. Each voice of a tune is one string of
 * two-character events: a pitch character (index 0 = rest, otherwise pitch = index + pitchOffset)
 * and a duration character (an index into the corpus's `durations` table, in `unitsPerBeat` units).
 * Events follow each other without gaps: a rest event is how silence is written.
 */

/** The 64 characters used for pitch and duration indices (base64url order). */
export const EVENT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const CHAR_INDEX = new Map([...EVENT_ALPHABET].map((c, i) => [c, i] as const));

/** Which part of a corpus's standard split a tune belongs to. */
export type CorpusSplit = 'train' | 'valid' | 'test';

/** One tune (or chorale) of a corpus: metadata plus one encoded string per voice. */
export interface CompactTune {
  name: string;
  split: CorpusSplit;
  /** Quarter-note beats per minute. */
  tempo: number;
  /** Time signature as [numerator, denominator]. */
  meter: [number, number];
  /** Key from the source file, e.g. 'G major', when known. */
  key?: string;
  /** Expert-annotated root pitch class 0–11, when known. */
  root?: number;
  voices: string[];
}

/** A whole corpus: decoding tables, credit and tunes. */
export interface CompactCorpus {
  id: string;
  title: string;
  /** Who made the music and the encoding, and under which licence (see corpora/LICENSE.md). */
  credit: string;
  unitsPerBeat: number;
  pitchOffset: number;
  /** Duration table in units; a duration character indexes it. */
  durations: number[];
  /** Names of the voices of every tune, e.g. ['melody'] or ['soprano', 'alto', 'tenor', 'bass']. */
  voiceNames: string[];
  tunes: CompactTune[];
}

/** One event before encoding: a pitch (null for a rest) and its length in units. */
export interface UnitEvent {
  pitch: number | null;
  units: number;
}

/** A decoded note: pitch, start and duration in beats from the start of the tune. */
export interface DecodedNote {
  pitch: number;
  start: number;
  duration: number;
}

/**
 * Encodes events into one voice string; throws when a pitch or duration does not fit the tables.
 * @example
 * encodeVoice([{ pitch: 62, units: 12 }], { pitchOffset: 27, durations: [12] }); // 'jA'
 */
export function encodeVoice(events: readonly UnitEvent[], tables: { pitchOffset: number; durations: readonly number[] }): string {
  let out = '';
  for (const [i, e] of events.entries()) {
    const p = e.pitch === null ? 0 : e.pitch - tables.pitchOffset;
    if (e.pitch !== null && (p < 1 || p >= EVENT_ALPHABET.length)) {
      throw new Error(`event ${i}: pitch ${e.pitch} is outside ${tables.pitchOffset + 1}–${tables.pitchOffset + 63}`);
    }
    const d = tables.durations.indexOf(e.units);
    if (d < 0) throw new Error(`event ${i}: duration ${e.units} units is not in the duration table`);
    out += EVENT_ALPHABET[p] + EVENT_ALPHABET[d];
  }
  return out;
}

/**
 * Decodes one voice string into notes (rests advance time and produce no note).
 * @example
 * decodeVoice(corpus, corpus.tunes[0].voices[0])[0]; // { pitch: 62, start: 0, duration: 0.5 }
 */
export function decodeVoice(corpus: Pick<CompactCorpus, 'unitsPerBeat' | 'pitchOffset' | 'durations'>, text: string): DecodedNote[] {
  if (text.length % 2 !== 0) throw new Error(`corpus voice has odd length ${text.length}; expected pitch/duration pairs`);
  const notes: DecodedNote[] = [];
  let units = 0;
  for (let i = 0; i < text.length; i += 2) {
    const p = CHAR_INDEX.get(text[i]);
    const d = CHAR_INDEX.get(text[i + 1]);
    if (p === undefined || d === undefined || d >= corpus.durations.length) {
      throw new Error(`corpus voice: bad event "${text.slice(i, i + 2)}" at character ${i}`);
    }
    const length = corpus.durations[d];
    if (p > 0) notes.push({ pitch: p + corpus.pitchOffset, start: units / corpus.unitsPerBeat, duration: length / corpus.unitsPerBeat });
    units += length;
  }
  return notes;
}

/** Length of a voice string in beats (notes and rests). */
export function voiceBeats(corpus: Pick<CompactCorpus, 'unitsPerBeat' | 'durations'>, text: string): number {
  let units = 0;
  for (let i = 1; i < text.length; i += 2) units += corpus.durations[CHAR_INDEX.get(text[i]) ?? 0];
  return units / corpus.unitsPerBeat;
}
