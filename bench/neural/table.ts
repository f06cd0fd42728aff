/**
 * The side-by-side table of bench/neural.ts: tokens per second cached vs full per model, runtime and
 * provider, with the cached/full ratio, whether both modes generated the same tokens, and each row's
 * speed relative to Node's WASM.
 */
import type { LoopResult } from './loop';

/** One model on one runtime and provider, both modes. */
export interface Row {
  model: string;
  runtime: 'Node' | 'Chromium';
  asked: string;
  cached: LoopResult;
  full: LoopResult;
}

const rate = (r: LoopResult) => r.tokens.length / (r.ms / 1000);
const num = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** Where two greedy runs first differ ('same' when they do not). */
export function agreement(a: readonly number[], b: readonly number[]): string {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return `differ at ${i}`;
  return a.length === b.length ? 'same' : `lengths ${a.length}/${b.length}`;
}

/** Prints the table, one line per row, columns padded. */
export function printTable(rows: readonly Row[]): void {
  const header = ['model', 'runtime', 'provider', 'n', 'cached tok/s', 'full tok/s', 'cached/full', 'first call ms', 'tokens', 'cached vs Node', 'full vs Node'];
  const node = new Map(rows.filter((r) => r.runtime === 'Node').map((r) => [r.model, r]));
  const cells = rows.map((r, i) => {
    const base = node.get(r.model)!;
    return [i > 0 && rows[i - 1].model === r.model ? '' : r.model, r.runtime,
      r.cached.provider === r.asked ? r.asked : `${r.asked}→${r.cached.provider}`, String(r.cached.tokens.length),
      num(rate(r.cached)), num(rate(r.full)), `${num(rate(r.cached) / rate(r.full))}x`, num(r.cached.firstMs),
      agreement(r.cached.tokens, r.full.tokens),
      `${num(rate(r.cached) / rate(base.cached))}x`, `${num(rate(r.full) / rate(base.full))}x`];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((v, c) => (c < 3 || c === 8 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(line(row));
}
