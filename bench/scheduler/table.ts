/** Formats the scheduler benchmark's figures as one plain-text table (also pasted into docs/benchmarks.md). */
import type { EngineFigures } from './measure';

/** The figures of every engine on one shape. */
export interface ShapeFigures {
  shape: string;
  /** Size of the changed node's downstream cone: what an ideal re-evaluation runs. */
  cone: number;
  engines: EngineFigures[];
}

/** Milliseconds with three significant digits (four decimals at most). */
const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(4));
const ratio = (v: number): string => `${v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toPrecision(2)}x`;

/**
 * Renders rows `graph | mode | ms per engine… | rete/genpatch | baklava/genpatch | genpatch ran`.
 * @example
 * console.log(renderTable(figures));
 */
export function renderTable(rows: ShapeFigures[]): string {
  const engineNames = rows[0]?.engines.map((e) => e.engine) ?? [];
  const header = ['graph', 'mode', ...engineNames.map((n) => `${n} ms`), 'rete/genpatch', 'baklava/genpatch', 'genpatch ran'];
  const lines: string[][] = [header];
  for (const row of rows) {
    const by = (name: string): EngineFigures => {
      const found = row.engines.find((e) => e.engine === name);
      if (!found) throw new Error(`table: no figures for engine "${name}" on ${row.shape}`);
      return found;
    };
    const genpatch = by('genpatch');
    const rete = by('rete-engine');
    const baklava = by('baklava');
    lines.push([
      row.shape, 'full',
      ...engineNames.map((n) => ms(by(n).fullMs)),
      ratio(rete.fullMs / genpatch.fullMs), ratio(baklava.fullMs / genpatch.fullMs), '',
    ]);
    lines.push([
      '', 're-eval',
      ...engineNames.map((n) => ms(by(n).reevalMs)),
      ratio(rete.reevalMs / genpatch.reevalMs), ratio(baklava.reevalMs / genpatch.reevalMs),
      `${genpatch.reevalRan ?? '?'} (cone ${row.cone})`,
    ]);
  }
  const widths = header.map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const render = (l: string[]): string =>
    l.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [render(lines[0]), rule, ...lines.slice(1).map(render)].join('\n');
}
