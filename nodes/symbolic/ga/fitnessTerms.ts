/**
 * Scores of the fitness terms: each is a pure function of (term, melody) into [0, 1], and a
 * fitness is their weighted mean. Adding a criterion — say the likelihood under a neural melody
 * model — means one new term type in fitnessModel.ts, one evaluator in TERM_EVALUATORS (the type
 * checker asks for it) and one node that emits the term.
 */
import { contextPath } from '../markov/contextTrie';
import { probabilityOf } from '../markov/markovDistribution';
import type { MarkovModel } from '../markov/markovModel';
import { eventKey, intervalKey } from '../markov/stateEncoding';
import type { NodeContext } from '../../../src/engine/node';
import { neuralLikelihood, prepareNeuralTerm } from '../../neural/neuralFitness';
import type { FitnessModel, FitnessTerm, FitnessTermType } from './fitnessModel';
import type { Melody } from './melody';

type TermOf<T extends FitnessTermType> = Extract<FitnessTerm, { type: T }>;
type Evaluator<T extends FitnessTermType> = (term: TermOf<T>, melody: Melody) => number;

const pcOf = (p: number): number => ((p % 12) + 12) % 12;

/** Consonance of two pitch classes by interval class 0–6 (unison … tritone). */
const DYAD_CONSONANCE = [1, 0, 0.2, 0.6, 0.6, 0.8, 0.1];

/** Per-term precomputations, keyed by the term object (terms are immutable values). */
const prepared = new WeakMap<object, unknown>();
function memo<T>(term: object, make: () => T): T {
  let v = prepared.get(term) as T | undefined;
  if (v === undefined) prepared.set(term, (v = make()));
  return v;
}

/** For a chord's pitch classes: each of the 12 pitch classes' mean consonance with the chord tones, best = 1. */
function chordConsonance(pcs: readonly number[]): Float64Array {
  const table = new Float64Array(12);
  for (let pc = 0; pc < 12; pc++) {
    let sum = 0;
    for (const c of pcs) {
      const d = Math.abs(pc - c) % 12;
      sum += DYAD_CONSONANCE[Math.min(d, 12 - d)];
    }
    table[pc] = sum / Math.max(1, pcs.length);
  }
  const best = Math.max(...table);
  return table.map((v) => (best > 0 ? v / best : 0));
}

function inScale(term: TermOf<'in-scale'>, m: Melody): number {
  if (m.count === 0) return 0;
  const mask = memo(term, () => term.pitchClasses.reduce((acc, pc) => acc | (1 << pc), 0));
  let hits = 0;
  for (let i = 0; i < m.count; i++) if (mask & (1 << pcOf(m.pitch[i]))) hits++;
  return hits / m.count;
}

function chordConsonanceScore(term: TermOf<'chord-consonance'>, m: Melody): number {
  const tables = memo(term, () => term.chords.map((c) => chordConsonance(c.pitchClasses)));
  let sum = 0;
  let counted = 0;
  for (let i = 0; i < m.count; i++) {
    const t = term.length > 0 ? m.start[i] % term.length : m.start[i];
    const k = term.chords.findIndex((c) => t >= c.start - 1e-9 && t < c.start + c.duration - 1e-9);
    if (k < 0) continue;
    sum += tables[k][pcOf(m.pitch[i])];
    counted++;
  }
  return counted > 0 ? sum / counted : 0;
}

/** Score of one melodic interval: steps (1–2 semitones) 1, a repeated note 0.5, wider ones falling to 0 at maxLeap. */
export function intervalSmoothness(semitones: number, maxLeap: number): number {
  const size = Math.abs(semitones);
  if (size === 0) return 0.5;
  if (size <= 2) return 1;
  return Math.max(0, 1 - (size - 2) / Math.max(1, maxLeap - 2));
}

function smoothContour(term: TermOf<'smooth-contour'>, m: Melody): number {
  if (m.count < 2) return 0;
  let sum = 0;
  for (let i = 1; i < m.count; i++) sum += intervalSmoothness(m.pitch[i] - m.pitch[i - 1], term.maxLeap);
  return sum / (m.count - 1);
}

function density(term: TermOf<'density'>, m: Melody): number {
  if (!(m.length > 0)) return 0;
  const perBeat = m.count / m.length;
  return Math.max(0, 1 - Math.abs(perBeat - term.notesPerBeat) / term.notesPerBeat);
}

/** Target notes matched by onset; a match earns pitch closeness (1 − |Δ|/12) halved if durations differ. */
function similarity(term: TermOf<'similarity'>, m: Melody): number {
  const t = term.target;
  const n = Math.max(t.pitch.length, m.count);
  if (n === 0) return 1;
  let credit = 0;
  let j = 0;
  for (let i = 0; i < t.pitch.length; i++) {
    while (j < m.count && m.start[j] < t.start[i] - 1e-6) j++;
    if (j >= m.count || Math.abs(m.start[j] - t.start[i]) > 1e-6) continue;
    const pitchCredit = Math.max(0, 1 - Math.abs(m.pitch[j] - t.pitch[i]) / 12);
    credit += Math.abs(m.duration[j] - t.duration[i]) < 1e-6 ? pitchCredit : pitchCredit / 2;
  }
  return credit / n;
}

/** Pseudo-count used to score melodies, so an unseen transition is unlikely rather than impossible. */
const LIKELIHOOD_SMOOTHING = 0.01;
/** Largest (contexts × states) table of cached log-probabilities per Markov term (8 bytes a cell). */
const LOG_CACHE_CELLS = 1 << 22;

/** 1 + (mean log-probability per state) / log(V): 1 = fully predictable, 0 = no better than chance. */
function markovLikelihood(term: TermOf<'markov-likelihood'>, m: Melody): number {
  const model: MarkovModel = term.model;
  const V = model.vocab.length;
  const ctx = memo(term, () => {
    const maxKey = model.vocab[V - 1];
    const index = new Int32Array(maxKey + 1).fill(-1);
    model.vocab.forEach((k, i) => { index[k] = i; });
    const alpha = Math.max(model.smoothing, LIKELIHOOD_SMOOTHING);
    // log P(state | context) depends only on the deepest context node (its ancestors are fixed), so
    // it is cached per (node, state) when that table is small enough; NaN marks "not yet computed".
    const cells = model.trie.nodeCount * V;
    const logCache = cells <= LOG_CACHE_CELLS ? new Float64Array(cells).fill(NaN) : null;
    return { index, maxKey, alpha, logCache, path: new Int32Array(model.order + 1), unseen: Math.log(alpha / (model.trie.total[0] + alpha * V)) };
  });
  const states = new Int32Array(m.count);
  let n = 0;
  for (let i = 0; i < m.count; i++) {
    let key: number;
    if (model.state === 'interval') {
      if (i === 0) continue;
      key = intervalKey(m.pitch[i] - m.pitch[i - 1]);
    } else {
      key = eventKey(model.state, m.pitch[i], i + 1 < m.count ? m.start[i + 1] - m.start[i] : m.duration[i]);
    }
    states[n++] = key <= ctx.maxKey ? ctx.index[key] : -1;
  }
  if (n === 0) return 0;
  let logSum = 0;
  for (let t = 0; t < n; t++) {
    const s = states[t];
    if (s < 0) { logSum += ctx.unseen; continue; }
    const depth = contextPath(model.trie, states, t, ctx.path);
    const cell = ctx.path[depth] * V + s;
    let logP = ctx.logCache ? ctx.logCache[cell] : NaN;
    if (Number.isNaN(logP)) {
      logP = Math.log(probabilityOf(model, ctx.path, depth, s, ctx.alpha));
      if (ctx.logCache) ctx.logCache[cell] = logP;
    }
    logSum += logP;
  }
  return V < 2 ? 1 : Math.max(0, Math.min(1, 1 + logSum / n / Math.log(V)));
}

/** The evaluator of every term type. */
export const TERM_EVALUATORS: { [T in FitnessTermType]: Evaluator<T> } = {
  'in-scale': inScale,
  'chord-consonance': chordConsonanceScore,
  'smooth-contour': smoothContour,
  density,
  similarity,
  'markov-likelihood': markovLikelihood,
  'neural-likelihood': neuralLikelihood,
};

/** The score of one term for a melody, in [0, 1]. */
export function scoreTerm(term: FitnessTerm, melody: Melody): number {
  const evaluate = TERM_EVALUATORS[term.type] as Evaluator<FitnessTermType>;
  if (!evaluate) throw new Error(`fitness: unknown term type "${term.type}"`);
  return evaluate(term as never, melody);
}

/**
 * The fitness of a melody: the weighted mean of its term scores, in [0, 1].
 * @example
 * scoreMelody(fitnessModel([{ type: 'in-scale', weight: 1, pitchClasses: [0, 2, 4, 5, 7, 9, 11] }]), melody);
 */
export function scoreMelody(model: FitnessModel, melody: Melody): number {
  let sum = 0;
  let weights = 0;
  for (const term of model.terms) {
    if (term.weight <= 0) continue;
    sum += term.weight * scoreTerm(term, melody);
    weights += term.weight;
  }
  return weights > 0 ? sum / weights : 0;
}

/** True when a fitness has terms that must be prepared asynchronously before scoreMelody. */
export function needsPreparation(model: FitnessModel): boolean {
  return model.terms.some((t) => t.type === 'neural-likelihood' && t.weight > 0);
}

/**
 * Prepares the terms that score asynchronously (a neural model scores a whole generation in batched
 * calls); ga.evolve awaits it for every generation before scoreMelody.
 */
export async function prepareFitness(model: FitnessModel, melodies: readonly Melody[], ctx: NodeContext): Promise<void> {
  for (const term of model.terms) if (term.type === 'neural-likelihood' && term.weight > 0) await prepareNeuralTerm(term, melodies, ctx);
}
