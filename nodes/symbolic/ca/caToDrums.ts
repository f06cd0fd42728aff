/** Turning a CA history into a drum pattern: chosen columns (1D) or frame rows (2D) are drum lanes. */
import type { Grid, Note } from '../../../src/engine/values';
import type { FrameShape } from './frames';

/** General MIDI drum names accepted in the drums list, with their key numbers. */
export const GM_DRUM_NAMES: Record<string, number> = {
  kick: 36, rim: 37, snare: 38, clap: 39, 'low-tom': 45, 'closed-hat': 42, hat: 42, 'pedal-hat': 44,
  'open-hat': 46, 'mid-tom': 47, 'high-tom': 50, crash: 49, ride: 51, tambourine: 54, cowbell: 56,
};

/**
 * Parses a drums list: GM key numbers or names, e.g. "36 38 42 46" or "kick snare hat open-hat".
 * @example
 * parseDrumList('kick 38, hat'); // [36, 38, 42]
 */
export function parseDrumList(text: string, node: string): number[] {
  const items = text.trim().split(/[\s,]+/).filter(Boolean);
  if (items.length === 0) throw new Error(`${node}: the drums list is empty (e.g. "36 38 42 46" or "kick snare hat")`);
  return items.map((item) => {
    const key = /^\d+$/.test(item) ? Number(item) : GM_DRUM_NAMES[item.toLowerCase()];
    if (key === undefined || key < 0 || key > 127) {
      throw new Error(`${node}: "${item}" is not a GM drum key (0–127) or name (${Object.keys(GM_DRUM_NAMES).join(', ')})`);
    }
    return key;
  });
}

/** Options of `gridToDrumNotes`. */
export interface DrumMapping {
  shape: FrameShape;
  /** One lane per drum: a column (1D) or a frame row (2D). */
  lanes: number[];
  drums: number[];
  stepDuration: number;
  /** Velocity of a hit with no live neighbours; a hit with all neighbours alive gets 1. */
  minVelocity: number;
}

/** Live fraction of the space–time neighbours of (t, x) in a 1D history (columns wrap, time does not). */
function density1D(grid: Grid, t: number, x: number): number {
  let live = 0;
  let total = 0;
  for (let dt = -1; dt <= 1; dt++) {
    const r = t + dt;
    if (r < 0 || r >= grid.steps) continue;
    for (let dx = -1; dx <= 1; dx++) {
      if (dt === 0 && dx === 0) continue;
      const c = (x + dx + grid.width) % grid.width;
      total++;
      if (grid.cells[r * grid.width + c] !== 0) live++;
    }
  }
  return total ? live / total : 0;
}

/** Live fraction of the 8 Moore neighbours of (x, y) in frame t of a 2D history (torus). */
function density2D(grid: Grid, t: number, x: number, y: number, shape: FrameShape): number {
  const base = t * grid.width;
  let live = 0;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      if (dx === 0 && dy === 0) continue;
      const cx = (x + dx + shape.width) % shape.width;
      const cy = (y + dy + shape.height) % shape.height;
      if (grid.cells[base + cy * shape.width + cx] !== 0) live++;
    }
  }
  return live / 8;
}

/**
 * Drum hits from a grid. 1D: row t is step t and drum k hits when its column is alive. 2D (life):
 * every generation is a bar of W steps, like a step sequencer, and drum k plays the live cells of
 * its frame row left to right. Velocity grows with the live fraction of the cell's neighbours.
 */
export function gridToDrumNotes(grid: Grid, m: DrumMapping): Note[] {
  const notes: Note[] = [];
  const hit = (step: number, k: number, density: number): void => {
    notes.push({
      pitch: m.drums[k], velocity: m.minVelocity + (1 - m.minVelocity) * density,
      start: step * m.stepDuration, duration: m.stepDuration, voice: 0,
    });
  };
  for (let t = 0; t < grid.steps; t++) {
    const row = t * grid.width;
    m.lanes.forEach((lane, k) => {
      if (m.shape.height === 1) {
        if (grid.cells[row + lane] !== 0) hit(t, k, density1D(grid, t, lane));
        return;
      }
      for (let x = 0; x < m.shape.width; x++) {
        if (grid.cells[row + lane * m.shape.width + x] !== 0) hit(t * m.shape.width + x, k, density2D(grid, t, x, lane, m.shape));
      }
    });
  }
  return notes;
}
