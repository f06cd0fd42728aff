/** Small helpers over `Grid` values (a CA history: `steps` rows of `width` cells). */
import type { Grid } from '../../../src/engine/values';

/** An empty grid of `steps` rows × `width` cells. */
export function createGrid(width: number, steps: number): Grid {
  return { width, steps, cells: new Uint8Array(width * steps) };
}

/** Row `t` of a grid as a view (no copy). */
export function gridRow(grid: Grid, t: number): Uint8Array {
  return grid.cells.subarray(t * grid.width, (t + 1) * grid.width);
}

/**
 * Renders a grid row as text, one character per cell: '.' dead, the state digit otherwise
 * ('1' for two-state automata).
 * @example
 * rowToText(Uint8Array.of(0, 1, 0)); // ".1."
 */
export function rowToText(row: ArrayLike<number>): string {
  let text = '';
  for (let i = 0; i < row.length; i++) text += row[i] === 0 ? '.' : String(row[i]);
  return text;
}

/** Number of live (non-zero) cells in a row. */
export function liveCount(row: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < row.length; i++) if (row[i] !== 0) n++;
  return n;
}

/** Checks a positive integer size param and throws a message naming the node and param. */
export function checkSize(node: string, name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${node}: ${name} must be an integer from 1 to ${max}, got ${value}`);
  }
}
