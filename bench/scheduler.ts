/**
 * Scheduler benchmark: genpatch's scheduler against rete-engine and @baklavajs/engine on identical
 * graphs (a 1,000-node lattice, a 1,000-node chain, a 10-level binary fan-out tree), in two modes —
 * full evaluation from a fresh cache, and re-evaluation after one param change one step upstream of
 * a sink — with a plain JS loop as the floor. Every engine's sink values are checked against a
 * reference loop; any difference prints an error and exits with code 1.
 *
 * Run: `npm run bench -- scheduler [--reps N] [--warmup N] [--warmup-ms N]` (defaults 40, 10, 300): each
 * engine and mode warms up for at least N steps and N ms (at most 5,000 steps), then N steps are timed.
 */
import { cpus } from 'node:os';
import { createBaklavaEngine } from './scheduler/baklavaEngine';
import type { BenchEngine } from './scheduler/engine';
import { createGenpatchEngine } from './scheduler/genpatchEngine';
import { createJsLoop } from './scheduler/jsLoop';
import { measureShape, type Repetitions } from './scheduler/measure';
import { createReteEngine } from './scheduler/reteEngine';
import { chain, dirtyConeSize, fanOutTree, lattice, type Shape } from './scheduler/shapes';
import { renderTable, type ShapeFigures } from './scheduler/table';

/** Reads `--reps N`, `--warmup N` and `--warmup-ms N` from the command line; anything else is an error. */
function parseArgs(args: string[]): Repetitions {
  const reps: Repetitions = { warmup: 10, warmupMs: 300, reps: 40 };
  const names: Record<string, keyof Repetitions> = { '--reps': 'reps', '--warmup': 'warmup', '--warmup-ms': 'warmupMs' };
  for (let i = 0; i < args.length; i += 2) {
    const key = names[args[i]];
    const value = Number(args[i + 1]);
    if (!key || !Number.isInteger(value) || value < (key === 'reps' ? 1 : 0)) {
      throw new Error(`bench scheduler: unexpected argument "${args.slice(i, i + 2).join(' ')}" (use --reps N, --warmup N, --warmup-ms N)`);
    }
    reps[key] = value;
  }
  return reps;
}

/** The engines compared, built fresh on `shape`, in table column order. */
async function buildEngines(shape: Shape): Promise<BenchEngine[]> {
  return [createGenpatchEngine(shape), await createReteEngine(shape), createBaklavaEngine(shape), createJsLoop(shape)];
}

/** Runs every engine on every shape, prints the table, and exits 1 if any engine returned a wrong value. */
async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const reps = parseArgs(argv);
  const shapes = [lattice(1000), chain(1000), fanOutTree(10)];
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`scheduler benchmark — ${cpus().length} cores, ${cpu}, Node ${process.version}`);
  console.log(`median ms per evaluation over ${reps.reps} timed steps per engine, after ≥ ${reps.warmup} warm-up steps and ≥ ${reps.warmupMs} ms;`);
  console.log('after warming up, the engines take turns in blocks of 8 steps, so background load hits them alike');
  console.log('node arithmetic: out = a·0.5 + b·0.25 + bias (unconnected inputs are 0)');
  for (const s of shapes) console.log(`  ${s.name}: ${s.description}`);

  const rows: ShapeFigures[] = [];
  const mismatches: string[] = [];
  for (const shape of shapes) {
    const engines = await measureShape(await buildEngines(shape), shape, reps);
    rows.push({ shape: shape.name, cone: dirtyConeSize(shape), engines });
    for (const figures of engines) mismatches.push(...figures.mismatches);
  }
  console.log();
  console.log(renderTable(rows));
  console.log();
  console.log('full: fresh cache (genpatch clearCache, rete reset(), baklava DependencyEngine, which has no cache).');
  console.log('re-eval: bias of the node one step upstream of a sink changed, then the sinks pulled again with a warm');
  console.log('cache (genpatch evaluate, rete reset(node) + fetch every sink); baklava has no cache: a full calculation.');
  if (mismatches.length) {
    console.error(`\nERROR: engines disagree with the reference values:\n  ${mismatches.join('\n  ')}`);
    return 1;
  }
  console.log('All engines returned the reference sink values in every repetition.');
  return 0;
}

process.exitCode = await main();
