/**
 * neural.score and the batched scorer on the fixture models: per-note sums equal the model's
 * token-by-token log-probabilities (checked against the stepper, one token at a time), batching and
 * sliding windows do not change a score, and mean/total agree.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { noteTokenSpans } from '../../../src/music/tokens';
import { scoreSequences, tokensFor } from '../../../nodes/neural/noteScores';
import { openNeuralModel, type NeuralHandle } from '../../../nodes/neural/openModel';
import { scoreNode } from '../../../nodes/neural/scoreNode';
import { tokenLogProbsOf } from '../../../nodes/neural/tokenScorer';
import { createStepper } from '../../../nodes/neural/tokenStepper';
import type { NeuralModelValue } from '../../../nodes/neural/neuralModel';
import { createNodeContext } from '../../../src/engine/nodeContext';
import { logSoftmax } from '../../../src/ml/sampling';
import { parseNotation } from '../../../src/music/notation';
import { runNode } from '../runNode';
import { FIXTURE_MODELS, loadValue, modelHost } from './neuralFixtures';

const { models, services } = modelHost(FIXTURE_MODELS);
afterAll(() => models.dispose());
const tune = parseNotation('D5/8 B4 G4 E4 E4 G4 E4 E4 | D5/8 B4 G4 E4 D4/4 r/8 A4/8 | B4/2. G4/4', {});

async function open(value: NeuralModelValue): Promise<NeuralHandle> {
  const ctx = createNodeContext({
    nodeId: 't', seed: 1, signal: new AbortController().signal, services, log: { info: () => {}, warn: () => {} },
    asset: () => { throw new Error('no assets'); }, onProgress: () => {},
  });
  return openNeuralModel(value, ctx, 'test');
}

/** log p of each token, fed one at a time through the stepper (state / KV cache). */
async function stepwise(handle: NeuralHandle, tokens: readonly number[]): Promise<number[]> {
  const stepper = createStepper(handle);
  const out = [0];
  let logits = await stepper.feed([tokens[0]]);
  for (let t = 1; t < tokens.length; t++) {
    out.push(logSoftmax(logits)[tokens[t]]);
    if (t + 1 < tokens.length) logits = await stepper.feed([tokens[t]]);
  }
  return out;
}

describe('neural.score', () => {
  for (const id of ['melody-lstm', 'chorale-transformer']) {
    it(`${id}: per-note log-likelihoods are sums of the tokens' log-probabilities, as stepping the model gives them`, async () => {
      const value = await loadValue(id, services);
      const handle = await open(value);
      const [scores] = await scoreSequences(handle, [tune], null);
      const reference = await stepwise(handle, scores.tokens);
      const spans = noteTokenSpans(scores.tokens, value.format);
      expect(scores.perNote).toHaveLength(spans.length);
      spans.forEach((span, i) => expect(scores.perNote[i]).toBeCloseTo(span.reduce((s, t) => s + reference[t], 0), 3));
      const { outputs: mean, previews } = await runNode(scoreNode, { model: value, notes: tune }, {}, { services });
      const { outputs: total } = await runNode(scoreNode, { model: value, notes: tune }, { measure: 'total' }, { services });
      expect(total.score as number).toBeCloseTo((mean.score as number) * spans.length, 6);
      expect(total.score as number).toBeLessThan(0);
      expect(previews![0]).toMatchObject({ kind: 'line' });
      const values = (previews![0] as { series: { values: number[] }[] }).series.flatMap((s) => s.values);
      expect(values).toHaveLength(spans.length);
    });
  }

  it('scores the same in a batch as alone, and through sliding windows as the recipe evaluates', async () => {
    const handle = await open(await loadValue('chorale-transformer', services));
    const short = tokensFor(tune, 'chorale', null);
    const long = tokensFor({ ...tune, notes: [0, 8, 16, 24].flatMap((o) => tune.notes.map((n) => ({ ...n, start: n.start + o }))), length: 32 }, 'chorale', null);
    expect(long.length).toBeGreaterThan(2 * 256);
    const [alone] = await tokenLogProbsOf(handle, [short]);
    const [inBatch, longScores] = await tokenLogProbsOf(handle, [short, long]);
    inBatch.forEach((v, i) => expect(v).toBeCloseTo(alone[i], 4));
    expect(longScores.slice(1).every((v) => Number.isFinite(v) && v < 0)).toBe(true);
    // the first window is one call over the first 256 inputs: its targets match a plain call on them
    const [head] = await tokenLogProbsOf(handle, [long.slice(0, 257)]);
    head.forEach((v, i) => expect(longScores[i]).toBeCloseTo(v, 4));
  });
});
