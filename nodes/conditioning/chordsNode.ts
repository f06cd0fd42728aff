/** The `condition.chords` node: a chord progression from text, by name or roman numeral. */
import { defineNode } from '../../src/engine/node';
import type { Preview } from '../../src/engine/node';
import type { Chords } from '../../src/engine/values';
import { parseProgression } from './chordProgression';
import { KEY_MODES } from './romanNumerals';
import { TONICS } from './scaleNode';

const PC_NAMES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];

/** A pitch-class × chord heatmap of a progression (1 where the chord contains the pitch class). */
export function chordHeatmap(chords: Chords): Preview {
  const cols = chords.chords.length;
  const data = new Array<number>(12 * cols).fill(0);
  chords.chords.forEach((c, j) => c.pitchClasses.forEach((pc, k) => { data[pc * cols + j] = k === 0 ? 1 : 0.6; }));
  return { kind: 'heatmap', title: 'Chord tones (root brightest)', rows: 12, cols, data, rowLabels: PC_NAMES, colLabels: chords.chords.map((c) => c.symbol) };
}

/** Parses a chord progression into a `chords` value for conditioning and accompaniment. */
export const chordsNode = defineNode({
  type: 'condition.chords',
  title: 'Chord progression',
  category: 'conditioning',
  doc: 'A chord progression written as text, the harmonic plan that conditions generators (a '
    + 'Markov melody kept to chord tones, an arpeggiator, an accompaniment). Write chord names with '
    + 'their length in beats — "Am:4 F:4 C:4 G:4" — or roman numerals in a key, as harmony is taught: '
    + '"i iv V i" in A minor gives Am Dm E Am; upper case is major, lower case minor, o diminished, '
    + 'ø half-diminished, + augmented, and suffixes such as 7 or maj7 add sevenths. In minor keys the '
    + 'degrees follow the natural minor scale (III = C, VII = G in A minor) except a diminished vii, '
    + 'which takes the leading tone. A chord without ":beats" lasts the default length; "-" is a '
    + 'silent span. Chord spelling comes from the tonal library.',
  outputs: {
    chords: { type: 'chords' },
  },
  params: {
    progression: { kind: 'text', default: 'Am:4 F:4 C:4 G:4', doc: 'Chords with optional :beats, by name (Am F C G) or numeral (i iv V i).' },
    tonic: { kind: 'enum', options: TONICS, default: 'A', doc: 'Key for roman numerals.' },
    mode: { kind: 'enum', options: KEY_MODES, default: 'minor', doc: 'Major or minor key for roman numerals.' },
    beats: { kind: 'float', default: 4, min: 0.25, max: 64, step: 0.25, unit: 'beats', doc: 'Length of a chord written without :beats.' },
  },
  run: (_inputs, p) => {
    let chords: Chords;
    try {
      chords = parseProgression(p.progression, { tonic: p.tonic, mode: p.mode, beats: p.beats });
    } catch (error) {
      throw new Error(`condition.chords: ${(error as Error).message}`);
    }
    const listing = chords.chords.map((c) => `${c.symbol} (beat ${c.start}, ${c.duration} beats)`).join(', ');
    return {
      outputs: { chords },
      previews: [chordHeatmap(chords), { kind: 'text', title: `${chords.chords.length} chords, ${chords.length} beats`, text: listing }],
    };
  },
});
