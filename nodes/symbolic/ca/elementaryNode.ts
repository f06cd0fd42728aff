/** The `ca.elementary` node: Wolfram's 256 elementary cellular automata as a grid history. */
import { defineNode } from '../../../src/engine/node';
import { BOUNDARIES, runElementary } from './elementary';
import { checkSize, liveCount, gridRow } from './grid';
import { INITIAL_1D, initialRow } from './initialRow';

/** Largest row width a 1D automaton node accepts. */
export const MAX_WIDTH_1D = 4096;
/** Most rows a 1D automaton node computes. */
export const MAX_STEPS_1D = 10000;

/** Runs an elementary CA (rule 0–255) from a centre cell, a random row, a pattern or an input grid. */
export const elementaryNode = defineNode({
  type: 'ca.elementary',
  title: 'Elementary CA',
  category: 'symbolic',
  doc: 'A row of cells, each alive or dead, is rewritten again and again: every cell looks at itself '
    + 'and its two neighbours, and the rule number (0–255) says what it becomes for each of the 8 '
    + 'possible neighbourhoods — Wolfram\'s numbering from "Statistical mechanics of cellular automata" '
    + '(1983). Rule 90 draws Pascal\'s triangle mod 2 (a Sierpinski fractal), rule 30 looks random '
    + '(Mathematica used its centre column as a random generator), rule 110 is capable of universal '
    + 'computation (Cook 2004). The history, one row per step, is a grid that ca.to-notes or ca.to-drums '
    + 'turn into music. Start from a single centre cell, a seeded random row, a pattern like "0001000", '
    + 'or the last row of a connected grid.',
  inputs: {
    grid: { type: 'grid', optional: true, doc: 'Start from this grid\'s last row (centred) instead of the initial param.' },
  },
  outputs: {
    grid: { type: 'grid', doc: 'The history: row 0 is the start, one row per step.' },
  },
  params: {
    rule: { kind: 'int', default: 30, min: 0, max: 255, doc: 'Wolfram rule number.' },
    width: { kind: 'int', default: 64, min: 3, max: MAX_WIDTH_1D, doc: 'Number of cells in a row.' },
    steps: { kind: 'int', default: 64, min: 1, max: MAX_STEPS_1D, doc: 'Number of rows, the start row included.' },
    boundary: { kind: 'enum', options: BOUNDARIES, default: 'wrap', doc: 'wrap: the row is a ring; fixed-0: dead cells beyond the ends.' },
    initial: { kind: 'enum', options: INITIAL_1D, default: 'centre', doc: 'One live centre cell, a random row, or the pattern text.' },
    density: { kind: 'float', default: 0.5, min: 0, max: 1, step: 0.01, doc: 'Chance of a live cell in a random start.' },
    pattern: { kind: 'text', default: '0001000', doc: 'Start row for initial = pattern: 0 or . dead, 1 or # alive; centred.' },
    seed: { kind: 'seed', default: 1 },
  },
  run: ({ grid: start }, p, ctx) => {
    checkSize('ca.elementary', 'width', p.width, MAX_WIDTH_1D);
    checkSize('ca.elementary', 'steps', p.steps, MAX_STEPS_1D);
    const first = initialRow({
      initial: p.initial, width: p.width, states: 2, density: p.density, pattern: p.pattern, rng: ctx.rng, from: start, node: 'ca.elementary',
    });
    const grid = runElementary(p.rule, first, p.steps, p.boundary);
    const population = Array.from({ length: grid.steps }, (_, t) => liveCount(gridRow(grid, t)));
    return {
      outputs: { grid },
      previews: [
        { kind: 'grid', title: `Rule ${p.rule}`, width: grid.width, steps: grid.steps, cells: grid.cells },
        { kind: 'line', title: 'Live cells per step', series: [{ name: 'live', values: population }], xLabel: 'step', yLabel: 'cells' },
      ],
    };
  },
});
