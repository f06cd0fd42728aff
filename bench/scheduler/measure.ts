/**
 * Times every engine on one shape in both modes and checks every result against the reference
 * loop, so a fast but wrong engine can never show up in the table. After each engine's warm-up, the
 * engines take turns in blocks of a few steps (the order rotating each round), so background load on
 * a shared machine hits all of them alike while most timed steps still run with warm caches.
 */
import type { BenchEngine, Step } from './engine';
import { referenceSinks } from './jsLoop';
import { withChangedBias, type Shape } from './shapes';

/** How long each engine warms up per mode (at least `warmup` steps and `warmupMs` ms) and how many steps are timed. */
export interface Repetitions {
  warmup: number;
  warmupMs: number;
  reps: number;
}

/** One engine's figures on one shape. */
export interface EngineFigures {
  engine: string;
  fullMs: number;
  reevalMs: number;
  /** Nodes the engine ran in its last re-evaluation, when it can say. */
  reevalRan?: number;
  /** What went wrong in the value checks; empty when every result matched the reference. */
  mismatches: string[];
}

/** Warm-up never runs more steps than this per engine, however fast they are. */
const MAX_WARMUP_STEPS = 5000;

/** Timed steps an engine runs in a row before the next engine's turn. */
const BLOCK_STEPS = 8;

/** The bias the changed node gets in re-evaluation number `i`: distinct each time, so no cache can answer. */
export const reevalBias = (i: number): number => 2 + (i + 1) / 1024;

/** One engine's progress through one mode. */
interface Lane {
  engine: BenchEngine;
  steps: number;
  warmMs: number;
  durations: number[];
  mismatches: string[];
}

/** First difference between `got` and `want`, or null when they are identical. */
function firstDifference(got: number[], want: number[]): string | null {
  if (got.length !== want.length) return `${got.length} sink values instead of ${want.length}`;
  for (let i = 0; i < want.length; i++) {
    if (got[i] !== want[i]) return `sink #${i} is ${got[i]}, expected ${want[i]}`;
  }
  return null;
}

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Runs steps 0, 1, 2… of every lane (`makeStep(engine, i)`, made before its timer starts): first
 * each lane's warm-up, then `reps.reps` timed steps per lane in rotating blocks. Each result is
 * checked against `expected(i)`. Returns each lane's median timed duration in milliseconds.
 */
async function timeLanes(
  lanes: Lane[], mode: string, reps: Repetitions,
  makeStep: (engine: BenchEngine, i: number) => Step, expected: (i: number) => number[],
): Promise<number[]> {
  const runStep = async (lane: Lane, timed: boolean): Promise<void> => {
    const step = makeStep(lane.engine, lane.steps);
    const t0 = performance.now();
    const values = await step();
    const dt = performance.now() - t0;
    if (timed) lane.durations.push(dt);
    else lane.warmMs += dt;
    const problem = firstDifference(values, expected(lane.steps));
    if (problem && lane.mismatches.length < 3) lane.mismatches.push(`${lane.engine.name}, ${mode} #${lane.steps}: ${problem}`);
    lane.steps++;
  };
  const warming = (lane: Lane): boolean =>
    lane.steps < reps.warmup || (lane.warmMs < reps.warmupMs && lane.steps < MAX_WARMUP_STEPS);
  for (const lane of lanes) {
    Object.assign(lane, { steps: 0, warmMs: 0, durations: [] });
    while (warming(lane)) await runStep(lane, false);
  }
  for (let round = 0; lanes.some((lane) => lane.durations.length < reps.reps); round++) {
    for (let k = 0; k < lanes.length; k++) {
      const lane = lanes[(round + k) % lanes.length];
      for (let b = 0; b < BLOCK_STEPS && lane.durations.length < reps.reps; b++) await runStep(lane, true);
    }
  }
  return lanes.map((lane) => median(lane.durations));
}

/**
 * Times each engine's full evaluation and its re-evaluation after one param change on `shape`.
 * @example
 * const figures = await measureShape([createJsLoop(shape)], shape, { warmup: 10, warmupMs: 300, reps: 40 });
 */
export async function measureShape(engines: BenchEngine[], shape: Shape, reps: Repetitions): Promise<EngineFigures[]> {
  const lanes: Lane[] = engines.map((engine) => ({ engine, steps: 0, warmMs: 0, durations: [], mismatches: [] }));
  const fullReference = referenceSinks(shape, shape.biases);
  const full = await timeLanes(lanes, `${shape.name} full`, reps, (engine) => engine.full(), () => fullReference);

  for (const engine of engines) await engine.warm();
  const reevalReference = (i: number): number[] => referenceSinks(shape, withChangedBias(shape, reevalBias(i)));
  const reeval = await timeLanes(lanes, `${shape.name} re-evaluation`, reps,
    (engine, i) => engine.reevaluate(reevalBias(i)), reevalReference);

  return lanes.map((lane, k) => ({
    engine: lane.engine.name,
    fullMs: full[k],
    reevalMs: reeval[k],
    reevalRan: lane.engine.lastRan?.(),
    mismatches: lane.mismatches,
  }));
}
