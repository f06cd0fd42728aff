/** Value ↔ position math shared by the slider, knob and XY pad: ranges, log scales, steps and key handling. */

/** A widget's numeric range. */
export interface ValueRange {
  min: number;
  max: number;
  /** Snap to multiples of step from min (none by default). */
  step?: number;
  /** 'log' spreads a positive range evenly in ratio (frequencies, times); default 'linear'. */
  scale?: 'linear' | 'log';
}

/** Clamps to the range and snaps to its step. */
export function clampValue(v: number, r: ValueRange): number {
  let x = Math.min(r.max, Math.max(r.min, v));
  if (r.step) x = Math.min(r.max, r.min + Math.round((x - r.min) / r.step) * r.step);
  return Number(x.toPrecision(12));
}

/** Position in [0, 1] of a value. */
export function toUnit(v: number, r: ValueRange): number {
  if (r.max === r.min) return 0;
  const u = r.scale === 'log' ? Math.log(v / r.min) / Math.log(r.max / r.min) : (v - r.min) / (r.max - r.min);
  return Math.min(1, Math.max(0, u));
}

/** Value at position `u` in [0, 1], clamped and snapped. */
export function fromUnit(u: number, r: ValueRange): number {
  const t = Math.min(1, Math.max(0, u));
  const v = r.scale === 'log' ? r.min * (r.max / r.min) ** t : r.min + t * (r.max - r.min);
  return clampValue(v, r);
}

/** Checks a range once, where a widget receives it. */
export function checkRange(r: ValueRange, where: string): void {
  if (!(Number.isFinite(r.min) && Number.isFinite(r.max) && r.max > r.min)) throw new Error(`${where}: range needs finite min < max, got ${r.min}…${r.max}`);
  if (r.scale === 'log' && !(r.min > 0)) throw new Error(`${where}: a log range needs min > 0, got ${r.min}`);
}

/**
 * The new position after a key press on a focused control, or null for keys it does not handle:
 * arrows move 1 % (or one step), Shift or PageUp/PageDown 10 %, Home/End jump to the ends.
 */
export function keyStep(key: string, shift: boolean, u: number, r: ValueRange): number | null {
  const small = r.step && r.scale !== 'log' ? r.step / (r.max - r.min) : 0.01;
  const amount = shift ? Math.max(0.1, small) : small;
  switch (key) {
    case 'ArrowUp': case 'ArrowRight': return Math.min(1, u + amount);
    case 'ArrowDown': case 'ArrowLeft': return Math.max(0, u - amount);
    case 'PageUp': return Math.min(1, u + Math.max(0.1, small));
    case 'PageDown': return Math.max(0, u - Math.max(0.1, small));
    case 'Home': return 0;
    case 'End': return 1;
    default: return null;
  }
}

/** A short readable number for labels and aria-valuetext. */
export function formatValue(v: number, unit = ''): string {
  const abs = Math.abs(v);
  const text = abs >= 100 || Number.isInteger(v) ? v.toFixed(0) : abs >= 10 ? v.toFixed(1) : v.toFixed(2);
  return unit ? `${text} ${unit}` : text;
}
