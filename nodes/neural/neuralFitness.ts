/**
 * The neural-likelihood fitness term of ga.evolve: how likely a neural model finds a candidate
 * melody. A model call is asynchronous and far dearer than a rule, so the GA prepares each
 * generation before scoring it: prepareNeuralTerm tokenizes the candidates it has not seen yet and
 * scores them all in batched passes, and the synchronous evaluator only looks the results up (elites
 * and unchanged children are never scored twice).
 */
import type { NodeContext } from '../../src/engine/node';
import { getModelService, type ModelService } from '../../src/ml/service';
import { CHORALE_VOICES, encodeChorale, encodeMelody, HOLD, isNote, REST, VOCAB_SIZE, type TokenNote } from '../../src/music/tokens';
import type { Melody } from '../symbolic/ga/melody';
import type { NeuralModelValue } from './neuralModel';
import { openNeuralModel, type NeuralHandle } from './openModel';
import { COMMON_TIME } from './primers';
import { tokenLogProbsOf } from './tokenScorer';

/** The term ga.fitness-neural emits. */
export interface NeuralLikelihoodTerm {
  type: 'neural-likelihood';
  weight: number;
  model: NeuralModelValue;
}

/** Scores kept per term before the cache is cleared (a long run sees many distinct melodies). */
const MAX_CACHED = 200_000;

interface TermCache {
  /** The opened model and the service it was opened with (a new host service reopens it). */
  handle: Promise<NeuralHandle> | null;
  service: ModelService | null;
  scores: Map<string, number>;
}

const caches = new WeakMap<NeuralLikelihoodTerm, TermCache>();
const cacheOf = (term: NeuralLikelihoodTerm): TermCache => {
  let c = caches.get(term);
  if (!c) caches.set(term, (c = { handle: null, service: null, scores: new Map() }));
  return c;
};

/** A melody's identity: its notes' pitches, starts and durations. */
function melodyKey(m: Melody): string {
  let key = `${m.length}`;
  for (let i = 0; i < m.count; i++) key += `|${m.pitch[i]},${m.start[i]},${m.duration[i]}`;
  return key;
}

function melodyNotes(m: Melody): TokenNote[] {
  return Array.from({ length: m.count }, (_, i) => ({ pitch: m.pitch[i], start: m.start[i], duration: m.duration[i], voice: 0 }));
}

/**
 * A melody's tokens and which of them are scored: every token after `<bos> METER` in the melody
 * format; in the chorale format the melody is the soprano (the other voices rest) and only the
 * soprano's tokens count, one per 16th step.
 */
export function fitnessTokens(m: Melody, format: 'melody' | 'chorale'): { tokens: number[]; scored: number[] } {
  if (format === 'melody') {
    const tokens = encodeMelody(melodyNotes(m), { meter: COMMON_TIME, eos: false });
    return { tokens, scored: tokens.map((_, i) => i).slice(2) };
  }
  const tokens = encodeChorale(melodyNotes(m), { meter: COMMON_TIME, eos: false });
  const scored: number[] = [];
  let count = 0;
  tokens.forEach((t, i) => {
    if (!(isNote(t) || t === REST || t === HOLD)) return;
    if (count++ % CHORALE_VOICES === 0) scored.push(i);
  });
  return { tokens, scored };
}

/** 1 + (mean log-probability of the scored tokens) / log(vocabulary): 1 = certain, 0 = no better than chance. */
function likelihoodScore(lp: Float64Array, scored: readonly number[]): number {
  if (scored.length === 0) return 0;
  let sum = 0;
  for (const i of scored) sum += lp[i];
  return Math.max(0, Math.min(1, 1 + sum / scored.length / Math.log(VOCAB_SIZE)));
}

/**
 * Scores, in batches, every melody the term has not scored yet (call before neuralLikelihood).
 * @example
 * await prepareNeuralTerm(term, population.map(decode), ctx); neuralLikelihood(term, population[0]);
 */
export async function prepareNeuralTerm(term: NeuralLikelihoodTerm, melodies: readonly Melody[], ctx: NodeContext): Promise<void> {
  const cache = cacheOf(term);
  const todo = new Map<string, Melody>();
  for (const m of melodies) {
    const key = melodyKey(m);
    if (!cache.scores.has(key)) todo.set(key, m);
  }
  if (todo.size === 0) return;
  const service = getModelService(ctx);
  if (cache.service !== service) cache.handle = null;
  cache.service = service;
  cache.handle ??= openNeuralModel(term.model, ctx, `node ${ctx.nodeId} (ga.fitness-neural term)`);
  cache.handle.catch(() => { cache.handle = null; });
  const handle = await cache.handle;
  const prepared = [...todo.values()].map((m) => fitnessTokens(m, handle.value.format));
  const lps = await tokenLogProbsOf(handle, prepared.map((p) => p.tokens), { yield: () => ctx.yield() });
  if (cache.scores.size + todo.size > MAX_CACHED) cache.scores.clear();
  [...todo.keys()].forEach((key, i) => cache.scores.set(key, likelihoodScore(lps[i], prepared[i].scored)));
}

/** The term's score of a melody that prepareNeuralTerm has scored; throws for one it has not. */
export function neuralLikelihood(term: NeuralLikelihoodTerm, m: Melody): number {
  const score = caches.get(term)?.scores.get(melodyKey(m));
  if (score === undefined) throw new Error('neural-likelihood fitness: this melody was not scored yet (the GA prepares each generation with prepareFitness first)');
  return score;
}
