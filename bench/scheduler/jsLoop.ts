/**
 * The floor reference: the same arithmetic as a plain loop over typed arrays in topological order,
 * with no engine at all. Its full step recomputes every node; its re-evaluation recomputes only the
 * changed node's downstream cone, found by a forward scan of dirty flags.
 */
import type { BenchEngine, Step } from './engine';
import { mix, type Shape } from './shapes';

/** Builds the plain-loop engine for `shape` (also the reference values the others are checked against). */
export function createJsLoop(shape: Shape): BenchEngine {
  const n = shape.biases.length;
  const inA = new Int32Array(n).fill(-1);
  const inB = new Int32Array(n).fill(-1);
  for (const e of shape.edges) (e.port === 'a' ? inA : inB)[e.to] = e.from;
  const bias = Float64Array.from(shape.biases);
  const out = new Float64Array(n);
  const dirty = new Uint8Array(n);
  let ran = 0;

  const compute = (i: number): void => {
    const a = inA[i] >= 0 ? out[inA[i]] : 0;
    const b = inB[i] >= 0 ? out[inB[i]] : 0;
    out[i] = mix(a, b, bias[i]);
  };
  const sinks = (): number[] => shape.sinks.map((s) => out[s]);

  return {
    name: 'JS loop',
    full(): Step {
      return async () => {
        for (let i = 0; i < n; i++) compute(i);
        ran = n;
        return sinks();
      };
    },
    reevaluate(value: number): Step {
      return async () => {
        const start = shape.changed;
        bias[start] = value;
        dirty.fill(0, start);
        dirty[start] = 1;
        ran = 0;
        for (let i = start; i < n; i++) {
          if (dirty[i] || (inA[i] >= 0 && dirty[inA[i]]) || (inB[i] >= 0 && dirty[inB[i]])) {
            dirty[i] = 1;
            compute(i);
            ran++;
          }
        }
        return sinks();
      };
    },
    async warm(): Promise<void> {
      await this.full()();
    },
    lastRan: () => ran,
  };
}

/** The sink values of `shape` with the given biases, by a direct loop: what every engine must return. */
export function referenceSinks(shape: Shape, biases: readonly number[]): number[] {
  const out = new Float64Array(biases.length);
  const inA = new Int32Array(biases.length).fill(-1);
  const inB = new Int32Array(biases.length).fill(-1);
  for (const e of shape.edges) (e.port === 'a' ? inA : inB)[e.to] = e.from;
  for (let i = 0; i < biases.length; i++) {
    out[i] = mix(inA[i] >= 0 ? out[inA[i]] : 0, inB[i] >= 0 ? out[inB[i]] : 0, biases[i]);
  }
  return shape.sinks.map((s) => out[s]);
}
