/** The two ways ga.evolve runs: a whole automatic evolution, or one interactive generation from ratings. */
import type { NodeContext, Preview } from '../../../src/engine/node';
import type { Rng } from '../../../src/engine/rng';
import type { Note, NoteSequence } from '../../../src/engine/values';
import { roundUpToBar } from '../../../src/music/noteSequence';
import { breed, evolve, genomeAt, randomPopulation, type EvolutionSettings, type Population } from './evolution';
import { asFitnessModel } from './fitnessModel';
import { needsPreparation, prepareFitness, scoreMelody, scoreTerm } from './fitnessTerms';
import { decodeGenome } from './genome';
import { createMelody, melodyNotes } from './melody';
import { decodeState, encodeState, parseRatings } from './populationState';
import { rankByFitness } from './selection';

const FOUR_FOUR = { numerator: 4, denominator: 4 };

/** What both runs return: ga.evolve's outputs and previews. */
export interface EvolveResult {
  outputs: { best: NoteSequence; candidates: NoteSequence; state: string };
  previews: Preview[];
}

/** The given individuals one after another (a bar apart at least), each as its own voice. */
function layout(pop: Population, order: ArrayLike<number>, settings: EvolutionSettings, names: (k: number) => string): NoteSequence {
  const span = roundUpToBar(settings.genome.steps * settings.genome.stepBeats, FOUR_FOUR);
  const melody = createMelody(pop.steps);
  const notes: Note[] = [];
  for (let k = 0; k < order.length; k++) {
    notes.push(...melodyNotes(decodeGenome(genomeAt(pop, order[k]), settings.genome, melody), k * span, k));
  }
  return {
    notes: notes.sort((a, b) => a.start - b.start),
    tempo: 120, timeSignature: FOUR_FOUR, length: span * order.length,
    voices: Array.from({ length: order.length }, (_, k) => ({ name: names(k), program: 0 })),
  };
}

/** One individual as a sequence of its own. */
function single(pop: Population, index: number, settings: EvolutionSettings): NoteSequence {
  const melody = decodeGenome(genomeAt(pop, index), settings.genome, createMelody(pop.steps));
  return { notes: melodyNotes(melody), tempo: 120, timeSignature: FOUR_FOUR, length: roundUpToBar(melody.length, FOUR_FOUR) };
}

/** Runs a whole evolution against a fitness value. */
export async function runAutomatic(
  settings: EvolutionSettings, opts: { generations: number; show: number }, fitnessValue: unknown, ctx: NodeContext,
): Promise<EvolveResult> {
  if (fitnessValue === undefined) throw new Error('ga.evolve: connect a fitness (a ga.fitness-… node) or turn on interactive');
  const fitness = asFitnessModel(fitnessValue, 'ga.evolve');
  const result = await evolve(settings, opts.generations, (m) => scoreMelody(fitness, m), ctx.rng, {
    yield: () => ctx.yield(),
    progress: (f) => ctx.progress(f, 'evolving'),
    prepare: needsPreparation(fitness) ? (pop) => prepareFitness(fitness, Array.from({ length: pop.size }, (_, i) =>
      decodeGenome(genomeAt(pop, i), settings.genome, createMelody(pop.steps))), ctx) : undefined,
  });
  const ranked = rankByFitness(result.fitness);
  const top = ranked.slice(0, Math.min(opts.show, ranked.length));
  const bestMelody = decodeGenome(genomeAt(result.population, ranked[0]), settings.genome, createMelody(settings.genome.steps));
  const breakdown = fitness.terms.map((t) => `${t.type} ${scoreTerm(t, bestMelody).toFixed(3)} (weight ${t.weight})`).join(', ');
  const topPopulation: Population = { size: top.length, steps: result.population.steps, genes: new Int16Array(top.length * result.population.steps) };
  top.forEach((i, k) => genomeAt(topPopulation, k).set(genomeAt(result.population, i)));
  const previews: Preview[] = [
    {
      kind: 'line', title: 'Fitness per generation', xLabel: 'generation', yLabel: 'fitness',
      series: [{ name: 'best', values: result.best }, { name: 'mean', values: result.mean }],
    },
    { kind: 'pianoroll', title: 'Best melody', port: 'best' },
    { kind: 'text', title: 'Best', text: `Best fitness ${result.fitness[ranked[0]].toFixed(3)} after ${opts.generations} generations: ${breakdown}.` },
  ];
  return {
    outputs: {
      best: single(result.population, ranked[0], settings),
      candidates: layout(result.population, top, settings, (k) => `rank ${k + 1} (${result.fitness[top[k]].toFixed(3)})`),
      state: encodeState({ mode: settings.genome.mode, generation: opts.generations, population: topPopulation }),
    },
    previews,
  };
}

/** Shows a population for rating or, with ratings, breeds the next one from them. */
export function runInteractive(settings: EvolutionSettings, opts: { ratings: string; state: string }, rng: Rng): EvolveResult {
  const { genome } = settings;
  const current = opts.state.trim()
    ? decodeState(opts.state)
    : { mode: genome.mode, generation: 0, population: randomPopulation(genome, settings.populationSize, rng) };
  if (current.mode !== genome.mode || current.population.steps !== genome.steps) {
    throw new Error(`ga.evolve state: it holds ${current.population.steps}-step ${current.mode} genomes but the params ask for `
      + `${genome.steps}-step ${genome.mode}; clear the state param to start a new population`);
  }
  const size = current.population.size;
  let shown = current;
  let best = 0;
  let rated = '';
  if (opts.ratings.trim()) {
    const ratings = parseRatings(opts.ratings, size);
    best = rankByFitness(ratings)[0];
    const next = breed(current.population, ratings, { ...settings, populationSize: size }, rng);
    shown = { mode: current.mode, generation: current.generation + 1, population: next };
    rated = `Bred generation ${shown.generation} from your ratings of generation ${current.generation} (best: candidate ${best + 1}). `;
  }
  const text = `${rated}Listen to the ${size} candidates of generation ${shown.generation} on the candidates output, `
    + `rate each in "ratings" (${size} numbers, higher is better), copy the state output into "state", and render again.`;
  return {
    outputs: {
      best: single(current.population, best, settings),
      candidates: layout(shown.population, Int32Array.from({ length: size }, (_, i) => i), settings, (k) => `candidate ${k + 1}`),
      state: encodeState(shown),
    },
    previews: [
      { kind: 'pianoroll', title: `Generation ${shown.generation}`, port: 'candidates' },
      { kind: 'text', title: 'Interactive evolution', text },
    ],
  };
}
