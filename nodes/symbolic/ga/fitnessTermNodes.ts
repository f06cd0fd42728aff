/**
 * One node per fitness criterion of ga.evolve. Each outputs a `model:fitness` value holding a single
 * weighted term (plain data); ga.fitness-combine joins several.
 */
import { defineNode } from '../../../src/engine/node';
import { asMarkovModel } from '../markov/markovModel';
import { fitnessModel } from './fitnessModel';
import { melodyFromNotes } from './melody';

const weight = { kind: 'float', default: 1, min: 0, max: 10, step: 0.1, doc: 'Importance of this criterion.' } as const;
const output = { fitness: { type: 'model:fitness', doc: 'A fitness with this one term.' } } as const;

/** Rewards notes in a scale. */
export const fitnessScaleNode = defineNode({
  type: 'ga.fitness-scale',
  title: 'Fitness: in scale',
  category: 'symbolic',
  doc: 'Scores a melody by the share of its notes that belong to a scale: 1 when every note is in the '
    + 'scale, 0 when none is. The simplest "music rule" fitness of early GA composers.',
  inputs: { scale: { type: 'scale', doc: 'The scale notes should stay in.' } },
  outputs: output,
  params: { weight },
  run: ({ scale }, p) => ({ outputs: { fitness: fitnessModel([{ type: 'in-scale', weight: p.weight, pitchClasses: scale.pitchClasses }]) } }),
});

/** Rewards consonance with a chord progression. */
export const fitnessChordsNode = defineNode({
  type: 'ga.fitness-chords',
  title: 'Fitness: fits the chords',
  category: 'symbolic',
  doc: 'Scores how consonant each note is with the chord sounding at its onset (the progression repeats '
    + 'over its length): the mean consonance of the note with the chord tones — unisons and octaves best, '
    + 'then fifths and fourths, thirds and sixths, seconds and sevenths, the tritone worst — scaled so the '
    + 'best note for each chord scores 1. The criterion behind GenJam-style soloing over changes.',
  inputs: { chords: { type: 'chords', doc: 'The progression to play over.' } },
  outputs: output,
  params: { weight },
  run: ({ chords }, p) => ({
    outputs: { fitness: fitnessModel([{ type: 'chord-consonance', weight: p.weight, chords: chords.chords, length: chords.length }]) },
  }),
});

/** Rewards stepwise motion. */
export const fitnessContourNode = defineNode({
  type: 'ga.fitness-contour',
  title: 'Fitness: smooth contour',
  category: 'symbolic',
  doc: 'Scores smooth melodic motion, the preference for conjunct motion that melodies in most styles '
    + 'share: each interval between consecutive notes earns 1 for a step (one or two semitones), 0.5 for a '
    + 'repeated note (static rather than smooth), and for wider intervals less and less, down to 0 at '
    + 'maxLeap; the score is the mean over the melody.',
  outputs: output,
  params: {
    weight,
    maxLeap: { kind: 'int', default: 7, min: 1, max: 24, unit: 'semitones', doc: 'Intervals this wide or wider score 0.' },
  },
  run: (_i, p) => ({ outputs: { fitness: fitnessModel([{ type: 'smooth-contour', weight: p.weight, maxLeap: p.maxLeap }]) } }),
});

/** Rewards a number of notes per beat. */
export const fitnessDensityNode = defineNode({
  type: 'ga.fitness-density',
  title: 'Fitness: note density',
  category: 'symbolic',
  doc: 'Scores how close the number of notes per beat is to a target: 1 on target, falling linearly to 0 '
    + 'at twice or zero the target. Turn it up for busy lines, down for sparse ones with rests.',
  outputs: output,
  params: {
    weight,
    notesPerBeat: { kind: 'float', default: 2, min: 0.1, max: 8, step: 0.1, doc: 'Target onsets per beat.' },
  },
  run: (_i, p) => ({ outputs: { fitness: fitnessModel([{ type: 'density', weight: p.weight, notesPerBeat: p.notesPerBeat }]) } }),
});

/** Rewards closeness to a target melody. */
export const fitnessTargetNode = defineNode({
  type: 'ga.fitness-target',
  title: 'Fitness: like a target',
  category: 'symbolic',
  doc: 'Scores similarity to a target melody: each target note met by a note at the same onset earns '
    + '1 − |pitch difference| / 12 (half that if the durations differ), divided by the larger note count, '
    + 'so only the target itself scores 1. Dawkins\'s "weasel" demonstration, in music: watch selection '
    + 'find a tune far faster than chance.',
  inputs: { target: { type: 'notes', doc: 'The melody to approach (highest note of each onset).' } },
  outputs: output,
  params: { weight },
  run: ({ target }, p) => {
    const m = melodyFromNotes(target);
    const t = { pitch: Array.from(m.pitch.subarray(0, m.count)), start: Array.from(m.start.subarray(0, m.count)), duration: Array.from(m.duration.subarray(0, m.count)) };
    return { outputs: { fitness: fitnessModel([{ type: 'similarity', weight: p.weight, target: t }]) } };
  },
});

/** Rewards melodies a Markov model finds likely. */
export const fitnessMarkovNode = defineNode({
  type: 'ga.fitness-markov',
  title: 'Fitness: Markov likelihood',
  category: 'symbolic',
  doc: 'Scores how likely a melody is under a Markov model trained on a corpus: 1 + mean log-probability '
    + 'per state / log(number of states), so 1 means fully predictable and 0 no better than chance. A '
    + 'learnt critic in place of hand-written rules; any model that gives note probabilities could '
    + 'take its place.',
  inputs: { model: { type: 'model:markov', doc: 'A model from markov.train.' } },
  outputs: output,
  params: { weight },
  run: ({ model }, p) => ({
    outputs: { fitness: fitnessModel([{ type: 'markov-likelihood', weight: p.weight, model: asMarkovModel(model, 'ga.fitness-markov') }]) },
  }),
});
