/**
 * The token vocabulary genpatch-events-v1 (docs/tokens.md): ids, names, kind predicates, and the
 * meter/key tokens. The twin of the constants in training/genpatch_tokens.py — ids must stay equal.
 */
import type { Scale, TimeSignature } from '../engine/values';

/** Padding, never predicted. */
export const PAD = 0;
/** Start of a piece. */
export const BOS = 1;
/** End of a piece. */
export const EOS = 2;
/** The next event (melody) or step (chorale) starts on a bar line. */
export const BAR = 3;
/** NOTE_p has id NOTE0 + p, p = 0…127. */
export const NOTE0 = 4;
/** Silence starts (melody) / the voice is silent on this step (chorale). */
export const REST = 132;
/** The previous note goes on. */
export const HOLD = 133;
/** DUR_k has id DUR0 + k, k = 1…MAX_DUR. */
export const DUR0 = 133;
/** The longest duration token, in twelfths of a beat (4 beats). */
export const MAX_DUR = 48;
/** KEY_maj_t has id KEY_MAJ0 + t (t = tonic pitch class). */
export const KEY_MAJ0 = 182;
/** KEY_min_t has id KEY_MIN0 + t. */
export const KEY_MIN0 = 194;
/** The time signatures with their own token, in id order from METER0. */
export const METERS: readonly string[] = ['2/2', '2/4', '3/4', '4/4', '6/4', '6/8', '9/8', '12/8', '3/2'];
/** METER_… of METERS[i] has id METER0 + i. */
export const METER0 = 206;
/** Any time signature not in METERS. */
export const METER_OTHER = 215;
/** Number of token ids. */
export const VOCAB_SIZE = 216;
/** The vocabulary's name, written into model manifests. */
export const VOCAB_ID = 'genpatch-events-v1';
/** Time units per quarter-note beat. */
export const TWELFTHS = 12;
/** One chorale grid step (a 16th note) in twelfths. */
export const STEP = 3;

/** Which of the two token formats a sequence uses. */
export type TokenFormat = 'melody' | 'chorale';

/** A key as the tokens see it: tonic pitch class 0–11 and a mode name. */
export interface TokenKey {
  tonic: number;
  mode: string;
}

const MAJOR_MODES = new Set(['major', 'ionian', 'lydian', 'mixolydian']);
const MINOR_MODES = new Set(['minor', 'dorian', 'phrygian', 'aeolian', 'locrian']);

/** Rounds half up, floor(x + 0.5) — exactly the `_round` of genpatch_tokens.py. */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5);
}

/** True for NOTE_p tokens. */
export const isNote = (t: number): boolean => t >= NOTE0 && t < NOTE0 + 128;
/** True for DUR_k tokens. */
export const isDur = (t: number): boolean => t > DUR0 && t <= DUR0 + MAX_DUR;
/** True for KEY_maj_t and KEY_min_t tokens. */
export const isKey = (t: number): boolean => t >= KEY_MAJ0 && t < KEY_MIN0 + 12;
/** True for METER_… tokens, METER_other included. */
export const isMeter = (t: number): boolean => t >= METER0 && t <= METER_OTHER;
/** True for the tokens that open an event or fill a voice slot: NOTE_p, REST, HOLD. */
export const isEvent = (t: number): boolean => isNote(t) || t === REST || t === HOLD;
/** The MIDI pitch of a NOTE_p token. */
export const notePitch = (t: number): number => t - NOTE0;
/** The length in twelfths of a DUR_k token. */
export const durTwelfths = (t: number): number => t - DUR0;

/** The NOTE_p token of a MIDI pitch; throws for anything but an integer 0–127. */
export function noteToken(pitch: number): number {
  if (!Number.isInteger(pitch) || pitch < 0 || pitch > 127) throw new Error(`note pitch ${pitch} is not a MIDI pitch 0..127`);
  return NOTE0 + pitch;
}

/** The DUR_k token of k twelfths, k = 1…48. */
export function durToken(k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > MAX_DUR) throw new Error(`duration ${k} twelfths is outside DUR_1..DUR_${MAX_DUR}`);
  return DUR0 + k;
}

/**
 * The readable name of a token id.
 * @example
 * tokenName(64); // 'NOTE_60'
 */
export function tokenName(id: number): string {
  if (id === PAD) return '<pad>';
  if (id === BOS) return '<bos>';
  if (id === EOS) return '<eos>';
  if (id === BAR) return 'BAR';
  if (isNote(id)) return `NOTE_${id - NOTE0}`;
  if (id === REST) return 'REST';
  if (id === HOLD) return 'HOLD';
  if (isDur(id)) return `DUR_${id - DUR0}`;
  if (id >= KEY_MAJ0 && id < KEY_MAJ0 + 12) return `KEY_maj_${id - KEY_MAJ0}`;
  if (id >= KEY_MIN0 && id < KEY_MIN0 + 12) return `KEY_min_${id - KEY_MIN0}`;
  if (id >= METER0 && id < METER0 + METERS.length) return `METER_${METERS[id - METER0]}`;
  if (id === METER_OTHER) return 'METER_other';
  throw new Error(`token id ${id} is outside the vocabulary 0..${VOCAB_SIZE - 1}`);
}

/** The METER_… token of a time signature (METER_other when it has no token of its own). */
export function meterToken(meter: TimeSignature): number {
  const i = METERS.indexOf(`${meter.numerator}/${meter.denominator}`);
  return i >= 0 ? METER0 + i : METER_OTHER;
}

/** The time signature of a METER_… token; null for METER_other. */
export function meterOfToken(token: number): TimeSignature | null {
  if (token < METER0 || token >= METER0 + METERS.length) return null;
  const [numerator, denominator] = METERS[token - METER0].split('/').map(Number);
  return { numerator, denominator };
}

/** The KEY_… token of a key, null when there is no key; throws on a mode that is neither major- nor minor-like. */
export function keyToken(key: TokenKey | null | undefined): number | null {
  if (!key) return null;
  const mode = key.mode.toLowerCase();
  const tonic = ((key.tonic % 12) + 12) % 12;
  if (MAJOR_MODES.has(mode)) return KEY_MAJ0 + tonic;
  if (MINOR_MODES.has(mode)) return KEY_MIN0 + tonic;
  throw new Error(`unknown mode '${key.mode}' (expected major, minor or a church mode)`);
}

/** The key of a KEY_… token (mode 'major' or 'minor'); null for any other token. */
export function keyOfToken(token: number): TokenKey | null {
  if (token >= KEY_MAJ0 && token < KEY_MAJ0 + 12) return { tonic: token - KEY_MAJ0, mode: 'major' };
  if (token >= KEY_MIN0 && token < KEY_MIN0 + 12) return { tonic: token - KEY_MIN0, mode: 'minor' };
  return null;
}

/** Twelfths in one bar of a meter (0 when the bar is under half a twelfth: then no BAR tokens). */
export function barTwelfths(meter: TimeSignature): number {
  if (!(meter.numerator >= 1 && meter.denominator >= 1)) {
    throw new Error(`meter ${meter.numerator}/${meter.denominator} must have a positive numerator and denominator`);
  }
  return roundHalfUp((meter.numerator * 48) / meter.denominator);
}

/**
 * The token key of a `scale` conditioning value: the tonic's pitch class and major or minor. Church
 * modes map as in docs/tokens.md; other scales are major when they hold the major third above the
 * tonic and not the minor one, minor in the opposite case, and null (no key token) when ambiguous.
 * @example
 * keyFromScale(makeScale('D', 'dorian')); // { tonic: 2, mode: 'minor' }
 */
export function keyFromScale(scale: Scale): TokenKey | null {
  if (scale.pitchClasses.length === 0) throw new Error(`scale '${scale.tonic} ${scale.name}' has no pitch classes`);
  const tonic = scale.pitchClasses[0];
  const name = scale.name.toLowerCase().trim();
  if (MAJOR_MODES.has(name) || MINOR_MODES.has(name)) {
    return { tonic, mode: MAJOR_MODES.has(name) ? 'major' : 'minor' };
  }
  const has = (interval: number) => scale.pitchClasses.includes((tonic + interval) % 12);
  if (has(4) && !has(3)) return { tonic, mode: 'major' };
  if (has(3) && !has(4)) return { tonic, mode: 'minor' };
  return null;
}
