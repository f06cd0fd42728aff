/** The `ga.evolve` node: evolves melodies with a genetic algorithm, automatically or by listening. */
import { defineNode } from '../../../src/engine/node';
import { CROSSOVER_KINDS } from './operators';
import { GENOME_MODES, type GenomeSpec } from './genome';
import { SELECTION_KINDS } from './selection';
import { runAutomatic, runInteractive } from './evolveRuns';
import type { EvolutionSettings } from './evolution';

/** Evolves a melody towards a fitness, or by the listener's ratings one generation at a time. */
export const gaEvolveNode = defineNode({
  type: 'ga.evolve',
  title: 'GA evolve',
  category: 'symbolic',
  doc: 'Breeds melodies with a genetic algorithm (Holland 1975; Horner and Goldberg 1991; Biles\'s '
    + 'GenJam 1994). A genome is a melody of N steps, each a pitch or a rest (in rhythm genomes also a '
    + '"hold" that lengthens the note before). Every generation the candidates are scored, parents are '
    + 'chosen by tournament or roulette, crossed, and mutated by musical moves: step, leap, transpose, '
    + 'invert, retrograde, and rhythmic split/merge; the elite pass unchanged, so the best never gets '
    + 'worse. Automatic mode scores with a connected fitness (ga.fitness-… nodes) and plots best and '
    + 'mean fitness per generation. Interactive mode lets a listener be the fitness: the node shows '
    + '`show` candidates (one after another on the candidates output); type one rating per candidate '
    + 'into `ratings` ("3,5,1,…", higher is better) and render: the node breeds the next generation '
    + 'from them and outputs it with a new `state` text, which the UI (or you) copies into the `state` '
    + 'param and clears the ratings. An empty state starts from the seed; the state output of an '
    + 'automatic run seeds an interactive session with its best candidates.',
  heavy: true,
  inputs: {
    fitness: { type: 'model:fitness', optional: true, doc: 'What to breed for (automatic mode).' },
  },
  outputs: {
    best: { type: 'notes', doc: 'The fittest melody (interactive: the best rated one).' },
    candidates: { type: 'notes', doc: 'The top candidates one after another, one voice each.' },
    state: { type: 'text', doc: 'The population as text, for the `state` param of the next interactive step.' },
  },
  params: {
    interactive: { kind: 'bool', default: false, doc: 'Let ratings be the fitness, one generation per render.' },
    mode: { kind: 'enum', options: GENOME_MODES, default: 'melody', doc: 'melody: a pitch or rest per step; rhythm: steps may also hold.' },
    steps: { kind: 'int', default: 16, min: 2, max: 256, doc: 'Genome length in steps.' },
    stepBeats: { kind: 'float', default: 0.5, min: 0.0625, max: 4, step: 0.0625, unit: 'beats', doc: 'Length of one step.' },
    low: { kind: 'int', default: 60, min: 0, max: 127, doc: 'Lowest pitch.' },
    high: { kind: 'int', default: 79, min: 0, max: 127, doc: 'Highest pitch.' },
    restRate: { kind: 'float', default: 0.1, min: 0, max: 1, step: 0.01, doc: 'Share of rests among random genes.' },
    populationSize: { kind: 'int', default: 100, min: 2, max: 2000, doc: 'Candidates per generation (automatic mode).' },
    generations: { kind: 'int', default: 100, min: 1, max: 5000, doc: 'Generations to run (automatic mode).' },
    selection: { kind: 'enum', options: SELECTION_KINDS, default: 'tournament', doc: 'How parents are chosen.' },
    tournamentSize: { kind: 'int', default: 3, min: 2, max: 32, doc: 'Candidates per tournament; more = greedier.' },
    elitism: { kind: 'int', default: 2, min: 0, max: 100, doc: 'Best candidates copied unchanged each generation.' },
    crossover: { kind: 'enum', options: CROSSOVER_KINDS, default: 'two-point', doc: 'How two parents are mixed.' },
    crossoverRate: { kind: 'float', default: 0.8, min: 0, max: 1, step: 0.01, doc: 'Chance a pair is crossed.' },
    stepRate: { kind: 'float', default: 0.05, min: 0, max: 1, step: 0.01, doc: 'Per note: move 1–2 semitones.' },
    leapRate: { kind: 'float', default: 0.02, min: 0, max: 1, step: 0.01, doc: 'Per step: any pitch or a rest.' },
    transposeRate: { kind: 'float', default: 0.1, min: 0, max: 1, step: 0.01, doc: 'Per child: transpose a segment.' },
    invertRate: { kind: 'float', default: 0.05, min: 0, max: 1, step: 0.01, doc: 'Per child: mirror a segment\'s contour.' },
    retrogradeRate: { kind: 'float', default: 0.05, min: 0, max: 1, step: 0.01, doc: 'Per child: play a segment backwards.' },
    splitMergeRate: { kind: 'float', default: 0.03, min: 0, max: 1, step: 0.01, doc: 'Per step (rhythm): split a held note or merge a note into the one before.' },
    show: { kind: 'int', default: 8, min: 1, max: 64, doc: 'Candidates on the candidates output (interactive: the population size).' },
    ratings: { kind: 'text', default: '', doc: 'Interactive: one rating per shown candidate, e.g. "3,5,1,4".' },
    state: { kind: 'text', default: '', multiline: true, doc: 'Interactive: the population being rated (copied from the state output).' },
    seed: { kind: 'seed', default: 1 },
  },
  run: async (inputs, p, ctx) => {
    if (p.low > p.high) throw new Error(`ga.evolve: low pitch ${p.low} is above high pitch ${p.high}`);
    const genome: GenomeSpec = { mode: p.mode, steps: p.steps, stepBeats: p.stepBeats, low: p.low, high: p.high, restRate: p.restRate };
    const settings: EvolutionSettings = {
      genome,
      populationSize: p.interactive ? p.show : p.populationSize,
      selection: p.selection,
      tournamentSize: p.tournamentSize,
      elitism: p.elitism,
      crossover: p.crossover,
      crossoverRate: p.crossoverRate,
      mutation: {
        step: p.stepRate, leap: p.leapRate, transpose: p.transposeRate,
        invert: p.invertRate, retrograde: p.retrogradeRate, splitMerge: p.splitMergeRate,
      },
    };
    if (p.interactive) return runInteractive(settings, { ratings: p.ratings, state: p.state }, ctx.rng);
    return runAutomatic(settings, { generations: p.generations, show: p.show }, inputs.fitness, ctx);
  },
});
