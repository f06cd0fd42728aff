/** The `ca.totalistic` node: 1D totalistic automata with 2–4 states and radius 1–2. */
import { defineNode } from '../../../src/engine/node';
import { BOUNDARIES } from './elementary';
import { MAX_STEPS_1D, MAX_WIDTH_1D } from './elementaryNode';
import { checkSize } from './grid';
import { INITIAL_1D, initialRow } from './initialRow';
import { maxTotalisticCode, runTotalistic, totalisticTable } from './totalistic';

/** Runs a k-state totalistic CA given its Wolfram code number. */
export const totalisticNode = defineNode({
  type: 'ca.totalistic',
  title: 'Totalistic CA',
  category: 'symbolic',
  doc: 'A one-dimensional automaton whose cells have k states (2–4, shown as shades) and whose new '
    + 'state depends only on the sum of the states in the neighbourhood (the cell and r neighbours on '
    + 'each side). The code number, written in base k, lists the new state for each possible sum, '
    + 'lowest sum first: Wolfram\'s totalistic codes from "Universality and complexity in cellular '
    + 'automata" (1984), catalogued in A New Kind of Science ch. 3, where some codes give nested, some '
    + 'random, some long-lived localized structures. The extra states give ca.to-notes more than alive and '
    + 'dead to read: any non-zero state counts as a live cell there.',
  inputs: {
    grid: { type: 'grid', optional: true, doc: 'Start from this grid\'s last row (centred) instead of the initial param.' },
  },
  outputs: {
    grid: { type: 'grid', doc: 'The history: cell values are states 0 … k−1, one row per step.' },
  },
  params: {
    code: { kind: 'int', default: 1635, min: 0, max: 4294967295, doc: 'Wolfram totalistic code (must be below k^((2r+1)(k−1)+1)).' },
    states: { kind: 'int', default: 3, min: 2, max: 4, doc: 'Number of cell states k.' },
    radius: { kind: 'int', default: 1, min: 1, max: 2, doc: 'Neighbours on each side.' },
    width: { kind: 'int', default: 64, min: 3, max: MAX_WIDTH_1D, doc: 'Number of cells in a row.' },
    steps: { kind: 'int', default: 64, min: 1, max: MAX_STEPS_1D, doc: 'Number of rows, the start row included.' },
    boundary: { kind: 'enum', options: BOUNDARIES, default: 'wrap', doc: 'wrap: the row is a ring; fixed-0: dead cells beyond the ends.' },
    initial: { kind: 'enum', options: INITIAL_1D, default: 'centre', doc: 'One centre cell in state 1, a random row, or the pattern text.' },
    density: { kind: 'float', default: 0.5, min: 0, max: 1, step: 0.01, doc: 'Chance of a non-zero cell in a random start.' },
    pattern: { kind: 'text', default: '0120', doc: 'Start row for initial = pattern: digits are states; centred.' },
    seed: { kind: 'seed', default: 1 },
  },
  run: ({ grid: start }, p, ctx) => {
    checkSize('ca.totalistic', 'width', p.width, MAX_WIDTH_1D);
    checkSize('ca.totalistic', 'steps', p.steps, MAX_STEPS_1D);
    const max = maxTotalisticCode(p.states, p.radius);
    if (p.code > max) throw new Error(`ca.totalistic: code ${p.code} is too big for ${p.states} states and radius ${p.radius} (at most ${max})`);
    const first = initialRow({
      initial: p.initial, width: p.width, states: p.states, density: p.density, pattern: p.pattern, rng: ctx.rng, from: start, node: 'ca.totalistic',
    });
    const grid = runTotalistic(p.code, p.states, p.radius, first, p.steps, p.boundary);
    const table = totalisticTable(p.code, p.states, p.radius);
    return {
      outputs: { grid },
      previews: [
        { kind: 'grid', title: `Code ${p.code} (k=${p.states}, r=${p.radius})`, width: grid.width, steps: grid.steps, cells: grid.cells },
        { kind: 'text', title: 'Rule table', text: [...table].map((s, sum) => `sum ${sum} → ${s}`).join('\n') },
      ],
    };
  },
});
