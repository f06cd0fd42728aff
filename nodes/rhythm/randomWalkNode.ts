/** The `rhythm.random-walk` node: a seeded melodic random walk along a scale. */
import { defineNode } from '../../src/engine/node';
import type { Rng } from '../../src/engine/rng';
import type { Note } from '../../src/engine/values';
import { createSequence } from '../../src/music/noteSequence';
import { DEFAULT_MELODY_SCALE, nearestRung, reflectIndex, scaleLadder } from './scaleLadder';

/**
 * Parses step sizes in scale degrees, e.g. "-2 -1 1 2"; a size written twice is twice as likely.
 * @example
 * parseStepSizes('-1 1 1 3'); // [-1, 1, 1, 3]
 */
export function parseStepSizes(text: string, node: string): number[] {
  const items = text.trim().split(/[\s,]+/).filter(Boolean);
  if (items.length === 0) throw new Error(`${node}: step sizes are empty (e.g. "-2 -1 1 2")`);
  return items.map((item) => {
    const n = Number(item);
    if (!Number.isInteger(n)) throw new Error(`${node}: step size "${item}" is not a whole number of scale degrees`);
    return n;
  });
}

/** Options of `randomWalk`. */
export interface WalkOptions {
  ladder: readonly number[];
  start: number;
  steps: number;
  stepSizes: readonly number[];
  restChance: number;
  stepDuration: number;
  velocity: number;
  rng: Rng;
}

/** Walks the ladder: each step draws a size, reflects at the bounds, and plays (or rests). */
export function randomWalk(o: WalkOptions): Note[] {
  const notes: Note[] = [];
  let index = o.start;
  for (let t = 0; t < o.steps; t++) {
    if (t > 0) index = reflectIndex(index + o.rng.pick(o.stepSizes), o.ladder.length);
    if (o.restChance > 0 && o.rng.next() < o.restChance) continue;
    notes.push({ pitch: o.ladder[index], velocity: o.velocity, start: t * o.stepDuration, duration: o.stepDuration });
  }
  return notes;
}

/** Generates a melody by random steps along a scale between bounds. */
export const randomWalkNode = defineNode({
  type: 'rhythm.random-walk',
  title: 'Random walk',
  category: 'rhythm',
  doc: 'The simplest stochastic melody: start on a note and take random steps along a scale — the '
    + 'Brownian motion Xenakis drew melodic lines from (Mikka, 1971), and the "brown music" that Voss and '
    + 'Clarke (1978) set between white noise and 1/f melodies: small steps sound like a tune, big leaps '
    + 'like noise. Step sizes '
    + 'are scale degrees drawn from a list (write a size twice to make it likelier), the walk bounces '
    + 'off the low and high bounds, and a rest chance adds silence. Connect a scale to change the '
    + 'mode (default C major); the seed fixes the walk, so the same seed replays the same melody.',
  inputs: {
    scale: { type: 'scale', optional: true, doc: 'The scale to walk along (default C major).' },
  },
  outputs: {
    notes: { type: 'notes' },
  },
  params: {
    steps: { kind: 'int', default: 32, min: 1, max: 10000, doc: 'Number of steps (notes and rests).' },
    stepSizes: { kind: 'text', default: '-2 -1 -1 1 1 2', doc: 'Possible moves in scale degrees; repeats weigh more.' },
    start: { kind: 'int', default: 60, min: 0, max: 127, doc: 'First note (MIDI, snapped to the scale).' },
    low: { kind: 'int', default: 48, min: 0, max: 127, doc: 'Lowest note (MIDI).' },
    high: { kind: 'int', default: 79, min: 0, max: 127, doc: 'Highest note (MIDI).' },
    restChance: { kind: 'float', default: 0, min: 0, max: 0.95, step: 0.05, doc: 'Chance that a step is silent.' },
    stepDuration: { kind: 'float', default: 0.5, min: 0.0625, max: 8, step: 0.0625, unit: 'beats', doc: 'Length of one step.' },
    velocity: { kind: 'float', default: 0.75, min: 0.05, max: 1, step: 0.05, doc: 'Loudness.' },
    seed: { kind: 'seed', default: 1 },
  },
  run: ({ scale }, p, ctx) => {
    const node = 'rhythm.random-walk';
    const useScale = scale ?? DEFAULT_MELODY_SCALE;
    const ladder = scaleLadder(useScale, p.low, p.high, node);
    const notes = randomWalk({
      ladder, start: nearestRung(ladder, p.start, useScale), steps: p.steps, stepSizes: parseStepSizes(p.stepSizes, node),
      restChance: p.restChance, stepDuration: p.stepDuration, velocity: p.velocity, rng: ctx.rng,
    });
    return {
      outputs: { notes: createSequence(notes, { length: p.steps * p.stepDuration }) },
      previews: [{ kind: 'pianoroll', title: 'Random walk', port: 'notes' }],
    };
  },
});
