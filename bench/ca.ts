/**
 * Cellular-automaton benchmark: times the CA nodes on the sizes a classroom patch uses and prints
 * them against the 200 ms target (a CA must re-render well inside one interaction).
 * Run: `npx tsx bench/ca.ts` (or `npm run bench -- ca`).
 */
import { elementaryNode } from '../nodes/symbolic/ca/elementaryNode';
import { lifeNode } from '../nodes/symbolic/ca/lifeNode';
import { caToDrumsNode } from '../nodes/symbolic/ca/toDrumsNode';
import { caToNotesNode } from '../nodes/symbolic/ca/toNotesNode';
import { totalisticNode } from '../nodes/symbolic/ca/totalisticNode';
import type { NodeDef } from '../src/engine/node';
import { createNodeContext } from '../src/engine/nodeContext';
import { timeRuns } from './shared/timing';

const TARGET_MS = 200;
const WARMUP = 3;
const REPS = 15;

/** Runs a node once as the scheduler would: defaults overlaid with `params`, a fresh context. */
async function runOnce(def: NodeDef, inputs: Record<string, unknown>, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const full: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(def.params)) full[name] = spec.default;
  Object.assign(full, params);
  const ctx = createNodeContext({
    nodeId: 'bench', seed: 1, signal: new AbortController().signal, services: {},
    log: { info: () => {}, warn: () => {} },
    asset: (id) => { throw new Error(`no asset ${id}`); },
    onProgress: () => {},
  });
  return (await def.run(inputs, full, ctx)).outputs;
}


interface Case { name: string; cells: number; run: () => Promise<unknown> }

const rule30 = await runOnce(elementaryNode, {}, { rule: 30, width: 256, steps: 1000 });
const life = await runOnce(lifeNode, {}, { width: 64, height: 64, steps: 200, initial: 'random', density: 0.35 });

const cases: Case[] = [
  { name: 'ca.elementary rule 30, 256 × 1,000', cells: 256 * 1000, run: () => runOnce(elementaryNode, {}, { rule: 30, width: 256, steps: 1000 }) },
  { name: 'ca.elementary rule 110 random, 256 × 1,000', cells: 256 * 1000, run: () => runOnce(elementaryNode, {}, { rule: 110, width: 256, steps: 1000, initial: 'random' }) },
  { name: 'ca.totalistic k=3 r=1, 256 × 1,000', cells: 256 * 1000, run: () => runOnce(totalisticNode, {}, { width: 256, steps: 1000 }) },
  { name: 'ca.totalistic k=4 r=2, 256 × 1,000', cells: 256 * 1000, run: () => runOnce(totalisticNode, {}, { states: 4, radius: 2, code: 987654321, width: 256, steps: 1000 }) },
  { name: 'ca.life B3/S23, 64 × 64 × 200', cells: 64 * 64 * 200, run: () => runOnce(lifeNode, {}, { width: 64, height: 64, steps: 200 }) },
  { name: 'ca.to-notes chords, 256 × 1,000 grid', cells: 256 * 1000, run: () => runOnce(caToNotesNode, { grid: rule30.grid }, { mode: 'chords' }) },
  { name: 'ca.to-drums 2D, 64 × 64 × 200 grid', cells: 64 * 64 * 200, run: () => runOnce(caToDrumsNode, { grid: life.grid, height: life.height }, {}) },
];

const rows: string[][] = [['case', 'median ms', 'best ms', 'Mcells/s', `vs ${TARGET_MS} ms target`]];
for (const c of cases) {
  const { median, best } = await timeRuns(c.run, REPS, WARMUP);
  rows.push([c.name, median.toFixed(2), best.toFixed(2), (c.cells / median / 1000).toFixed(1), median <= TARGET_MS ? `${(TARGET_MS / median).toFixed(0)}x under` : `${(median / TARGET_MS).toFixed(1)}x OVER`]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r: string[]): string => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
console.log(`CA benchmark (Node ${process.version}, median of ${REPS} after ${WARMUP} warm-up runs)`);
console.log(line(rows[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows.slice(1)) console.log(line(r));
