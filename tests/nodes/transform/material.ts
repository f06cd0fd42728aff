/**
 * Musical material shared by the transform tests: a chromatic octave, and the first two bars of
 * a Bach chorale in four voices (train[0] of the JSB chorales, Boulanger-Lewandowski et al. 2012,
 * from /work/shared/datasets/jsb_chorales/Jsb16thSeparated.json; music public domain), typed in
 * genpatch's notation, one clip per voice.
 */
import type { NoteSequence } from '../../../src/engine/values';
import { parseNotation } from '../../../src/music/notation';
import { stackSequences } from '../../../nodes/transform/merge';

/** C4 up to B4 in eighths: every pitch class once. */
export const chromaticOctave = (): NoteSequence =>
  parseNotation('C4/8 C#4 D4 D#4 E4 F4 F#4 G4 G#4 A4 A#4 B4');

/** Soprano, alto, tenor and bass of the chorale's first two bars. */
export const CHORALE_VOICES = [
  'D5/4 D#5/4 F5/2 D#5/4 D5/4 C5/2',
  'A#4/2 A4/4 A#4/8 A4/8 G4/8 A4/8 A#4/4 A4/2',
  'F4/4 A#3/8 C4/8 D4/2 D#4/4 F4/2.',
  'A#3/4 G3/4 D3/4 G3/4 C3/4 A#2/4 F3/2',
] as const;

/** The chorale's voices stacked, voice 0 = soprano … voice 3 = bass. */
export const chorale = (): NoteSequence => stackSequences(CHORALE_VOICES.map((v) => parseNotation(v)), true);
