/** Roman-numeral chords in a key ("V7", "iv", "bVII", "viio7") turned into chord symbols. */
import { Note as TonalNote, Scale as TonalScale } from 'tonal';

/** Key modes roman numerals are read in. */
export const KEY_MODES = ['major', 'minor'] as const;
/** One of KEY_MODES. */
export type KeyMode = (typeof KEY_MODES)[number];

const ROMAN = /^([b#]*)(VII|VI|IV|V|III|II|I|vii|vi|iv|v|iii|ii|i)(.*)$/;
const NUMERALS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii'];

/** True when `token` starts like a roman numeral (with optional b/# accidentals). */
export function isRomanNumeral(token: string): boolean {
  return ROMAN.test(token);
}

/** The chord-type suffix for a numeral's case and written quality: 'o' → dim, 'ø' → m7b5, '+' → aug. */
function chordType(upper: boolean, quality: string): string {
  if (quality.startsWith('o')) return quality === 'o' ? 'dim' : `dim${quality.slice(1)}`;
  if (quality.startsWith('ø')) return 'm7b5';
  if (quality.startsWith('+')) return `aug${quality.slice(1)}`;
  if (upper) return quality;
  return quality.startsWith('maj') ? `mM${quality.slice(1)}` : `m${quality}`;
}

/**
 * The chord symbol of a roman numeral in a key. The case gives the third (upper major, lower
 * minor), 'o' diminished, 'ø' half-diminished, '+' augmented, and any suffix (7, maj7, 9, sus4…)
 * follows. Roots are the key's scale degrees — natural minor in a minor key, so III is C and VII
 * is G in A minor — moved by leading b or #; a diminished vii in minor sits on the raised leading
 * tone (G# in A minor), as in harmonic minor.
 * @example
 * romanToChordSymbol('V7', 'A', 'minor'); // "E7"
 * romanToChordSymbol('viio7', 'A', 'minor'); // "G#dim7"
 */
export function romanToChordSymbol(token: string, tonic: string, mode: KeyMode): string {
  const m = ROMAN.exec(token);
  if (!m) throw new Error(`"${token}" is not a roman numeral (I–VII, lower case for minor)`);
  const [, accidentals, numeral, quality] = m;
  const degree = NUMERALS.indexOf(numeral.toLowerCase());
  const upper = numeral !== numeral.toLowerCase();
  const scale = TonalScale.get(`${tonic} ${mode}`);
  if (scale.empty) throw new Error(`unknown key "${tonic} ${mode}"`);
  let root = scale.notes[degree];
  let shift = [...accidentals].reduce((s, a) => s + (a === '#' ? 1 : -1), 0);
  if (mode === 'minor' && degree === 6 && !upper && /^[oø]/.test(quality)) shift += 1;
  for (; shift > 0; shift--) root = TonalNote.transpose(root, '1A');
  for (; shift < 0; shift++) root = TonalNote.transpose(root, '-1A');
  return TonalNote.simplify(root) + chordType(upper, quality);
}
