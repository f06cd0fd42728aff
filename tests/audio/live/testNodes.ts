/**
 * Test node types with live faces that keep a log of what the runtime does to them: creations,
 * updates (with the params and inputs received), ticks, note events and disposals.
 */
import { defineNode, type LiveNoteEvent } from '../../../src/engine/node';

/** What happened to the instances of the test nodes, by node id. */
export interface InstanceLog {
  created: number;
  disposed: number;
  updates: { params: Record<string, unknown>; inputs: Record<string, unknown> }[];
  ticks: number;
  events: { port: string; event: LiveNoteEvent }[];
}

/** The shared log (cleared by each test). */
export const logs = new Map<string, InstanceLog>();

const logOf = (id: string): InstanceLog => {
  let log = logs.get(id);
  if (!log) logs.set(id, (log = { created: 0, disposed: 0, updates: [], ticks: 0, events: [] }));
  return log;
};

/** Counts its ticks (its state) and outputs the count scaled by `gain`. */
export const counterNode = defineNode({
  type: 'test.counter', title: 'Counter', category: 'test', doc: 'Counts frames.',
  inputs: { notes: { type: 'notes', optional: true }, events: { type: 'events', optional: true }, level: { type: 'number', optional: true } },
  outputs: { count: { type: 'number' } },
  params: { gain: { kind: 'float', default: 1, min: -100, max: 100 } },
  run: () => ({ outputs: { count: 0 } }),
  live: {
    create(ctx) {
      const log = logOf(ctx.nodeId);
      log.created++;
      let count = 0;
      let gain = 1;
      return {
        update(params, inputs) { log.updates.push({ params, inputs }); gain = params.gain as number; },
        tick() { log.ticks++; count++; return { count: count * gain }; },
        noteEvent(port, event) { log.events.push({ port, event }); },
        dispose() { log.disposed++; },
      };
    },
  },
});

/** Outputs NaN once `after` ticks have passed, the last value before that otherwise. */
export const nanNode = defineNode({
  type: 'test.nan', title: 'Broken control', category: 'test', doc: 'Breaks after a while.',
  outputs: { value: { type: 'number' } },
  params: { after: { kind: 'int', default: 3, min: 0, max: 1000 } },
  run: () => ({ outputs: { value: 0 } }),
  live: {
    create() {
      let ticks = 0;
      let after = 3;
      return {
        update(params) { after = params.after as number; ticks = 0; },
        tick: () => ({ value: ++ticks > after ? Number.NaN : ticks }),
      };
    },
  },
});

/** Spends `ms` on the injected CPU clock in every tick (the clock is advanced by `spend`). */
export const slowNode = defineNode({
  type: 'test.slow-live', title: 'Heavy', category: 'test', doc: 'Takes long to tick.',
  outputs: { value: { type: 'number' } },
  params: { ms: { kind: 'float', default: 10, min: 0, max: 1000 } },
  run: () => ({ outputs: { value: 0 } }),
  live: {
    create() {
      let ms = 10;
      return {
        update(params) { ms = params.ms as number; },
        tick() { cpu.now += ms; return { value: ms }; },
      };
    },
  },
});

/** A fake CPU clock (milliseconds) for tick budgets. */
export const cpu = { now: 0 };

/** Says it failed (as a model that will not load would) whenever its `problem` param is set. */
export const failingNode = defineNode({
  type: 'test.failing-live', title: 'Fragile', category: 'test', doc: 'Fails when told to.',
  outputs: { value: { type: 'number' } },
  params: { problem: { kind: 'text', default: '' } },
  run: () => ({ outputs: { value: 0 } }),
  live: {
    create(ctx) {
      return {
        update(params) { if (params.problem) ctx.fail(String(params.problem)); },
      };
    },
  },
});
