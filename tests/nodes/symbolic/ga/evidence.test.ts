/** Evidence that ga.evolve evolves: elitism keeps the best, and selection finds a target tune. */
import { describe, expect, it } from 'vitest';
import type { Preview } from '../../../../src/engine/node';
import type { NoteSequence } from '../../../../src/engine/values';
import { createSequence } from '../../../../src/music/noteSequence';
import { makeScale } from '../../../../src/music/theory';
import { gaEvolveNode } from '../../../../nodes/symbolic/ga/evolveNode';
import { fitnessCombineNode } from '../../../../nodes/symbolic/ga/fitnessCombineNode';
import { fitnessContourNode, fitnessScaleNode, fitnessTargetNode } from '../../../../nodes/symbolic/ga/fitnessTermNodes';
import { runNode } from '../../runNode';

const fitnessCurves = (previews: Preview[] | undefined) => {
  const line = previews!.find((p) => p.kind === 'line') as Extract<Preview, { kind: 'line' }>;
  return { best: line.series.find((s) => s.name === 'best')!.values, mean: line.series.find((s) => s.name === 'mean')!.values };
};
const falls = (series: number[]) => series.some((v, i) => i > 0 && v < series[i - 1]);

describe('GA evidence', () => {
  it('with elitism the best fitness never falls; without it, it does', async () => {
    const scale = (await runNode(fitnessScaleNode, { scale: makeScale('D', 'dorian') })).outputs.fitness;
    const contour = (await runNode(fitnessContourNode, {}, { maxLeap: 5 })).outputs.fitness;
    const { outputs: { fitness } } = await runNode(fitnessCombineNode, { fitness: [scale, contour] });
    const params = { steps: 32, populationSize: 60, generations: 60, seed: 3, stepRate: 0.2, leapRate: 0.1, transposeRate: 0.5 };
    const kept = fitnessCurves((await runNode(gaEvolveNode, { fitness }, { ...params, elitism: 1 }, { globalSeed: 0 })).previews);
    expect(kept.best).toHaveLength(61);
    expect(falls(kept.best)).toBe(false);
    expect(kept.best[60]).toBeGreaterThan(kept.best[0] + 0.1);
    expect(kept.mean[60]).toBeGreaterThan(kept.mean[0]);
    const lost = fitnessCurves((await runNode(gaEvolveNode, { fitness }, { ...params, elitism: 0 }, { globalSeed: 0 })).previews);
    expect(falls(lost.best)).toBe(true); // the series check above can fail
  });

  it('reaches a 16-note target melody exactly within 100 generations of 200', async () => {
    // Ode to Joy, 16 eighth notes.
    const pitches = [64, 64, 65, 67, 67, 65, 64, 62, 60, 60, 62, 64, 64, 62, 62, 60];
    const target = createSequence(pitches.map((pitch, i) => ({ pitch, velocity: 0.8, start: i * 0.5, duration: 0.5 })));
    const { outputs: { fitness } } = await runNode(fitnessTargetNode, { target });
    const result = await runNode(gaEvolveNode, { fitness }, {
      steps: 16, stepBeats: 0.5, low: 55, high: 76, populationSize: 200, generations: 100, elitism: 2, seed: 1,
    }, { globalSeed: 0 });
    const best = result.outputs.best as NoteSequence;
    expect(best.notes.map((n) => [n.pitch, n.start, n.duration])).toEqual(target.notes.map((n) => [n.pitch, n.start, n.duration]));
    const { best: curve } = fitnessCurves(result.previews);
    const reached = curve.indexOf(1);
    expect(reached).toBeGreaterThan(0); // not there by chance at the start
    expect(reached).toBeLessThanOrEqual(100);
  });
});
