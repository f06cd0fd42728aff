/**
 * ga.fitness-neural: the term a GA uses to ask a neural model how likely a melody is. Scores match
 * the batched scorer, every distinct melody is scored once (cache), ga.evolve runs with it and
 * stays a function of its seed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fitnessNeuralNode } from '../../../nodes/neural/fitnessNeuralNode';
import { fitnessTokens, neuralLikelihood, prepareNeuralTerm, type NeuralLikelihoodTerm } from '../../../nodes/neural/neuralFitness';
import { openNeuralModel } from '../../../nodes/neural/openModel';
import { tokenLogProbsOf } from '../../../nodes/neural/tokenScorer';
import { gaEvolveNode } from '../../../nodes/symbolic/ga/evolveNode';
import { fitnessContourNode } from '../../../nodes/symbolic/ga/fitnessTermNodes';
import { fitnessCombineNode } from '../../../nodes/symbolic/ga/fitnessCombineNode';
import type { FitnessModel } from '../../../nodes/symbolic/ga/fitnessModel';
import { createMelody, type Melody } from '../../../nodes/symbolic/ga/melody';
import { createNodeContext } from '../../../src/engine/nodeContext';
import type { NoteSequence } from '../../../src/engine/values';
import { runNode } from '../runNode';
import { FIXTURE_MODELS, loadValue, modelHost } from './neuralFixtures';

const { models, services } = modelHost(FIXTURE_MODELS);
afterAll(() => models.dispose());
const ctx = createNodeContext({
  nodeId: 'ga', seed: 1, signal: new AbortController().signal, services, log: { info: () => {}, warn: () => {} },
  asset: () => { throw new Error('no assets'); }, onProgress: () => {},
});

function line(pitches: number[], step = 0.5): Melody {
  const m = createMelody(pitches.length);
  pitches.forEach((p, i) => { m.pitch[i] = p; m.start[i] = i * step; m.duration[i] = step; });
  m.count = pitches.length;
  m.length = pitches.length * step;
  return m;
}

async function term(id: string): Promise<NeuralLikelihoodTerm> {
  const { outputs } = await runNode(fitnessNeuralNode, { model: await loadValue(id, services) }, { weight: 2 }, { services });
  const t = (outputs.fitness as FitnessModel).terms[0];
  expect(t).toMatchObject({ type: 'neural-likelihood', weight: 2 });
  return t as NeuralLikelihoodTerm;
}

describe('ga.fitness-neural', () => {
  for (const id of ['melody-lstm', 'chorale-transformer']) {
    it(`${id}: scores 1 + mean log-probability / log 216 of the scored tokens, once per distinct melody`, async () => {
      const t = await term(id);
      const a = line([62, 64, 66, 67, 69, 71, 73, 74]);
      const b = line([62, 74, 61, 80, 55, 70, 66, 60]);
      expect(() => neuralLikelihood(t, a)).toThrow(/was not scored yet/);
      const before = (await models.stats()).runs;
      await prepareNeuralTerm(t, [a, b, a], ctx);
      await prepareNeuralTerm(t, [b], ctx);
      const calls = (await models.stats()).runs - before;
      expect(calls).toBeLessThanOrEqual(2);
      const handle = await openNeuralModel(t.model, ctx, 'test');
      for (const m of [a, b]) {
        const { tokens, scored } = fitnessTokens(m, handle.value.format);
        expect(scored.length).toBe(handle.value.format === 'chorale' ? 16 : tokens.length - 2);
        const [lp] = await tokenLogProbsOf(handle, [tokens]);
        const mean = scored.reduce((s, i) => s + lp[i], 0) / scored.length;
        expect(neuralLikelihood(t, m)).toBeCloseTo(Math.max(0, Math.min(1, 1 + mean / Math.log(216))), 6);
      }
    });
  }

  it('drives ga.evolve, which stays a function of its seed', async () => {
    const neural = (await runNode(fitnessNeuralNode, { model: await loadValue('chorale-transformer', services) }, {}, { services })).outputs.fitness;
    const contour = (await runNode(fitnessContourNode, {}, {})).outputs.fitness;
    const fitness = (await runNode(fitnessCombineNode, { fitness: [neural, contour] }, { weights: '2, 1' })).outputs.fitness;
    const params = { steps: 8, stepBeats: 0.5, populationSize: 12, generations: 4, low: 60, high: 76, seed: 3 };
    const evolve = () => runNode(gaEvolveNode, { fitness }, params, { services, globalSeed: 0 });
    const first = await evolve();
    const again = await evolve();
    expect((first.outputs.best as NoteSequence).notes.length).toBeGreaterThan(0);
    expect(again.outputs.best).toEqual(first.outputs.best);
    const text = (first.previews!.find((p) => p.kind === 'text') as { text: string }).text;
    expect(text).toMatch(/neural-likelihood 0\.\d+ \(weight 2\)/);
    const curve = (first.previews![0] as { series: { name: string; values: number[] }[] }).series[0].values;
    expect(curve).toHaveLength(5);
    expect(curve.every((v, i) => i === 0 || v >= curve[i - 1] - 1e-12)).toBe(true);
  });
});
