/**
 * Reads what an interactive `ga.evolve` node shows the listener: the generation number, each
 * candidate as a sequence of its own, the population's state text, and any fitness line previews.
 * The node lays its candidates out one after another on its `candidates` output, candidate k on
 * voice k, each in a span of whole bars; this module cuts them apart again.
 */
import type { Preview } from '../../engine/node';
import type { PatchNode } from '../../engine/patch/types';
import type { NoteSequence } from '../../engine/values';
import { decodeState } from '../../../nodes/symbolic/ga/populationState';
import type { NodeResultView } from '../run/runtime';

/** The node type the rating panel serves. */
export const GA_EVOLVE_TYPE = 'ga.evolve';

/** A line-plot preview (fitness per generation). */
export type LinePreview = Extract<Preview, { kind: 'line' }>;

/** One generation as the rating panel shows it. */
export interface GaGenerationView {
  /** Generation number of the shown candidates (0 = the random start). */
  generation: number;
  /** Each candidate alone, from beat 0, in candidate order. */
  candidates: NoteSequence[];
  /** The node's `state` output: the shown population, which the next step writes into the `state` param. */
  state: string;
  /** Line previews the node returned (fitness per generation), drawn as they are. */
  fitness: LinePreview[];
}

/**
 * True for a ga.evolve node whose `interactive` param is on.
 * @example
 * isInteractiveGa({ type: 'ga.evolve', params: { interactive: true }, … }); // true
 */
export function isInteractiveGa(node: Pick<PatchNode, 'type' | 'params'> | undefined): boolean {
  return node?.type === GA_EVOLVE_TYPE && node.params.interactive === true;
}

const isNotes = (v: unknown): v is NoteSequence =>
  typeof v === 'object' && v !== null && Array.isArray((v as NoteSequence).notes) && typeof (v as NoteSequence).length === 'number';

/**
 * The generation shown by a ga.evolve result, or null before the node has a result.
 * Throws naming the output when the result does not have the shape the node documents.
 * @example
 * const view = readGaGeneration(runtime.results.get('n1'));
 * view?.candidates.length; // the node's `show` param
 */
export function readGaGeneration(result: NodeResultView | undefined): GaGenerationView | null {
  if (!result) return null;
  const { candidates, state } = result.outputs;
  if (typeof state !== 'string') throw new Error('ga.evolve result: the "state" output is not text');
  if (!isNotes(candidates)) throw new Error('ga.evolve result: the "candidates" output is not a note sequence');
  const decoded = decodeState(state);
  return {
    generation: decoded.generation,
    candidates: splitCandidates(candidates, decoded.population.size),
    state,
    fitness: result.previews.filter((p): p is LinePreview => p.kind === 'line'),
  };
}

/**
 * Cuts a candidates sequence into `count` sequences: candidate k is voice k, in the k-th of `count`
 * equal spans; each comes back shifted to start at beat 0 and keeps its voice (so its colour).
 * @example
 * splitCandidates(seq, 8).map((c) => c.notes.length);
 */
export function splitCandidates(seq: NoteSequence, count: number): NoteSequence[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`splitCandidates: count must be a positive integer, got ${count}`);
  const span = seq.length / count;
  const out: NoteSequence[] = Array.from({ length: count }, () => ({
    notes: [], tempo: seq.tempo, timeSignature: seq.timeSignature, length: span,
  }));
  for (const note of seq.notes) {
    const k = note.voice ?? Math.floor(note.start / span + 1e-9);
    if (k < 0 || k >= count) throw new Error(`splitCandidates: a note on voice ${k} but only ${count} candidates`);
    out[k].notes.push({ ...note, start: note.start - k * span });
  }
  return out;
}

/** Best and mean of a ratings text such as "3,5,1" (null when it holds no ratings). */
export function summarizeRatings(text: string): { best: number; mean: number; count: number } | null {
  const values = text.split(/[\s,;]+/).filter(Boolean).map(Number).filter(Number.isFinite);
  if (values.length === 0) return null;
  return { best: Math.max(...values), mean: values.reduce((a, b) => a + b, 0) / values.length, count: values.length };
}
