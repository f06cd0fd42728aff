/** Starting patterns for 2D life: RLE and plaintext (.cells) parsing, named patterns, placement on a torus. */
import type { Rng } from '../../../src/engine/rng';

/** A small pattern of live cells: `rows[y][x]` is 1 when alive. */
export interface LifePattern {
  width: number;
  height: number;
  rows: number[][];
}

/** The named starting patterns, as plaintext rows ('O' alive, '.' dead). */
export const NAMED_PATTERNS = {
  /** Gosper's glider (1970), heading down-right: it moves (+1, +1) every 4 generations. */
  glider: '.O.\n..O\nOOO',
  /** The R-pentomino: five cells that stay chaotic for 1,103 generations on an unbounded plane. */
  'r-pentomino': '.OO\nOO.\n.O.',
} as const;

/** How a life grid starts. */
export const INITIAL_2D = ['random', 'glider', 'r-pentomino', 'pattern'] as const;
/** One of INITIAL_2D. */
export type Initial2D = (typeof INITIAL_2D)[number];

function fromRows(rows: number[][], where: string): LifePattern {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0 || rows.every((r) => r.every((c) => c === 0))) throw new Error(`${where}: the pattern has no live cells`);
  return { width, height: rows.length, rows: rows.map((r) => [...r, ...Array<number>(width - r.length).fill(0)]) };
}

/** Parses Run Length Encoded text (Golly/LifeWiki .rle): "bo$2bo$3o!", header and # lines allowed. */
export function parseRle(text: string, where = 'pattern'): LifePattern {
  const body = text.split('\n').filter((l) => !/^\s*(#|x\s*=)/i.test(l)).join('').replace(/\s+/g, '');
  const rows: number[][] = [[]];
  let count = '';
  for (const ch of body) {
    if (ch === '!') break;
    if (/[0-9]/.test(ch)) { count += ch; continue; }
    const n = count === '' ? 1 : Number(count);
    count = '';
    if (ch === '$') { for (let i = 0; i < n; i++) rows.push([]); continue; }
    if (ch !== 'b' && ch !== '.' && !/[a-zA-Z]/.test(ch)) throw new Error(`${where}: unexpected "${ch}" in RLE (use b, o, $, digits and !)`);
    const row = rows[rows.length - 1];
    for (let i = 0; i < n; i++) row.push(ch === 'b' || ch === '.' ? 0 : 1);
  }
  return fromRows(rows, where);
}

/** Parses plaintext rows: '.' (or ' ', '0', '_') dead, 'O' (or 'o', '*', 'X', '#', '1') alive; '!' lines are comments. */
export function parsePlaintext(text: string, where = 'pattern'): LifePattern {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => !l.startsWith('!'));
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  while (lines.length && lines[0].trim() === '') lines.shift();
  const rows = lines.map((line, y) => [...line.trimEnd()].map((ch, x) => {
    if ('. 0_'.includes(ch)) return 0;
    if ('oO*X#1'.includes(ch)) return 1;
    throw new Error(`${where}: unexpected "${ch}" at row ${y + 1}, column ${x + 1} (use . for dead and O for alive)`);
  }));
  return fromRows(rows, where);
}

/**
 * Parses a pattern text, choosing RLE when it has an "x =" header, a '$' or '!' in its body, or
 * run counts; plaintext rows otherwise.
 * @example
 * parsePattern('bo$2bo$3o!').rows; // the glider
 */
export function parsePattern(text: string, where = 'pattern'): LifePattern {
  const body = text.split('\n').filter((l) => !/^\s*[#!]/.test(l)).join('\n');
  const isRle = /^\s*x\s*=/im.test(body) || /[$]/.test(body) || /!\s*$/.test(body) || /\d[bo]/.test(body);
  return isRle ? parseRle(text, where) : parsePlaintext(text, where);
}

/** Writes `pattern` centred into a width × height torus (cells outside wrap around). */
export function placePattern(pattern: LifePattern, width: number, height: number): Uint8Array {
  const cells = new Uint8Array(width * height);
  const ox = Math.floor((width - pattern.width) / 2);
  const oy = Math.floor((height - pattern.height) / 2);
  pattern.rows.forEach((row, y) => row.forEach((alive, x) => {
    if (!alive) return;
    const cx = (((x + ox) % width) + width) % width;
    const cy = (((y + oy) % height) + height) % height;
    cells[cy * width + cx] = 1;
  }));
  return cells;
}

/** Options of `initialLife`. */
export interface InitialLifeOptions {
  initial: Initial2D;
  width: number;
  height: number;
  density: number;
  pattern: string;
  rng: Rng;
  node: string;
}

/** The first generation of a life grid: a seeded random soup, a named pattern or a parsed text pattern, centred. */
export function initialLife(o: InitialLifeOptions): Uint8Array {
  if (o.initial === 'random') {
    const cells = new Uint8Array(o.width * o.height);
    for (let i = 0; i < cells.length; i++) cells[i] = o.rng.next() < o.density ? 1 : 0;
    return cells;
  }
  const where = `${o.node}: pattern`;
  const pattern = o.initial === 'pattern' ? parsePattern(o.pattern, where) : parsePlaintext(NAMED_PATTERNS[o.initial], where);
  return placePattern(pattern, o.width, o.height);
}
