/** The `ga.fitness-combine` node: several fitness values as one weighted fitness. */
import { defineNode } from '../../../src/engine/node';
import { asFitnessModel, combineFitness } from './fitnessModel';

/** Parses "1, 0.5, 2" into weights; throws naming the bad entry. */
export function parseWeights(text: string): number[] {
  return text.split(/[\s,;]+/).filter(Boolean).map((w, i) => {
    const v = Number(w);
    if (!Number.isFinite(v) || v < 0) throw new Error(`ga.fitness-combine weights: entry ${i + 1} "${w}" is not a number ≥ 0`);
    return v;
  });
}

/** Joins fitness values, each scaled by a weight. */
export const fitnessCombineNode = defineNode({
  type: 'ga.fitness-combine',
  title: 'Fitness: combine',
  category: 'symbolic',
  doc: 'Joins several fitness criteria into one: the fitness of a melody is the weighted mean of all '
    + 'their scores. The weights list scales each connected input in edge order (missing entries are 1) '
    + 'on top of the weight set on each criterion node. Weighing rules against each other is the heart '
    + 'of designing a fitness function.',
  inputs: { fitness: { type: 'model:fitness', multiple: true, doc: 'The criteria to join.' } },
  outputs: { fitness: { type: 'model:fitness', doc: 'All their terms, weighted.' } },
  params: { weights: { kind: 'text', default: '', doc: 'One weight per input in edge order, e.g. "1, 0.5, 2".' } },
  run: ({ fitness }, p) => {
    if (fitness.length === 0) throw new Error('ga.fitness-combine: connect at least one fitness');
    const parts = fitness.map((f, i) => asFitnessModel(f, `ga.fitness-combine input ${i + 1}`));
    const combined = combineFitness(parts, parseWeights(p.weights));
    const text = combined.terms.map((t) => `${t.type} × ${t.weight}`).join(', ');
    return { outputs: { fitness: combined }, previews: [{ kind: 'text', title: 'Fitness terms', text }] };
  },
});
