/**
 * The genpatch-events-v1 tokenizer (docs/tokens.md), the TypeScript twin of
 * training/genpatch_tokens.py: the vocabulary, melody and chorale encoders, decoders that return
 * NoteSequences, and the map from decoded notes to the tokens that make them (per-note scores).
 * tests/fixtures/tokens/ holds pieces that both implementations must tokenize identically.
 */
import type { NoteSequence, VoiceInfo } from '../engine/values';
import { endBeat, roundUpToBar } from './noteSequence';
import { decodeChoraleEvents } from './tokensChorale';
import { decodeMelodyEvents, type TokenNote } from './tokensMelody';
import type { TokenFormat, TokenKey } from './tokensVocab';

export * from './tokensVocab';
export * from './tokensMelody';
export * from './tokensChorale';

/** Options of the decoders: what the tokens do not carry. */
export interface DecodeOptions {
  /** Tempo of the sequence in BPM (default 120). */
  tempo?: number;
  /** Velocity of every note, 0–1 (default 0.8). */
  velocity?: number;
}

/** A decoded melody: a NoteSequence plus the key read from its KEY token (null when none). */
export interface DecodedMelody extends NoteSequence {
  key: TokenKey | null;
}

const CHORALE_VOICE_INFO: VoiceInfo[] = [{ name: 'soprano' }, { name: 'alto' }, { name: 'tenor' }, { name: 'bass' }];

/** Wraps decoded notes into a NoteSequence, in decoding order, a whole number of bars long. */
function toSequence(notes: readonly TokenNote[], meter: NoteSequence['timeSignature'], options: DecodeOptions): NoteSequence {
  const velocity = options.velocity ?? 0.8;
  const seqNotes = notes.map((n) => ({ ...n, velocity }));
  return { notes: seqNotes, tempo: options.tempo ?? 120, timeSignature: meter, length: roundUpToBar(endBeat(seqNotes), meter) };
}

/**
 * Melody tokens back to a NoteSequence with meter and key (METER_other reads as 4/4).
 * @example
 * decodeMelody([1, 208, 3, 64, 145, 2]).notes; // [{ pitch: 60, start: 0, duration: 1, velocity: 0.8 }]
 */
export function decodeMelody(tokens: readonly number[], options: DecodeOptions = {}): DecodedMelody {
  const { notes, meter, key } = decodeMelodyEvents(tokens);
  return { ...toSequence(notes, meter, options), key };
}

/**
 * Chorale tokens back to a four-voice NoteSequence (note.voice 0 soprano … 3 bass), notes in token order.
 * @example
 * decodeChorale([1, 209, 3, 64, 132, 132, 132, 2]).notes; // [{ pitch: 60, start: 0, duration: 0.25, voice: 0, velocity: 0.8 }]
 */
export function decodeChorale(tokens: readonly number[], options: DecodeOptions = {}): NoteSequence {
  const { notes, meter } = decodeChoraleEvents(tokens);
  return { ...toSequence(notes, meter, options), voices: CHORALE_VOICE_INFO.map((v) => ({ ...v })) };
}

/**
 * For every note that decodeMelody/decodeChorale returns (same order), the indices of the tokens
 * that make it: NOTE DUR plus each HOLD DUR part in a melody; the onset NOTE plus its HOLDs in a
 * chorale. Summing a model's log-probabilities over a span gives that note's log-likelihood.
 * @example
 * noteTokenSpans([1, 209, 3, 64, 181, 3, 133, 140, 2], 'melody'); // [[3, 4, 6, 7]]
 */
export function noteTokenSpans(tokens: readonly number[], format: TokenFormat): number[][] {
  return format === 'melody' ? decodeMelodyEvents(tokens).spans : decodeChoraleEvents(tokens).spans;
}
