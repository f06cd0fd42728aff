/** The pitches of a scale between two bounds, as a ladder that melodic walkers step along. */
import type { Scale } from '../../src/engine/values';
import { makeScale, snapToPitchClasses } from '../../src/music/theory';

/** The scale melodic generators use when no scale is connected: C major. */
export const DEFAULT_MELODY_SCALE = makeScale('C', 'major');

/**
 * Every MIDI pitch from `low` to `high` (inclusive) whose pitch class is in the scale, ascending.
 * @example
 * scaleLadder(makeScale('C', 'major pentatonic'), 60, 72); // [60, 62, 64, 67, 69, 72]
 */
export function scaleLadder(scale: Scale, low: number, high: number, node: string): number[] {
  if (low > high) throw new Error(`${node}: low (${low}) is above high (${high})`);
  const ladder: number[] = [];
  for (let p = Math.max(0, low); p <= Math.min(127, high); p++) if (scale.pitchClasses.includes(p % 12)) ladder.push(p);
  if (ladder.length === 0) throw new Error(`${node}: no note of ${scale.tonic} ${scale.name} lies between ${low} and ${high}`);
  return ladder;
}

/** The ladder index of the scale pitch nearest to `pitch` (clamped to the ladder). */
export function nearestRung(ladder: readonly number[], pitch: number, scale: Scale): number {
  const snapped = snapToPitchClasses(pitch, scale.pitchClasses);
  let best = 0;
  for (let i = 1; i < ladder.length; i++) if (Math.abs(ladder[i] - snapped) < Math.abs(ladder[best] - snapped)) best = i;
  return best;
}

/** Folds an index back into 0…size−1 by reflecting at the ends (…2 1 0 1 2… and …n−2 n−1 n−2…). */
export function reflectIndex(index: number, size: number): number {
  if (size === 1) return 0;
  const period = 2 * (size - 1);
  const m = ((index % period) + period) % period;
  return m < size ? m : period - m;
}
