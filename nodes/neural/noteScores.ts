/**
 * Per-note log-likelihood under a token model: the notes are tokenized in the model's format, every
 * token is scored given the ones before it (tokenScorer.ts), and each note gets the sum over the
 * tokens that make it (noteTokenSpans: NOTE DUR plus HOLD DUR parts in a melody; the onset NOTE
 * plus its HOLDs in a chorale). Its negation is the note's surprisal in nats.
 */
import type { NoteSequence } from '../../src/engine/values';
import {
  decodeChoraleEvents, decodeMelodyEvents, encodeChorale, encodeMelody, type TokenKey, type TokenNote,
} from '../../src/music/tokens';
import type { NeuralHandle } from './openModel';
import { choraleNotes, melodyLine } from './primers';
import { tokenLogProbsOf, type ScoreHooks } from './tokenScorer';

/** The scores of a sequence's notes, in the order the tokens decode them. */
export interface NoteScores {
  tokens: number[];
  /** The notes as the tokenizer sees them (quantized; voice 0–3 in a chorale). */
  notes: TokenNote[];
  /** log-likelihood of each note, in nats. */
  perNote: number[];
  /** Sum over every token after <bos> (the sequence's log-likelihood). */
  total: number;
}

/** The tokens of a sequence in a model's format (no <eos>: a fragment is judged as it stands). */
export function tokensFor(seq: NoteSequence, format: 'melody' | 'chorale', key: TokenKey | null): number[] {
  const meter = seq.timeSignature;
  return format === 'melody'
    ? encodeMelody(melodyLine(seq), { meter, key, eos: false })
    : encodeChorale(choraleNotes(seq).notes, { meter, eos: false });
}

/** Sums token log-probabilities over each note's span. */
export function notesFromTokens(tokens: number[], lp: Float64Array, format: 'melody' | 'chorale'): NoteScores {
  const { notes, spans } = format === 'melody' ? decodeMelodyEvents(tokens) : decodeChoraleEvents(tokens);
  const perNote = spans.map((span) => span.reduce((sum, i) => sum + lp[i], 0));
  return { tokens, notes, perNote, total: lp.reduce((a, b) => a + b, 0) };
}

/**
 * Scores the notes of several sequences in one batched pass.
 * @example
 * const [tune] = await scoreSequences(handle, [seq], null);
 * tune.perNote; // [-2.1, -0.4, …]
 */
export async function scoreSequences(handle: NeuralHandle, seqs: readonly NoteSequence[], key: TokenKey | null, hooks: ScoreHooks = {}): Promise<NoteScores[]> {
  const format = handle.value.format;
  const tokens = seqs.map((s) => tokensFor(s, format, key));
  const lps = await tokenLogProbsOf(handle, tokens, hooks);
  return tokens.map((t, i) => notesFromTokens(t, lps[i], format));
}
