/** The first row of a one-dimensional automaton: a centre cell, a seeded random row, or a pattern. */
import type { Rng } from '../../../src/engine/rng';
import type { Grid } from '../../../src/engine/values';
import { gridRow } from './grid';

/** How a 1D automaton starts. */
export const INITIAL_1D = ['centre', 'random', 'pattern'] as const;
/** One of INITIAL_1D. */
export type Initial1D = (typeof INITIAL_1D)[number];

/**
 * Parses a pattern text such as "0001000" or "..1.21" into cell states; '.', '0', '_' and '-'
 * are dead, digits 1–9 are states, '#', 'x', 'o' and 'O' are state 1; spaces are ignored.
 * @example
 * parseRowPattern('.1.2', 3); // Uint8Array [0, 1, 0, 2]
 */
export function parseRowPattern(text: string, states: number, where = 'pattern'): Uint8Array {
  const cells: number[] = [];
  for (const ch of text.replace(/\s+/g, '')) {
    if ('._-0'.includes(ch)) cells.push(0);
    else if ('#xoO'.includes(ch)) cells.push(1);
    else if (/[1-9]/.test(ch)) {
      const s = Number(ch);
      if (s >= states) throw new Error(`${where}: state ${s} is too big for ${states} states (use 0–${states - 1})`);
      cells.push(s);
    } else throw new Error(`${where}: unexpected character "${ch}" (use . or 0 for dead, 1–${states - 1} or # for live)`);
  }
  if (cells.length === 0) throw new Error(`${where}: the pattern is empty (write cells like "0001000")`);
  return Uint8Array.from(cells);
}

/** Copies `pattern` into a new row of `width` cells, centred (cropped evenly when it is wider). */
export function centreInRow(pattern: ArrayLike<number>, width: number): Uint8Array {
  const row = new Uint8Array(width);
  const offset = Math.floor((width - pattern.length) / 2);
  for (let i = 0; i < pattern.length; i++) {
    const x = i + offset;
    if (x >= 0 && x < width) row[x] = pattern[i];
  }
  return row;
}

/** Options for `initialRow`. */
export interface InitialRowOptions {
  initial: Initial1D;
  width: number;
  /** Number of cell states (2 for elementary automata). */
  states: number;
  density: number;
  pattern: string;
  rng: Rng;
  /** A grid whose last row is the start state (overrides `initial`). */
  from?: Grid;
  node: string;
}

/**
 * The start row of a 1D automaton. A connected grid wins (its last row, centred); otherwise
 * 'centre' sets the middle cell (index floor(width/2)) to state 1, 'random' makes each cell live
 * with probability `density` (a uniform random non-zero state), 'pattern' centres the pattern text.
 */
export function initialRow(o: InitialRowOptions): Uint8Array {
  if (o.from) {
    if (o.from.steps === 0) throw new Error(`${o.node}: the input grid has no rows to start from`);
    const last = gridRow(o.from, o.from.steps - 1).map((s) => Math.min(s, o.states - 1));
    return centreInRow(last, o.width);
  }
  switch (o.initial) {
    case 'centre': {
      const row = new Uint8Array(o.width);
      row[Math.floor(o.width / 2)] = 1;
      return row;
    }
    case 'random': {
      const row = new Uint8Array(o.width);
      for (let i = 0; i < o.width; i++) {
        if (o.rng.next() < o.density) row[i] = 1 + o.rng.int(o.states - 1);
      }
      return row;
    }
    case 'pattern':
      return centreInRow(parseRowPattern(o.pattern, o.states, `${o.node}: pattern`), o.width);
  }
}
