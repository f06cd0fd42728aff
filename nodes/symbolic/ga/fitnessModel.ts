/**
 * The `model:fitness` value: a fitness function described as plain data — a list of weighted terms,
 * each naming a criterion and carrying what it needs (a scale, chords, a target melody, a Markov
 * model). Being data rather than a closure, it is cached, hashed, saved and sent to a Worker like
 * any other value; fitnessTerms.ts turns each term into a score.
 */
import type { ChordSpan, ModelValue } from '../../../src/engine/values';
import type { MarkovModel } from '../markov/markovModel';
import type { NeuralLikelihoodTerm } from '../../neural/neuralFitness';

/** A target melody as plain arrays (pitch, start and duration in beats). */
export interface TargetMelody {
  pitch: number[];
  start: number[];
  duration: number[];
}

/** One criterion with its weight; every term scores a melody in [0, 1]. */
export type FitnessTerm =
  | { type: 'in-scale'; weight: number; pitchClasses: number[] }
  | { type: 'chord-consonance'; weight: number; chords: ChordSpan[]; length: number }
  | { type: 'smooth-contour'; weight: number; maxLeap: number }
  | { type: 'density'; weight: number; notesPerBeat: number }
  | { type: 'similarity'; weight: number; target: TargetMelody }
  | { type: 'markov-likelihood'; weight: number; model: MarkovModel }
  | NeuralLikelihoodTerm;

/** The term type names. */
export type FitnessTermType = FitnessTerm['type'];

/** A fitness function: the weighted mean of its terms' scores. */
export interface FitnessModel extends ModelValue {
  kind: 'fitness';
  terms: FitnessTerm[];
}

/** Wraps terms into a fitness value. */
export function fitnessModel(terms: FitnessTerm[]): FitnessModel {
  return { kind: 'fitness', terms };
}

/**
 * Joins several fitness values into one, scaling each one's term weights by its own weight.
 * @example
 * combineFitness([scaleFitness, contourFitness], [2, 1]);
 */
export function combineFitness(parts: readonly FitnessModel[], weights: readonly number[]): FitnessModel {
  const terms: FitnessTerm[] = [];
  parts.forEach((part, i) => {
    const w = weights[i] ?? 1;
    for (const t of part.terms) terms.push({ ...t, weight: t.weight * w });
  });
  return fitnessModel(terms);
}

/** Checks a `model:fitness` value; throws naming `where` when it is not one. */
export function asFitnessModel(value: unknown, where: string): FitnessModel {
  const m = value as Partial<FitnessModel> | undefined;
  if (!m || m.kind !== 'fitness' || !Array.isArray(m.terms)) throw new Error(`${where}: expected a fitness value (connect a ga.fitness-… node)`);
  if (m.terms.length === 0) throw new Error(`${where}: the fitness has no terms`);
  if (!m.terms.some((t) => t.weight > 0)) throw new Error(`${where}: every fitness weight is 0`);
  return m as FitnessModel;
}
