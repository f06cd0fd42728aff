/**
 * Sampling melodies from a Markov model: variable-order (each step uses the longest context seen
 * in training, up to the model's order), with temperature, and with optional conditioning on a
 * scale and a chord progression by masking the states whose pitch falls outside the allowed pitch
 * classes and renormalizing. When masking empties the distribution of a context, generation backs
 * off to the next shorter context.
 */
import type { Rng } from '../../../src/engine/rng';
import type { Chords, Scale } from '../../../src/engine/values';
import { contextPath } from './contextTrie';
import { fillDistribution } from './markovDistribution';
import type { MarkovModel } from './markovModel';
import { lineStates, stateMeaning, type LineEvent } from './stateEncoding';

/** Options of one generation run. */
export interface GenerateOptions {
  /** Number of notes to generate. */
  length: number;
  /** Sharpens (< 1) or flattens (> 1) the distribution: p^(1/temperature). */
  temperature: number;
  rng: Rng;
  /** Line to continue (its states are the first context). */
  primer?: LineEvent[];
  scale?: Scale;
  chords?: Chords;
  /** Called every 1024 steps; throw from it to cancel. */
  check?: () => void;
}

/** A generated note with its start in beats from the end of the primer. */
export interface GeneratedNote {
  pitch: number;
  start: number;
  duration: number;
}

/** The generated notes and, for each, the context length actually used. */
export interface GenerateResult {
  notes: GeneratedNote[];
  ordersUsed: number[];
}

/** The pitch classes allowed at beat `time`: scale ∩ sounding chord (the chord alone if they share none), or whichever exists. */
export function allowedPitchClasses(time: number, scale?: Scale, chords?: Chords): Set<number> | null {
  let chordPcs: number[] | null = null;
  if (chords && chords.chords.length > 0) {
    const t = chords.length > 0 ? time % chords.length : time;
    const span = chords.chords.find((c) => t >= c.start - 1e-9 && t < c.start + c.duration - 1e-9);
    if (span) chordPcs = span.pitchClasses;
  }
  if (!scale && !chordPcs) return null;
  if (scale && chordPcs) {
    const both = chordPcs.filter((pc) => scale.pitchClasses.includes(pc));
    return new Set(both.length > 0 ? both : chordPcs);
  }
  return new Set(scale ? scale.pitchClasses : chordPcs!);
}

/**
 * Generates `length` notes from a model.
 * @example
 * const { notes, ordersUsed } = generateMarkov(model, { length: 64, temperature: 1, rng: createRng(1) });
 */
export function generateMarkov(model: MarkovModel, options: GenerateOptions): GenerateResult {
  const { trie, vocab, state } = model;
  const V = vocab.length;
  const meanings = vocab.map((k) => stateMeaning(state, k));
  const index = new Map(vocab.map((k, i) => [k, i] as const));
  const primer = options.primer ?? [];
  const primerStates = lineStates(state, primer).map((k) => index.get(k) ?? -1);
  const history = new Int32Array(primerStates.length + options.length);
  history.set(primerStates);
  let n = primerStates.length;
  const path = new Int32Array(model.order + 1);
  const probs = new Float64Array(V);
  const notes: GeneratedNote[] = [];
  const ordersUsed: number[] = [];
  let pitch = primer.length > 0 ? primer[primer.length - 1].pitch : (state === 'interval' ? model.startPitch : model.defaultPitch);
  let time = 0;
  const [lo, hi] = model.pitchRange;
  const invTemp = 1 / Math.max(options.temperature, 1e-3);
  if (state === 'interval' && primer.length === 0 && options.length > 0) {
    notes.push({ pitch, start: 0, duration: model.defaultDuration });
    ordersUsed.push(0);
    time = model.defaultDuration;
  }
  const pitchOf = (s: number): number => {
    const m = meanings[s];
    return m.pitch ?? (m.interval !== null ? pitch + m.interval : pitch);
  };
  while (notes.length < options.length) {
    if (options.check && (notes.length & 1023) === 0) options.check();
    const pcs = allowedPitchClasses(time, options.scale, options.chords);
    const constrained = state === 'interval' || (pcs !== null && state !== 'duration');
    const allowed = (s: number): boolean => {
      if (!constrained) return true;
      const p = pitchOf(s);
      if (state === 'interval' && (p < lo || p > hi)) return false;
      return pcs === null || pcs.has(((p % 12) + 12) % 12);
    };
    let depth = contextPath(trie, history, n, path);
    let sum = 0;
    for (;;) {
      fillDistribution(model, path, depth, probs);
      sum = 0;
      for (let s = 0; s < V; s++) {
        if (constrained && probs[s] > 0 && !allowed(s)) probs[s] = 0;
        sum += probs[s];
      }
      if (sum > 0 || depth === 0) break;
      depth--;
    }
    if (sum === 0) {
      for (let s = 0; s < V; s++) probs[s] = allowed(s) ? 1 : 0;
      if (!probs.some((p) => p > 0)) throw new Error(`markov.generate: no state of the model fits the scale/chords at beat ${time}`);
    } else if (invTemp !== 1) {
      let max = 0;
      for (let s = 0; s < V; s++) max = Math.max(max, probs[s]);
      for (let s = 0; s < V; s++) probs[s] = probs[s] > 0 ? (probs[s] / max) ** invTemp : 0;
    }
    const s = options.rng.weighted(probs);
    const m = meanings[s];
    pitch = pitchOf(s);
    const duration = m.beats ?? model.defaultDuration;
    notes.push({ pitch, start: time, duration });
    ordersUsed.push(depth);
    history[n++] = s;
    time += duration;
  }
  return { notes, ordersUsed };
}
