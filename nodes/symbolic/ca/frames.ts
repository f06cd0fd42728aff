/**
 * Reading a grid for music: as 1D rows (one per step) or, when a frame height is given, as 2D
 * frames (one life generation per grid row, W × H flattened), with a column window.
 */
import type { Grid } from '../../../src/engine/values';
import { gridRow } from './grid';

/** Frame geometry of a grid: 1D rows (height 1) or W × H frames. */
export interface FrameShape {
  /** Cells across one frame row. */
  width: number;
  /** Rows in one frame (1 for a 1D automaton). */
  height: number;
}

/** The frame shape of `grid` given an optional frame height (from ca.life's height output). */
export function frameShape(grid: Grid, height: number | undefined, node: string): FrameShape {
  if (height === undefined || height <= 1) return { width: grid.width, height: 1 };
  if (!Number.isInteger(height) || grid.width % height !== 0) {
    throw new Error(`${node}: height ${height} does not divide the grid width ${grid.width} (connect ca.life's height output)`);
  }
  return { width: grid.width / height, height };
}

/**
 * The 1D profile of step `t` that melodic mappings read: the row itself for a 1D grid, or for a 2D
 * frame the number of live cells in each frame row, bottom row first (so low cells are low pitches).
 * @example
 * stepProfile(grid, 0, { width: 4, height: 2 }); // [live in bottom row, live in top row]
 */
export function stepProfile(grid: Grid, t: number, shape: FrameShape): Uint8Array {
  const row = gridRow(grid, t);
  if (shape.height === 1) return row;
  const profile = new Uint8Array(shape.height);
  for (let y = 0; y < shape.height; y++) {
    let live = 0;
    for (let x = 0; x < shape.width; x++) if (row[y * shape.width + x] !== 0) live++;
    profile[shape.height - 1 - y] = Math.min(255, live);
  }
  return profile;
}

/** A window of positions [start, start + size) inside `length` positions. */
export interface CellWindow {
  start: number;
  size: number;
}

/** Resolves window params (size 0 = to the end) against `length` positions; throws when it is empty. */
export function resolveWindow(start: number, size: number, length: number, node: string): CellWindow {
  if (start < 0 || start >= length) throw new Error(`${node}: window start ${start} is outside the ${length} cells (0–${length - 1})`);
  const end = size <= 0 ? length : Math.min(length, start + size);
  return { start, size: end - start };
}

/** Indices given as text ("0 5 9", "0,5,9"), or `count` evenly spaced positions in `length` when empty. */
export function laneIndices(text: string, count: number, length: number, node: string): number[] {
  const trimmed = text.trim();
  if (trimmed === '') return Array.from({ length: count }, (_, k) => Math.floor(((k + 0.5) * length) / count));
  const indices = trimmed.split(/[\s,]+/).map((s) => {
    const i = Number(s);
    if (!Number.isInteger(i) || i < 0 || i >= length) throw new Error(`${node}: lane "${s}" is not a cell index 0–${length - 1}`);
    return i;
  });
  if (indices.length !== count) throw new Error(`${node}: ${indices.length} lanes given for ${count} drums (give one index per drum, or none)`);
  return indices;
}
