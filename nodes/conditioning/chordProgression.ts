/** Parsing chord progressions written as text: "Am:4 F:4 C:4 G:4" or "i iv V i" in a key. */
import type { ChordSpan, Chords } from '../../src/engine/values';
import { chordPitchClasses } from '../../src/music/theory';
import { isRomanNumeral, romanToChordSymbol, type KeyMode } from './romanNumerals';

/** The key and default duration a progression text is read with. */
export interface ProgressionOptions {
  tonic: string;
  mode: KeyMode;
  /** Beats of a chord written without ":beats". */
  beats: number;
}

const REST = new Set(['-', 'N.C.', 'NC', 'n.c.']);

/**
 * Parses a progression: whitespace-separated chords, each a chord name (Am, F#m7, Bbmaj7) or a roman
 * numeral in the key (i, iv, V7, bVII), optionally followed by ":beats"; '-' or N.C. is a silent
 * span and '|' bar lines are ignored.
 * @example
 * parseProgression('i iv V:2 V7:2', { tonic: 'A', mode: 'minor', beats: 4 }).chords.map((c) => c.symbol);
 * // ['Am', 'Dm', 'E', 'E7']
 */
export function parseProgression(text: string, options: ProgressionOptions): Chords {
  const tokens = text.split(/\s+/).filter((t) => t !== '' && t !== '|');
  if (tokens.length === 0) throw new Error('the progression is empty (write chords like "Am:4 F:4 C:4 G:4" or "i iv V i")');
  const chords: ChordSpan[] = [];
  let beat = 0;
  tokens.forEach((token, i) => {
    const where = `chord ${i + 1} "${token}"`;
    const [name, beatsText, extra] = token.split(':');
    if (extra !== undefined) throw new Error(`${where}: write one ":beats", e.g. Am:4`);
    const duration = beatsText === undefined ? options.beats : Number(beatsText);
    if (!Number.isFinite(duration) || duration <= 0) throw new Error(`${where}: "${beatsText}" is not a positive number of beats`);
    if (!REST.has(name)) {
      let symbol: string;
      try {
        symbol = /^[A-G]/.test(name) ? name : isRomanNumeral(name) ? romanToChordSymbol(name, options.tonic, options.mode) : '';
        if (symbol === '') throw new Error('not a chord name or roman numeral');
        chords.push({ symbol, start: beat, duration, pitchClasses: chordPitchClasses(symbol) });
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message} (use names like Am, F#m7 or numerals like iv, V7, bVII)`);
      }
    }
    beat += duration;
  });
  return { chords, length: beat };
}
