/**
 * The `model:markov` value: a variable-order Markov chain over melody states, as plain data (a
 * vocabulary of state keys, a context trie of counts, and what generation needs to turn states
 * back into notes). Training reads each melodic line separately.
 */
import type { ModelValue, TimeSignature } from '../../../src/engine/values';
import { buildContextTrie, type ContextTrie } from './contextTrie';
import {
  durationTicks, STATE_KINDS, stateCount, TICKS_PER_BEAT, writeLineStates, type LineEvent, type StateKind,
} from './stateEncoding';

/** A trained Markov model (the value on `model:markov` edges). */
export interface MarkovModel extends ModelValue {
  kind: 'markov';
  state: StateKind;
  order: number;
  /** Additive pseudo-count per state, spread along the back-off chain (see markovDistribution.ts). */
  smoothing: number;
  /** State keys, sorted; a state's index in this list is its id in the trie. */
  vocab: number[];
  trie: ContextTrie;
  /** Lowest and highest pitch of the training lines. */
  pitchRange: [number, number];
  /** Most common pitch (gives duration-only states a pitch). */
  defaultPitch: number;
  /** Most common first pitch of a line (starts interval chains without a primer). */
  startPitch: number;
  /** Most common duration in beats (gives pitch and interval states a length). */
  defaultDuration: number;
  tempo: number;
  timeSignature: TimeSignature;
  /** Number of training lines and of states counted. */
  lines: number;
  events: number;
}

/** Training options. */
export interface TrainOptions {
  state: StateKind;
  order: number;
  smoothing: number;
  tempo?: number;
  timeSignature?: TimeSignature;
}

/** Index of the largest count (the lowest index on ties), or `fallback` when all are 0. */
function argmax(counts: Int32Array, fallback: number): number {
  let best = fallback;
  for (let i = 0; i < counts.length; i++) if (counts[i] > (counts[best] ?? 0)) best = i;
  return best;
}

/** Pitch range and most common pitch, first pitch and duration (ticks) of some lines. */
function lineStatistics(lines: readonly LineEvent[][]) {
  const pitches = new Int32Array(128);
  const firsts = new Int32Array(128);
  const ticks = new Int32Array(4096);
  let lo = 127;
  let hi = 0;
  for (const line of lines) {
    firsts[line[0].pitch]++;
    for (const e of line) {
      pitches[e.pitch]++;
      ticks[durationTicks(e.duration)]++;
      if (e.pitch < lo) lo = e.pitch;
      if (e.pitch > hi) hi = e.pitch;
    }
  }
  return {
    pitchRange: [lo, hi] as [number, number],
    defaultPitch: argmax(pitches, 60),
    startPitch: argmax(firsts, 60),
    defaultDuration: argmax(ticks, TICKS_PER_BEAT / 2) / TICKS_PER_BEAT,
  };
}

/**
 * The states of every line as indices into the sorted vocabulary of state keys: one array end to
 * end, viewed line by line.
 */
function encodeLines(lines: readonly LineEvent[][], state: StateKind) {
  let events = 0;
  for (const line of lines) events += stateCount(state, line.length);
  const keys = new Int32Array(events);
  const ends: number[] = [];
  for (const line of lines) ends.push(writeLineStates(state, line, keys, ends.at(-1) ?? 0));
  let maxKey = -1;
  for (let i = 0; i < events; i++) if (keys[i] > maxKey) maxKey = keys[i];
  if (maxKey < 0) throw new Error('markov: nothing to learn from (connect notes or add MIDI files with at least two notes)');
  // State keys are small integers: a dense table maps each key to its vocabulary index.
  const seen = new Uint8Array(maxKey + 1);
  for (let i = 0; i < events; i++) seen[keys[i]] = 1;
  const index = new Int32Array(maxKey + 1);
  const vocab: number[] = [];
  for (let k = 0; k <= maxKey; k++) if (seen[k]) index[k] = vocab.push(k) - 1;
  for (let i = 0; i < events; i++) keys[i] = index[keys[i]];
  const sequences = ends.map((end, i) => keys.subarray(i === 0 ? 0 : ends[i - 1], end));
  return { vocab, sequences, events };
}

/**
 * Trains a model on melodic lines (one per voice of each input).
 * @example
 * const model = trainMarkov(voiceLines(seq), { state: 'pitch', order: 2, smoothing: 0.01 });
 */
export function trainMarkov(lines: readonly LineEvent[][], options: TrainOptions): MarkovModel {
  const { state, order, smoothing } = options;
  if (!STATE_KINDS.includes(state)) throw new Error(`markov: unknown state kind "${state}"`);
  if (!Number.isInteger(order) || order < 1 || order > 8) throw new Error(`markov: order ${order} must be an integer 1–8`);
  if (!(smoothing >= 0)) throw new Error(`markov: smoothing ${smoothing} must be ≥ 0`);
  const used = lines.filter((l) => l.length > 0);
  const { vocab, sequences, events } = encodeLines(used, state);
  return {
    kind: 'markov',
    state,
    order,
    smoothing,
    vocab,
    trie: buildContextTrie(sequences, vocab.length, order),
    ...lineStatistics(used),
    tempo: options.tempo ?? 120,
    timeSignature: options.timeSignature ?? { numerator: 4, denominator: 4 },
    lines: used.length,
    events,
  };
}

/** Checks that a value is a Markov model made by trainMarkov; throws saying what is missing. */
export function asMarkovModel(value: unknown, where: string): MarkovModel {
  const m = value as Partial<MarkovModel> | undefined;
  if (!m || m.kind !== 'markov') throw new Error(`${where}: expected a Markov model (connect markov.train)`);
  if (!m.trie || !Array.isArray(m.vocab) || !STATE_KINDS.includes(m.state as StateKind)) {
    throw new Error(`${where}: the Markov model is incomplete (retrain it with markov.train)`);
  }
  return m as MarkovModel;
}
