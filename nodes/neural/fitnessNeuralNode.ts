/** The `ga.fitness-neural` node: a neural model's likelihood as a fitness criterion of ga.evolve. */
import { defineNode } from '../../src/engine/node';
import { fitnessModel } from '../symbolic/ga/fitnessModel';
import { asNeuralModel } from './neuralModel';

/** Rewards melodies a neural model finds likely. */
export const fitnessNeuralNode = defineNode({
  type: 'ga.fitness-neural',
  title: 'Fitness: neural likelihood',
  category: 'neural',
  doc: 'Scores how likely a melody is under a neural model, a learnt critic for a genetic algorithm '
    + 'in the spirit of the neural-network fitness raters of Spector and Alpern (1995) and Johanson and '
    + 'Poli (1998): 1 + (mean log-probability of its tokens) / log(216), so 1 means fully predictable and '
    + '0 no better than chance. With the melody LSTM every token of the melody counts; with the chorale '
    + 'transformer the melody is the soprano of a chorale whose other voices rest, and its soprano '
    + 'tokens (one per 16th note) count. ga.evolve scores each generation in batched model calls and '
    + 'never scores the same melody twice, so a few thousand candidates stay tractable; join it with '
    + 'rule terms in ga.fitness-combine.',
  inputs: { model: { type: 'model:neural', doc: 'From neural.load-model.' } },
  outputs: { fitness: { type: 'model:fitness', doc: 'A fitness with this one term.' } },
  params: { weight: { kind: 'float', default: 1, min: 0, max: 10, step: 0.1, doc: 'Importance of this criterion.' } },
  run: ({ model }, p, ctx) => {
    const value = asNeuralModel(model, `node ${ctx.nodeId} (ga.fitness-neural)`);
    return {
      outputs: { fitness: fitnessModel([{ type: 'neural-likelihood', weight: p.weight, model: value }]) },
      previews: [{ kind: 'text', title: 'Critic', text: `${value.title} (${value.format} tokens) judges each melody, weight ${p.weight}.` }],
    };
  },
});
