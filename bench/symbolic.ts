/**
 * Speed of the symbolic generators against the 200 ms interactive target: Markov training on the
 * whole Irish corpus (1,195 tunes) and generating 10,000 notes; a GA of 200 × 100 generations of
 * 32-note melodies. Each row gives the median and the fastest of 7 timed runs after one warm-up run
 * (on a busy machine the fastest is the better estimate of the code's own speed).
 * Run: npx tsx bench/symbolic.ts
 */
import { createRng } from '../src/engine/rng';
import { makeScale } from '../src/music/theory';
import { selectCorpus } from '../nodes/symbolic/corpus/corpusCatalog';
import { corpusToSequence } from '../nodes/symbolic/corpus/corpusSequence';
import { generateMarkov } from '../nodes/symbolic/markov/markovGenerate';
import { trainMarkov, type MarkovModel } from '../nodes/symbolic/markov/markovModel';
import { voiceLines, type StateKind } from '../nodes/symbolic/markov/stateEncoding';
import { evolve, type EvolutionSettings } from '../nodes/symbolic/ga/evolution';
import { fitnessModel, type FitnessTerm } from '../nodes/symbolic/ga/fitnessModel';
import { scoreMelody } from '../nodes/symbolic/ga/fitnessTerms';
import { timeRuns } from './shared/timing';

/** Median and fastest of REPS runs, as a pair for the table. */
const timed = async (fn: () => unknown): Promise<[number, number]> => {
  const { median, best } = await timeRuns(fn, REPS);
  return [median, best];
};

const TARGET_MS = 200;
const REPS = 7;


const rows: [string, [number, number]][] = [];
const corpus = corpusToSequence(await selectCorpus('irish-all', { maxTunes: 0, tune: -1 }));
console.log(`Irish corpus: ${corpus.voices?.length} tunes, ${corpus.notes.length} notes\n`);
rows.push(['corpus notes → melodic lines (voiceLines)', await timed(() => voiceLines(corpus))]);
const lines = voiceLines(corpus);

const models: Record<string, MarkovModel> = {};
for (const [state, order] of [['pitch', 2], ['pitch+duration', 3], ['pitch', 8], ['pitch+duration', 8]] as [StateKind, number][]) {
  const name = `${state}, order ${order}`;
  rows.push([`markov.train full corpus (${name})`, await timed(() => { models[name] = trainMarkov(lines, { state, order, smoothing: 0.01 }); })]);
}
for (const [name, model] of Object.entries(models)) {
  rows.push([`markov.generate 10,000 notes (${name})`, await timed(() => generateMarkov(model, { length: 10_000, temperature: 1, rng: createRng(1) }))]);
}

const settings: EvolutionSettings = {
  genome: { mode: 'melody', steps: 32, stepBeats: 0.5, low: 55, high: 84, restRate: 0.1 },
  populationSize: 200, selection: 'tournament', tournamentSize: 3, elitism: 2, crossover: 'two-point', crossoverRate: 0.8,
  mutation: { step: 0.05, leap: 0.02, transpose: 0.1, invert: 0.05, retrograde: 0.05, splitMerge: 0 },
};
const rules: FitnessTerm[] = [
  { type: 'in-scale', weight: 1, pitchClasses: makeScale('G', 'major').pitchClasses },
  { type: 'smooth-contour', weight: 1, maxLeap: 7 },
  { type: 'density', weight: 1, notesPerBeat: 2 },
];
const critic: FitnessTerm = { type: 'markov-likelihood', weight: 1, model: models['pitch, order 2'] };
for (const [name, terms] of [['scale + contour + density', rules], ['… + Markov likelihood', [...rules, critic]]] as [string, FitnessTerm[]][]) {
  const fitness = fitnessModel(terms);
  rows.push([`ga.evolve 200 × 100 gens, 32 notes (${name})`, await timed(() => evolve(settings, 100, (m) => scoreMelody(fitness, m), createRng(1)))]);
}

const width = Math.max(...rows.map(([n]) => n.length));
console.log(`${'task'.padEnd(width)}  ${'median ms'.padStart(9)}  ${'best ms'.padStart(8)}  vs ${TARGET_MS} ms target`);
for (const [name, [med, best]] of rows) {
  const verdict = med <= TARGET_MS ? 'under' : best <= TARGET_MS ? 'under at best' : 'OVER';
  console.log(`${name.padEnd(width)}  ${med.toFixed(1).padStart(9)}  ${best.toFixed(1).padStart(8)}  ${verdict} (${(med / TARGET_MS).toFixed(2)}×)`);
}
