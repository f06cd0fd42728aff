import { describe, expect, it } from 'vitest';
import { runLife } from '../../../../nodes/symbolic/ca/life';
import { lifeNode } from '../../../../nodes/symbolic/ca/lifeNode';
import { NAMED_PATTERNS, parsePattern, parsePlaintext, parseRle, placePattern } from '../../../../nodes/symbolic/ca/lifePatterns';
import { parseLifeRule } from '../../../../nodes/symbolic/ca/lifeRule';
import type { Grid } from '../../../../src/engine/values';
import { runNode } from '../../runNode';

const LIFE = parseLifeRule('B3/S23');

/** Live cells of frame t as sorted "x,y" strings. */
function liveCells(grid: Grid, t: number, width: number): string[] {
  const out: string[] = [];
  const frame = grid.cells.subarray(t * grid.width, (t + 1) * grid.width);
  frame.forEach((v, i) => { if (v) out.push(`${i % width},${Math.floor(i / width)}`); });
  return out.sort();
}
const shift = (cells: string[], dx: number, dy: number, w: number, h: number): string[] =>
  cells.map((c) => c.split(',').map(Number)).map(([x, y]) => `${(x + dx) % w},${(y + dy) % h}`).sort();

describe('life-like rules', () => {
  it('parses B/S notation in its usual spellings', () => {
    expect(parseLifeRule('b36/s23').name).toBe('B36/S23');
    expect(parseLifeRule('23/3').name).toBe('B3/S23');
    expect(parseLifeRule('B2/S').survival.every((s) => !s)).toBe(true);
    expect(() => parseLifeRule('B9/S23')).toThrow(/not a life-like rule/);
  });

  it('moves a glider by (1, 1) every 4 generations, keeping 5 cells, around the torus', () => {
    const w = 10; const h = 8;
    const history = runLife(LIFE, placePattern(parsePlaintext(NAMED_PATTERNS.glider), w, h), w, h, 41);
    const start = liveCells(history.grid, 0, w);
    expect(start).toHaveLength(5);
    for (let g = 4; g <= 40; g += 4) {
      expect(liveCells(history.grid, g, w)).toEqual(shift(start, g / 4, g / 4, w, h));
    }
    expect(history.population.every((p) => p === 5)).toBe(true);
  });

  it('a blinker oscillates with period 2', () => {
    const w = 7; const h = 7;
    const history = runLife(LIFE, placePattern(parsePlaintext('OOO'), w, h), w, h, 6);
    expect(liveCells(history.grid, 0, w)).toEqual(['2,3', '3,3', '4,3']);
    expect(liveCells(history.grid, 1, w)).toEqual(['3,2', '3,3', '3,4']);
    for (let t = 2; t < 6; t++) expect(liveCells(history.grid, t, w)).toEqual(liveCells(history.grid, t - 2, w));
  });

  it('Seeds lets no live cell survive', () => {
    const w = 12; const h = 12;
    const history = runLife(parseLifeRule('B2/S'), placePattern(parsePattern(NAMED_PATTERNS['r-pentomino']), w, h), w, h, 6);
    for (let t = 1; t < 6; t++) {
      const prev = liveCells(history.grid, t - 1, w);
      expect(liveCells(history.grid, t, w).some((c) => prev.includes(c))).toBe(false);
    }
  });

  it('reads the same glider from RLE and from plaintext', () => {
    const rle = parseRle('#N Glider\nx = 3, y = 3, rule = B3/S23\nbo$2bo$3o!');
    expect(rle).toEqual(parsePlaintext('!Name: Glider\n.O.\n..O\nOOO'));
    expect(parsePattern('bo$2bo$3o!')).toEqual(rle);
    expect(() => parsePlaintext('.O.\n.?.')).toThrow(/unexpected "\?" at row 2, column 2/);
  });
});

describe('ca.life node', () => {
  it('outputs flattened frames with their height, last frame and population previews', async () => {
    const { outputs, previews } = await runNode(lifeNode, {}, { width: 12, height: 9, steps: 9, initial: 'glider' });
    const grid = outputs.grid as Grid;
    expect([grid.width, grid.steps, outputs.height]).toEqual([108, 9, 9]);
    const frame = previews?.find((p) => p.kind === 'grid');
    expect(frame?.kind === 'grid' && [frame.width, frame.steps]).toEqual([12, 9]);
    expect(liveCells(grid, 8, 12)).toEqual(shift(liveCells(grid, 0, 12), 2, 2, 12, 9));
    const population = previews?.find((p) => p.kind === 'line');
    expect(population?.kind === 'line' && population.series[0].values).toEqual(new Array(9).fill(5));
  });

  it('uses a preset rule or a custom rule text, seeded soup reproducible', async () => {
    const params = { width: 16, height: 16, steps: 12, preset: 'custom', rule: 'B36/S23' };
    const a = (await runNode(lifeNode, {}, params, { seed: 3 })).outputs.grid as Grid;
    const b = (await runNode(lifeNode, {}, { ...params, preset: 'highlife' }, { seed: 3 })).outputs.grid as Grid;
    expect(a.cells).toEqual(b.cells);
    await expect(runNode(lifeNode, {}, { ...params, rule: 'fast' })).rejects.toThrow(/"fast" is not a life-like rule/);
  });
});
