import { describe, expect, it } from 'vitest';
import { CancelledError, type Preview } from '../../../../src/engine/node';
import { builtinPortTypes, modelPortType } from '../../../../src/engine/portTypes';
import type { Chords, NoteSequence } from '../../../../src/engine/values';
import { chordPitchClasses } from '../../../../src/music/theory';
import { corpusLoadNode } from '../../../../nodes/symbolic/corpus/loadNode';
import { markovTrainNode } from '../../../../nodes/symbolic/markov/trainNode';
import { gaEvolveNode } from '../../../../nodes/symbolic/ga/evolveNode';
import { fitnessCombineNode } from '../../../../nodes/symbolic/ga/fitnessCombineNode';
import { fitnessChordsNode, fitnessDensityNode, fitnessMarkovNode } from '../../../../nodes/symbolic/ga/fitnessTermNodes';
import { decodeState } from '../../../../nodes/symbolic/ga/populationState';
import { runNode } from '../../runNode';

const notesType = builtinPortTypes.find((t) => t.id === 'notes')!;

describe('ga.evolve automatic', () => {
  it('evolves rhythm genomes against chords, density and a Markov critic into valid notes', async () => {
    const corpus = (await runNode(corpusLoadNode, {}, { corpus: 'irish-train', maxTunes: 100 })).outputs.notes;
    const model = (await runNode(markovTrainNode, { notes: [corpus] }, { order: 2 })).outputs.model;
    const chords: Chords = { length: 8, chords: ['G', 'D'].map((symbol, i) => ({ symbol, start: 4 * i, duration: 4, pitchClasses: chordPitchClasses(symbol) })) };
    const parts = [
      (await runNode(fitnessChordsNode, { chords })).outputs.fitness,
      (await runNode(fitnessDensityNode, {}, { notesPerBeat: 1.5 })).outputs.fitness,
      (await runNode(fitnessMarkovNode, { model })).outputs.fitness,
    ];
    const { outputs: { fitness } } = await runNode(fitnessCombineNode, { fitness: parts }, { weights: '2, 1, 1' });
    expect(modelPortType('fitness').validate(fitness)).toBeNull();
    const progress: number[] = [];
    const result = await runNode(gaEvolveNode, { fitness }, { mode: 'rhythm', steps: 32, populationSize: 40, generations: 20, show: 4, seed: 2 },
      { globalSeed: 0, onProgress: (f) => progress.push(f) });
    const best = result.outputs.best as NoteSequence;
    const candidates = result.outputs.candidates as NoteSequence;
    expect(notesType.validate(best)).toBeNull();
    expect(notesType.validate(candidates)).toBeNull();
    expect(best.notes.some((n) => n.duration > 0.5)).toBe(true); // held steps made longer notes
    expect(candidates.voices).toHaveLength(4);
    expect(candidates.notes.filter((n) => n.voice === 0).map((n) => n.pitch)).toEqual(best.notes.map((n) => n.pitch));
    expect(progress.at(-1)).toBe(1);
    const text = result.previews!.find((p) => p.kind === 'text') as Extract<Preview, { kind: 'text' }>;
    expect(text.text).toMatch(/chord-consonance .* density .* markov-likelihood/);
    expect(decodeState(result.outputs.state as string).population.size).toBe(4); // seeds an interactive session
  });

  it('asks for a fitness when none is connected', async () => {
    await expect(runNode(gaEvolveNode, {}, {})).rejects.toThrow(/connect a fitness/);
  });

  it('stops soon after cancellation instead of finishing the run', async () => {
    const { outputs: { fitness } } = await runNode(fitnessDensityNode, {});
    const controller = new AbortController();
    const progress: number[] = [];
    const run = runNode(gaEvolveNode, { fitness }, { populationSize: 500, generations: 5000, steps: 64 }, {
      signal: controller.signal,
      onProgress: (f) => { progress.push(f); if (progress.length === 3) controller.abort(); },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(progress.length).toBeLessThan(6); // at most a generation or two after the abort
  });
});

describe('ga.evolve interactive', () => {
  const params = { interactive: true, show: 6, steps: 8, elitism: 1, seed: 9 };
  /** Runs ga.evolve with the run seed taken from the seed param, as the scheduler does. */
  const evolve = (given: Record<string, unknown>) => runNode(gaEvolveNode, {}, given, { globalSeed: 0 });

  it('shows a population, breeds from fixed ratings, and continues from its own state', async () => {
    const first = await evolve(params);
    const state0 = decodeState(first.outputs.state as string);
    expect(state0.generation).toBe(0);
    expect((first.outputs.candidates as NoteSequence).voices).toHaveLength(6);

    // Without a UI: ratings for generation 0 in a fixed param, state left empty.
    const rated = await evolve({ ...params, ratings: '1,1,5,1,1,1' });
    const state1 = decodeState(rated.outputs.state as string);
    expect(state1.generation).toBe(1);
    const favourite = Array.from(state0.population.genes.subarray(2 * 8, 3 * 8));
    expect(Array.from(state1.population.genes.subarray(0, 8))).toEqual(favourite); // the elite is the 5-star candidate
    expect((rated.outputs.best as NoteSequence).notes.map((n) => n.pitch))
      .toEqual((first.outputs.candidates as NoteSequence).notes.filter((n) => n.voice === 2).map((n) => n.pitch));

    // The UI's loop: state output → state param, new ratings.
    const next = await evolve({ ...params, state: rated.outputs.state, ratings: '0,4,0,0,0,0' });
    expect(decodeState(next.outputs.state as string).generation).toBe(2);
    const again = await evolve({ ...params, state: rated.outputs.state, ratings: '0,4,0,0,0,0' });
    expect(again.outputs).toEqual(next.outputs); // a pure function of params and seed
  });

  it('refuses ratings of the wrong count and a state of another shape', async () => {
    await expect(evolve({ ...params, ratings: '1,2,3' })).rejects.toThrow(/got 3 ratings for 6 candidates/);
    const { outputs } = await evolve(params);
    await expect(evolve({ ...params, steps: 16, state: outputs.state })).rejects.toThrow(/8-step melody genomes but the params ask for 16-step/);
  });
});
