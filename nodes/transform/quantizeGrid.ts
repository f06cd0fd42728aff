/** The `notes.quantize-grid` node: pulls note starts (and ends) toward a rhythmic grid. */
import { defineNode } from '../../src/engine/node';
import type { NoteSequence } from '../../src/engine/values';
import { withNotes } from '../../src/music/noteSequence';

/** Grid names and their grid lines per quarter-note beat (t = triplet: 1/8t is 3 per beat). */
export const GRID_DIVISIONS = {
  '1/4': 1, '1/8': 2, '1/16': 4, '1/32': 8, '1/4t': 1.5, '1/8t': 3, '1/16t': 6,
} as const;

/** A grid name such as '1/16' or '1/8t'. */
export type GridName = keyof typeof GRID_DIVISIONS;

/** Options of `quantizeToGrid`. */
export interface GridOptions {
  /** 1 snaps fully, 0 leaves notes alone, between moves each note that fraction of the way. */
  strength?: number;
  /** Also snap note ends, so durations become whole grid steps (at least one). */
  durations?: boolean;
}

/** Moves `from` toward `to` by `strength`, landing exactly on `to` at full strength. */
const toward = (from: number, to: number, strength: number): number => (strength >= 1 ? to : from + strength * (to - from));

/**
 * Quantizes starts (and optionally durations) to a grid of `divisions` lines per beat.
 * @example
 * quantizeToGrid(seq, GRID_DIVISIONS['1/16'], { strength: 1 });
 */
export function quantizeToGrid(seq: NoteSequence, divisions: number, options: GridOptions = {}): NoteSequence {
  if (!(divisions > 0)) throw new Error(`quantize: grid divisions must be positive, got ${divisions}`);
  const strength = options.strength ?? 1;
  const notes = seq.notes.map((n) => {
    // Work in whole grid lines and divide last, so triplets stay exact (k / 3).
    const first = Math.round(n.start * divisions);
    const last = Math.max(first + 1, Math.round((n.start + n.duration) * divisions));
    const start = first / divisions;
    const duration = options.durations ? (last - first) / divisions : n.duration;
    return { ...n, start: Math.max(0, toward(n.start, start, strength)), duration: toward(n.duration, duration, strength) };
  });
  return withNotes(seq, notes);
}

/** Quantizes note timing to a grid with a strength. */
export const quantizeGridNode = defineNode({
  type: 'notes.quantize-grid',
  title: 'Quantize to grid',
  category: 'transform',
  doc: 'Pulls each note\'s start toward the nearest line of a rhythmic grid (quarters down to 32nds, '
    + 'or triplets), as every sequencer and DAW does since the first MIDI sequencers of the 1980s. '
    + 'Strength below 1 moves notes only part of the way, keeping some of a played or humanized '
    + 'feel; with "durations" on, note ends snap too, so every note lasts a whole number of grid steps. '
    + 'Quantizing makes a recorded or generated line tidy enough to write as notation or to feed a '
    + 'model trained on a grid.',
  inputs: { notes: { type: 'notes' } },
  outputs: { notes: { type: 'notes' } },
  params: {
    grid: { kind: 'enum', options: Object.keys(GRID_DIVISIONS) as GridName[], default: '1/16', doc: 'Grid step (t = triplet).' },
    strength: { kind: 'float', default: 1, min: 0, max: 1, step: 0.05, doc: 'How far notes move toward the grid.' },
    durations: { kind: 'bool', default: true, doc: 'Quantize note ends too.' },
  },
  run: ({ notes }, { grid, strength, durations }) => ({
    outputs: { notes: quantizeToGrid(notes, GRID_DIVISIONS[grid], { strength, durations }) },
    previews: [{ kind: 'pianoroll', title: `Quantized to ${grid}`, port: 'notes' }],
  }),
});
