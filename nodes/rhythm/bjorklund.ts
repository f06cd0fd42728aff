/** Bjorklund's algorithm: k onsets spread as evenly as possible over n steps (Euclidean rhythms). */

/**
 * The Euclidean rhythm E(k, n) as booleans, in the form Toussaint (2005) tabulates it, starting on
 * an onset: groups "1" and "0" are paired up Euclid-style, the remainder groups appended to the
 * first ones, until at most one remainder group is left (Bjorklund 2003).
 * @example
 * bjorklund(3, 8).map((b) => (b ? 'x' : '.')).join(''); // "x..x..x."
 */
export function bjorklund(hits: number, steps: number): boolean[] {
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`Euclidean rhythm: steps must be a whole number ≥ 1, got ${steps}`);
  if (!Number.isInteger(hits) || hits < 0 || hits > steps) throw new Error(`Euclidean rhythm: hits must be 0–${steps}, got ${hits}`);
  if (hits === 0) return new Array<boolean>(steps).fill(false);
  let groups: boolean[][] = Array.from({ length: hits }, () => [true]);
  let remainder: boolean[][] = Array.from({ length: steps - hits }, () => [false]);
  let first = true;
  while (remainder.length > 1 || (first && remainder.length === 1)) {
    first = false;
    const pairs = Math.min(groups.length, remainder.length);
    const paired = groups.slice(0, pairs).map((g, i) => [...g, ...remainder[i]]);
    remainder = groups.length > pairs ? groups.slice(pairs) : remainder.slice(pairs);
    groups = paired;
  }
  return [...groups, ...remainder].flat();
}

/** Rotates a pattern left by `rotation` steps (negative: right), e.g. to start the cycle elsewhere. */
export function rotatePattern<T>(pattern: readonly T[], rotation: number): T[] {
  const n = pattern.length;
  if (n === 0) return [];
  const r = ((rotation % n) + n) % n;
  return [...pattern.slice(r), ...pattern.slice(0, r)];
}

/** A pattern as text: 'x' for an onset, '.' for a rest. */
export function patternText(pattern: readonly boolean[]): string {
  return pattern.map((b) => (b ? 'x' : '.')).join('');
}
