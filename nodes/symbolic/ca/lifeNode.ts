/** The `ca.life` node: 2D life-like automata (Conway's Life, HighLife, Seeds…) on a torus. */
import { defineNode } from '../../../src/engine/node';
import { checkSize } from './grid';
import { lifeFrame, runLife } from './life';
import { INITIAL_2D, initialLife } from './lifePatterns';
import { LIFE_PRESET_NAMES, LIFE_PRESETS, parseLifeRule } from './lifeRule';

/** Most cells × frames a run may hold (16 Mi cells). */
const MAX_CELLS = 1 << 24;

/** Runs a 2D life-like CA and outputs its history with one flattened frame per grid row. */
export const lifeNode = defineNode({
  type: 'ca.life',
  title: 'Game of Life',
  category: 'symbolic',
  doc: 'Conway\'s Game of Life (Gardner, Scientific American, 1970) and its life-like relatives: on a '
    + 'square grid wrapped into a torus, a dead cell with a "birth" number of live neighbours (of its 8) '
    + 'comes alive and a live cell with a "survival" number stays alive. Rules are written B/S: Life is '
    + 'B3/S23, HighLife B36/S23 (it has a replicator), Seeds B2/S (every cell dies at once: explosive). '
    + 'Start from a seeded random soup, a glider (a 5-cell spaceship crossing the torus diagonally), the '
    + 'R-pentomino (5 cells that boil for over a thousand generations) or your own pattern in RLE or '
    + 'rows of . and O. The output grid has one row per generation with the W × H frame flattened '
    + 'row by row (so its width is W·H); the height output tells mapping nodes how to fold it back.',
  outputs: {
    grid: { type: 'grid', doc: 'History: row t is generation t, a W × H frame flattened row-major.' },
    height: { type: 'number', doc: 'Frame height H (frame width is grid width / H).' },
  },
  params: {
    preset: { kind: 'enum', options: LIFE_PRESET_NAMES, default: 'life', doc: 'A named rule, or custom to use the rule text.' },
    rule: { kind: 'text', default: 'B3/S23', doc: 'Rule for preset = custom, in B/S notation (e.g. B36/S23).' },
    width: { kind: 'int', default: 32, min: 3, max: 512, doc: 'Frame width W (cells).' },
    height: { kind: 'int', default: 32, min: 3, max: 512, doc: 'Frame height H (cells).' },
    steps: { kind: 'int', default: 64, min: 1, max: 10000, doc: 'Number of generations kept, the start included.' },
    initial: { kind: 'enum', options: INITIAL_2D, default: 'random', doc: 'Random soup, a named pattern, or the pattern text.' },
    density: { kind: 'float', default: 0.35, min: 0, max: 1, step: 0.01, doc: 'Chance of a live cell in the random soup.' },
    pattern: { kind: 'text', default: 'bo$2bo$3o!', multiline: true, doc: 'Start pattern for initial = pattern: RLE (bo$2bo$3o!) or rows of . and O; centred.' },
    seed: { kind: 'seed', default: 1 },
  },
  run: (_inputs, p, ctx) => {
    checkSize('ca.life', 'steps', p.steps, 10000);
    if (p.width * p.height * p.steps > MAX_CELLS) {
      throw new Error(`ca.life: ${p.width} × ${p.height} × ${p.steps} steps is too big (at most ${MAX_CELLS} cells in all): lower steps or the size`);
    }
    const rule = parseLifeRule(p.preset === 'custom' ? p.rule : LIFE_PRESETS[p.preset]);
    const first = initialLife({
      initial: p.initial, width: p.width, height: p.height, density: p.density, pattern: p.pattern, rng: ctx.rng, node: 'ca.life',
    });
    const history = runLife(rule, first, p.width, p.height, p.steps, () => ctx.checkCancelled());
    const last = lifeFrame(history, p.steps - 1);
    return {
      outputs: { grid: history.grid, height: p.height },
      previews: [
        { kind: 'grid', title: `${rule.name}: generation ${p.steps - 1}`, width: last.width, steps: last.steps, cells: last.cells },
        { kind: 'line', title: 'Population', series: [{ name: 'live cells', values: history.population }], xLabel: 'generation', yLabel: 'cells' },
      ],
    };
  },
});
