/** Elementary cellular automata (Wolfram 1983): two states, three-cell neighbourhoods, rules 0–255. */
import type { Grid } from '../../../src/engine/values';
import { createGrid } from './grid';

/** What happens past the row's ends: wrap around (a ring) or dead cells. */
export const BOUNDARIES = ['wrap', 'fixed-0'] as const;
/** One of BOUNDARIES. */
export type Boundary = (typeof BOUNDARIES)[number];

/**
 * Runs an elementary automaton. Wolfram's numbering: the neighbourhood (left, centre, right) read
 * as a 3-bit number n selects bit n of `rule` as the new centre cell. Row 0 of the result is
 * `first`; each later row is the previous one updated, so the grid has `steps` rows.
 * @example
 * runElementary(90, Uint8Array.of(0, 0, 1, 0, 0), 3, 'fixed-0'); // rows ..1.. / .1.1. / 1...1
 */
export function runElementary(rule: number, first: Uint8Array, steps: number, boundary: Boundary): Grid {
  if (!Number.isInteger(rule) || rule < 0 || rule > 255) throw new Error(`elementary rule must be 0–255, got ${rule}`);
  const width = first.length;
  const grid = createGrid(width, steps);
  const cells = grid.cells;
  for (let i = 0; i < width; i++) cells[i] = first[i] ? 1 : 0;
  const wrap = boundary === 'wrap';
  for (let t = 1; t < steps; t++) {
    const prev = (t - 1) * width;
    const cur = t * width;
    for (let x = 0; x < width; x++) {
      const l = x > 0 ? cells[prev + x - 1] : wrap ? cells[prev + width - 1] : 0;
      const r = x < width - 1 ? cells[prev + x + 1] : wrap ? cells[prev] : 0;
      cells[cur + x] = (rule >> ((l << 2) | (cells[prev + x] << 1) | r)) & 1;
    }
  }
  return grid;
}
