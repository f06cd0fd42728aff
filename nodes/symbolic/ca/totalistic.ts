/** One-dimensional totalistic automata (Wolfram 1983, NKS ch. 3): k states, radius r, code numbers. */
import type { Grid } from '../../../src/engine/values';
import type { Boundary } from './elementary';
import { createGrid } from './grid';

/** How many different neighbourhood sums a totalistic rule has: (2r+1)(k−1)+1. */
export function sumCount(states: number, radius: number): number {
  return (2 * radius + 1) * (states - 1) + 1;
}

/** The largest valid code for k states and radius r: k^sumCount − 1. */
export function maxTotalisticCode(states: number, radius: number): number {
  return states ** sumCount(states, radius) - 1;
}

/**
 * The rule table of a totalistic code: entry s is the new state when the neighbourhood's states
 * sum to s, i.e. base-k digit s of the code (digit 0 is the least significant), as in NKS.
 * @example
 * totalisticTable(1635, 3, 1); // [0, 2, 1, 0, 2, 0, 2]
 */
export function totalisticTable(code: number, states: number, radius: number): Uint8Array {
  if (!Number.isInteger(states) || states < 2 || states > 4) throw new Error(`totalistic states must be 2–4, got ${states}`);
  if (!Number.isInteger(radius) || radius < 1 || radius > 2) throw new Error(`totalistic radius must be 1 or 2, got ${radius}`);
  const max = maxTotalisticCode(states, radius);
  if (!Number.isInteger(code) || code < 0 || code > max) {
    throw new Error(`totalistic code must be 0–${max} for ${states} states and radius ${radius}, got ${code}`);
  }
  const table = new Uint8Array(sumCount(states, radius));
  let rest = code;
  for (let s = 0; s < table.length; s++) {
    table[s] = rest % states;
    rest = Math.floor(rest / states);
  }
  return table;
}

/** Runs a totalistic automaton from `first` for `steps` rows (row 0 is `first`). */
export function runTotalistic(code: number, states: number, radius: number, first: Uint8Array, steps: number, boundary: Boundary): Grid {
  const table = totalisticTable(code, states, radius);
  const width = first.length;
  const grid = createGrid(width, steps);
  const cells = grid.cells;
  for (let i = 0; i < width; i++) cells[i] = Math.min(first[i], states - 1);
  const wrap = boundary === 'wrap';
  for (let t = 1; t < steps; t++) {
    const prev = (t - 1) * width;
    const cur = t * width;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let d = -radius; d <= radius; d++) {
        let j = x + d;
        if (j < 0 || j >= width) {
          if (!wrap) continue;
          j = (j + width) % width;
        }
        sum += cells[prev + j];
      }
      cells[cur + x] = table[sum];
    }
  }
  return grid;
}
