/**
 * The genetic algorithm of ga.evolve (Holland 1975; Goldberg 1989; for melody, Horner & Goldberg
 * 1991 and Biles's GenJam 1994): a population of genomes is scored, parents are selected, their
 * children are made by crossover and mutation, and the best few (the elite) pass unchanged, so the
 * best fitness never falls. Long runs yield to the event loop every few milliseconds, so a newer
 * edit can cancel them at once.
 */
import type { Rng } from '../../../src/engine/rng';
import { decodeGenome, randomGenome, type GenomeSpec } from './genome';
import { createMelody, type Melody } from './melody';
import { crossover, mutate, type CrossoverKind, type MutationRates } from './operators';
import { rankByFitness, roulette, tournament, type SelectionKind } from './selection';

/** Everything that shapes one generation step. */
export interface EvolutionSettings {
  genome: GenomeSpec;
  populationSize: number;
  selection: SelectionKind;
  tournamentSize: number;
  /** How many of the best are copied unchanged into the next generation. */
  elitism: number;
  crossover: CrossoverKind;
  /** Chance that a pair of parents is crossed (otherwise the children are copies). */
  crossoverRate: number;
  mutation: MutationRates;
}

/** A population: `size` genomes of `steps` genes, stored one after another. */
export interface Population {
  size: number;
  steps: number;
  genes: Int16Array;
}

/** How a long run reports progress and lets cancellation in. */
export interface EvolutionHooks {
  yield(): Promise<void>;
  progress(fraction: number): void;
  /** Called with each population before it is scored (fitness terms that score in batches). */
  prepare?(pop: Population): Promise<void>;
}

/** The genes of individual `i` (a view, not a copy). */
export function genomeAt(pop: Population, i: number): Int16Array {
  return pop.genes.subarray(i * pop.steps, (i + 1) * pop.steps);
}

/** A random population. */
export function randomPopulation(spec: GenomeSpec, size: number, rng: Rng): Population {
  const pop: Population = { size, steps: spec.steps, genes: new Int16Array(size * spec.steps) };
  for (let i = 0; i < size; i++) randomGenome(spec, rng, genomeAt(pop, i));
  return pop;
}

/** A pause function that calls hooks.yield when more than `ms` have passed since its last yield. */
function yielder(hooks: EvolutionHooks | undefined, ms = 8): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (!hooks || performance.now() - last < ms) return;
    await hooks.yield();
    last = performance.now();
  };
}

/** Scores every individual with `score` (a pure function of the decoded melody), pausing now and then. */
export async function evaluatePopulation(
  pop: Population, spec: GenomeSpec, score: (m: Melody) => number, pause?: () => Promise<void>,
): Promise<Float64Array> {
  const fitness = new Float64Array(pop.size);
  const melody = createMelody(spec.steps);
  for (let i = 0; i < pop.size; i++) {
    fitness[i] = score(decodeGenome(genomeAt(pop, i), spec, melody));
    if (pause && (i & 15) === 15) await pause();
  }
  return fitness;
}

/**
 * The next generation: the elite copied, then children of selected parents, crossed and mutated.
 * @example
 * const next = breed(pop, fitness, settings, rng);
 */
export function breed(pop: Population, fitness: Float64Array, settings: EvolutionSettings, rng: Rng): Population {
  const size = settings.populationSize;
  const next: Population = { size, steps: pop.steps, genes: new Int16Array(size * pop.steps) };
  const ranked = rankByFitness(fitness);
  const elite = Math.min(settings.elitism, size, pop.size);
  for (let e = 0; e < elite; e++) genomeAt(next, e).set(genomeAt(pop, ranked[e]));
  const pick = (): Int16Array => genomeAt(pop, settings.selection === 'tournament'
    ? tournament(fitness, settings.tournamentSize, rng)
    : roulette(fitness, rng));
  const spare = new Int16Array(pop.steps);
  for (let i = elite; i < size; i += 2) {
    const a = pick();
    const b = pick();
    const c = genomeAt(next, i);
    const d = i + 1 < size ? genomeAt(next, i + 1) : spare;
    if (rng.next() < settings.crossoverRate) crossover(settings.crossover, a, b, rng, c, d);
    else { c.set(a); d.set(b); }
    mutate(c, settings.mutation, settings.genome, rng);
    if (d !== spare) mutate(d, settings.mutation, settings.genome, rng);
  }
  return next;
}

/** The outcome of a run: the final population, its fitness and the fitness history. */
export interface EvolutionResult {
  population: Population;
  fitness: Float64Array;
  /** Best and mean fitness of generations 0 (random) … generations. */
  best: number[];
  mean: number[];
}

/**
 * Runs `generations` generations from a random population.
 * @example
 * const { best } = await evolve(settings, 100, (m) => scoreMelody(fitness, m), createRng(1));
 */
export async function evolve(
  settings: EvolutionSettings, generations: number, score: (m: Melody) => number, rng: Rng, hooks?: EvolutionHooks,
): Promise<EvolutionResult> {
  const pause = yielder(hooks);
  let population = randomPopulation(settings.genome, settings.populationSize, rng);
  await hooks?.prepare?.(population);
  let fitness = await evaluatePopulation(population, settings.genome, score, pause);
  const best: number[] = [];
  const mean: number[] = [];
  const record = (): void => {
    best.push(Math.max(...fitness));
    mean.push(fitness.reduce((a, b) => a + b, 0) / fitness.length);
  };
  record();
  for (let g = 0; g < generations; g++) {
    population = breed(population, fitness, settings, rng);
    await hooks?.prepare?.(population);
    fitness = await evaluatePopulation(population, settings.genome, score, pause);
    record();
    await pause();
    hooks?.progress((g + 1) / generations);
  }
  return { population, fitness, best, mean };
}
