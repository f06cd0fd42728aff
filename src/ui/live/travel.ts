/** Between a live control's travel (0–1, what its params store) and the value it shows, over a linear or logarithmic range. */

/** A range as the live nodes map it (min may exceed max for an inverted control). */
export interface TravelRange {
  min: number;
  max: number;
  scale?: 'linear' | 'log';
}

const isLog = (r: TravelRange): boolean => r.scale === 'log' && r.min > 0 && r.max > 0 && r.min !== r.max;

/**
 * The value at travel `u` (the live nodes' own mapping, `mapTravel` in nodes/live/controlRange.ts).
 * @example
 * valueAt(0.5, { min: 100, max: 10000, scale: 'log' }); // 1000
 */
export function valueAt(u: number, r: TravelRange): number {
  const t = Math.min(1, Math.max(0, u));
  return isLog(r) ? r.min * (r.max / r.min) ** t : r.min + (r.max - r.min) * t;
}

/**
 * The travel (0–1) that shows `value`, clamped.
 * @example
 * travelOf(1000, { min: 100, max: 10000, scale: 'log' }); // 0.5
 */
export function travelOf(value: number, r: TravelRange): number {
  if (r.min === r.max) return 0.5;
  const u = isLog(r) ? Math.log(value / r.min) / Math.log(r.max / r.min) : (value - r.min) / (r.max - r.min);
  return Number.isFinite(u) ? Math.min(1, Math.max(0, u)) : 0;
}
