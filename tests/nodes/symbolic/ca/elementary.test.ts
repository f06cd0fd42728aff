import { describe, expect, it } from 'vitest';
import { runElementary } from '../../../../nodes/symbolic/ca/elementary';
import { elementaryNode } from '../../../../nodes/symbolic/ca/elementaryNode';
import { gridRow, rowToText } from '../../../../nodes/symbolic/ca/grid';
import { centreInRow } from '../../../../nodes/symbolic/ca/initialRow';
import type { Grid } from '../../../../src/engine/values';
import { runNode } from '../../runNode';

/** Brute-force reference straight from Wolfram's definition: the rule's binary digits, read 111 … 000. */
function referenceRows(rule: number, width: number, steps: number): string[] {
  const bits = rule.toString(2).padStart(8, '0');
  const table: Record<string, string> = {};
  ['111', '110', '101', '100', '011', '010', '001', '000'].forEach((n, i) => { table[n] = bits[i]; });
  let row = '0'.repeat(Math.floor(width / 2)) + '1' + '0'.repeat(width - Math.floor(width / 2) - 1);
  const rows = [row];
  for (let t = 1; t < steps; t++) {
    const padded = `0${row}0`;
    row = [...row].map((_, x) => table[padded.slice(x, x + 3)]).join('');
    rows.push(row);
  }
  return rows.map((r) => r.replace(/0/g, '.'));
}

const rowsOf = (grid: Grid): string[] => Array.from({ length: grid.steps }, (_, t) => rowToText(gridRow(grid, t)));
const centre = (width: number): Uint8Array => centreInRow([1], width);

describe('elementary automata from a single centre cell', () => {
  it('rule 30 draws its known triangle and its centre column', () => {
    const rows = rowsOf(runElementary(30, centre(15), 8, 'fixed-0'));
    expect(rows).toEqual([
      '.......1.......',
      '......111......',
      '.....11..1.....',
      '....11.1111....',
      '...11..1...1...',
      '..11.1111.111..',
      '.11..1....1..1.',
      '11.1111..111111',
    ]);
    expect(rows).toEqual(referenceRows(30, 15, 8));
    const wide = runElementary(30, centre(81), 20, 'fixed-0');
    const column = Array.from({ length: 20 }, (_, t) => gridRow(wide, t)[40]);
    expect(column).toEqual([1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1]);
  });

  it('rule 90 is Pascal\'s triangle mod 2', () => {
    const rows = rowsOf(runElementary(90, centre(15), 8, 'fixed-0'));
    expect(rows).toEqual([
      '.......1.......',
      '......1.1......',
      '.....1...1.....',
      '....1.1.1.1....',
      '...1.......1...',
      '..1.1.....1.1..',
      '.1...1...1...1.',
      '1.1.1.1.1.1.1.1',
    ]);
    const big = runElementary(90, centre(65), 32, 'fixed-0');
    let pascal = [1];
    for (let t = 0; t < 32; t++) {
      const expected = new Array(65).fill(0);
      pascal.forEach((c, k) => { expected[32 - t + 2 * k] = c % 2; });
      expect(Array.from(gridRow(big, t))).toEqual(expected);
      pascal = [1, ...pascal.slice(1).map((c, k) => (c + pascal[k]) % 2), 1];
    }
  });

  it('rule 110 grows to the left as in the known picture', () => {
    const rows = rowsOf(runElementary(110, centre(15), 8, 'fixed-0'));
    expect(rows).toEqual([
      '.......1.......',
      '......11.......',
      '.....111.......',
      '....11.1.......',
      '...11111.......',
      '..11...1.......',
      '.111..11.......',
      '11.1.111.......',
    ]);
    expect(rows).toEqual(referenceRows(110, 15, 8));
  });

  it('agrees with the reference for every rule on a small ring-free row', () => {
    for (let rule = 0; rule < 256; rule += 7) {
      expect(rowsOf(runElementary(rule, centre(21), 10, 'fixed-0'))).toEqual(referenceRows(rule, 21, 10));
    }
  });

  it('wraps around the ends when the boundary is wrap', () => {
    const start = Uint8Array.of(1, 0, 0, 0, 0);
    expect(rowsOf(runElementary(90, start, 2, 'wrap'))[1]).toBe('.1..1');
    expect(rowsOf(runElementary(90, start, 2, 'fixed-0'))[1]).toBe('.1...');
  });
});

describe('ca.elementary node', () => {
  it('outputs the history with grid and population previews', async () => {
    const { outputs, previews } = await runNode(elementaryNode, {}, { rule: 90, width: 31, steps: 16 });
    const grid = outputs.grid as Grid;
    expect([grid.width, grid.steps]).toEqual([31, 16]);
    expect(previews?.map((p) => p.kind)).toEqual(['grid', 'line']);
    const line = previews?.[1];
    expect(line?.kind === 'line' && line.series[0].values.slice(0, 5)).toEqual([1, 2, 2, 4, 2]);
  });

  it('starts from a seeded random row: same seed same grid, other seed another', async () => {
    const params = { initial: 'random', width: 64, steps: 8, density: 0.5 };
    const a = (await runNode(elementaryNode, {}, params, { seed: 7 })).outputs.grid as Grid;
    const b = (await runNode(elementaryNode, {}, params, { seed: 7 })).outputs.grid as Grid;
    const c = (await runNode(elementaryNode, {}, params, { seed: 8 })).outputs.grid as Grid;
    expect(a.cells).toEqual(b.cells);
    expect(a.cells).not.toEqual(c.cells);
    const live = gridRow(a, 0).reduce((s, v) => s + v, 0);
    expect(live).toBeGreaterThan(16);
    expect(live).toBeLessThan(48);
  });

  it('starts from a pattern text or from the last row of an input grid', async () => {
    const fromText = (await runNode(elementaryNode, {}, { initial: 'pattern', pattern: '11.1', width: 8, steps: 2, rule: 204 })).outputs.grid as Grid;
    expect(rowsOf(fromText)).toEqual(['..11.1..', '..11.1..']);
    const input: Grid = { width: 3, steps: 2, cells: Uint8Array.of(0, 0, 0, 1, 0, 1) };
    const fromGrid = (await runNode(elementaryNode, { grid: input }, { width: 7, steps: 1 })).outputs.grid as Grid;
    expect(rowsOf(fromGrid)).toEqual(['..1.1..']);
  });

  it('refuses a pattern with a bad character, naming it', async () => {
    await expect(runNode(elementaryNode, {}, { initial: 'pattern', pattern: '01z0' })).rejects.toThrow(/ca.elementary: pattern: unexpected character "z"/);
  });
});
