/** Music theory helpers over tonal (@tonaljs): scales, chords and snapping pitches to pitch-class sets. */
import { Chord, Note as TonalNote, Scale as TonalScale } from 'tonal';
import type { Scale } from '../engine/values';

/**
 * A `scale` value from a tonic and scale name, e.g. ('D', 'dorian').
 * @example
 * makeScale('A', 'minor').pitchClasses; // [9, 11, 0, 2, 4, 5, 7]
 */
export function makeScale(tonic: string, name: string): Scale {
  const s = TonalScale.get(`${tonic} ${name}`);
  if (s.empty || s.notes.length === 0) throw new Error(`unknown scale "${tonic} ${name}"`);
  const pitchClasses = s.notes.map((n) => TonalNote.chroma(n)).filter((c): c is number => typeof c === 'number');
  return { tonic: s.tonic ?? tonic, name: s.type, pitchClasses };
}

/** Every scale name tonal knows (for enum params). */
export function scaleNames(): string[] {
  return TonalScale.names();
}

/** Pitch classes of a chord symbol (root first), e.g. 'Am7' → [9, 0, 4, 7]; throws on an unknown symbol. */
export function chordPitchClasses(symbol: string): number[] {
  const c = Chord.get(symbol);
  if (c.empty) throw new Error(`unknown chord "${symbol}"`);
  return c.notes.map((n) => TonalNote.chroma(n)).filter((x): x is number => typeof x === 'number');
}

/** The pitch nearest to `pitch` whose pitch class is in `pcs` (ties go down). */
export function snapToPitchClasses(pitch: number, pcs: readonly number[]): number {
  if (pcs.length === 0) return pitch;
  for (let d = 0; d < 12; d++) {
    if (pcs.includes((((pitch - d) % 12) + 12) % 12)) return pitch - d;
    if (pcs.includes((((pitch + d) % 12) + 12) % 12)) return pitch + d;
  }
  return pitch;
}

/** The `index`-th degree of a scale as a MIDI pitch, counting from `root` (negative indices go down). */
export function scaleDegreeToPitch(scale: Scale, index: number, root = 60): number {
  const n = scale.pitchClasses.length;
  const octave = Math.floor(index / n);
  const degree = ((index % n) + n) % n;
  const rootPc = scale.pitchClasses[0];
  const offset = (scale.pitchClasses[degree] - rootPc + 12) % 12;
  const base = root - ((((root - rootPc) % 12) + 12) % 12);
  return base + octave * 12 + offset;
}

/** Parses a note name such as 'C#4' to a MIDI pitch; throws with the bad name. */
export function noteNameToMidi(name: string): number {
  const m = TonalNote.midi(name.trim());
  if (m === null || m === undefined) throw new Error(`"${name}" is not a note name (try C4, F#3, Bb5)`);
  return m;
}

/** A MIDI pitch as a note name with sharps, e.g. 61 → 'C#4'. */
export function midiToNoteName(pitch: number): string {
  return TonalNote.fromMidiSharps(pitch);
}
