/**
 * Test helper: makes a node's live instance the way the runtime does (a seeded context, params
 * completed with their defaults) and steps it through frames of a running or stopped transport.
 */
import type { LiveFrame, LiveInstance, LiveNoteEvent, NodeDef, NodeServices } from '../../../src/engine/node';
import { createRng } from '../../../src/engine/rng';
import { paramsWithDefaults } from '../runNode';

/** A live instance under test, with what it emitted and reported. */
export interface LiveUnderTest {
  instance: LiveInstance;
  emitted: { port: string; event: LiveNoteEvent }[];
  reports: string[];
  /** Sends params (defaults filled in) and inputs. */
  update(params?: Record<string, unknown>, inputs?: Record<string, unknown>): void;
  /** Ticks `count` frames of `dt` seconds; `beatAt(time)` gives the transport beat (null: stopped). */
  frames(count: number, dt?: number, beatAt?: ((time: number) => number) | null, bpm?: number): Record<string, number>[];
}

/**
 * Creates node `def`'s live instance with `params` and `services`.
 * @example
 * const lfo = liveInstance(lfoNode, { rate: 2, sync: false }); lfo.frames(60);
 */
export function liveInstance(def: NodeDef, params: Record<string, unknown> = {}, services: NodeServices = {}, seed = 1): LiveUnderTest {
  if (!def.live) throw new Error(`${def.type} has no live face`);
  const emitted: LiveUnderTest['emitted'] = [];
  const reports: string[] = [];
  const instance = def.live.create({
    nodeId: 'n1', seed, rng: createRng(seed), services,
    log: { info: () => undefined, warn: () => undefined },
    emit: (port, event) => emitted.push({ port, event }),
    report: (problem) => reports.push(problem),
    fail: (problem) => reports.push(`failed: ${problem}`),
  });
  let time = 0;
  const harness: LiveUnderTest = {
    instance, emitted, reports,
    update: (p = params, inputs = {}) => instance.update(paramsWithDefaults(def, p), inputs),
    frames(count, dt = 1 / 60, beatAt = null, bpm = 120) {
      const out: Record<string, number>[] = [];
      for (let i = 0; i < count; i++) {
        time += dt;
        const frame: LiveFrame = { time, dt, beat: beatAt ? beatAt(time) : 0, bpm, playing: beatAt !== null };
        out.push({ ...(instance.tick?.(frame) ?? {}) });
      }
      return out;
    },
  };
  harness.update(params);
  return harness;
}
