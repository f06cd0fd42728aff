/** Runs a life-like automaton and keeps its history as a `grid` (one flattened frame per row). */
import type { Grid } from '../../../src/engine/values';
import { createGrid } from './grid';
import type { LifeRule } from './lifeRule';
import { stepLife } from './lifeRule';

/** A life history: `grid` rows are generations, each a width × height frame flattened row-major. */
export interface LifeHistory {
  grid: Grid;
  width: number;
  height: number;
  /** Live cells per generation. */
  population: number[];
}

/**
 * Runs `rule` from `first` (width × height cells) for `steps` frames in all (frame 0 is `first`).
 * `check` is called every few generations so a long run can be cancelled.
 * @example
 * const h = runLife(parseLifeRule('B3/S23'), cells, 16, 16, 20); h.grid.width; // 256
 */
export function runLife(rule: LifeRule, first: Uint8Array, width: number, height: number, steps: number, check?: () => void): LifeHistory {
  const size = width * height;
  if (first.length !== size) throw new Error(`life: start frame has ${first.length} cells, expected ${width} × ${height}`);
  const grid = createGrid(size, steps);
  const population: number[] = [];
  let alive = 0;
  for (let i = 0; i < size; i++) { grid.cells[i] = first[i] ? 1 : 0; alive += grid.cells[i]; }
  population.push(alive);
  for (let t = 1; t < steps; t++) {
    if (check && t % 32 === 0) check();
    const cur = grid.cells.subarray((t - 1) * size, t * size);
    const next = grid.cells.subarray(t * size, (t + 1) * size);
    population.push(stepLife(rule, cur, next, width, height));
  }
  return { grid, width, height, population };
}

/** Frame `t` of a life history as a width × height grid (rows = y), for the grid preview. */
export function lifeFrame(history: LifeHistory, t: number): Grid {
  const size = history.width * history.height;
  return { width: history.width, steps: history.height, cells: history.grid.cells.slice(t * size, (t + 1) * size) };
}
