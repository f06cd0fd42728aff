/**
 * One running live instance and its book-keeping: the context it was created with, its effective
 * params (defaults, saved params, static inputs, driven values), its last control outputs, and
 * the guarded audio outputs the host made for it.
 */
import type { LiveContext, LiveInstance, LiveNoteEvent, NodeDef, NodeServices } from '../../engine/node';
import { coerceParam } from '../../engine/params';
import { createRng } from '../../engine/rng';
import type { LiveNodeState } from './liveDiff';

/** A live node while it runs. */
export interface RunningNode {
  id: string;
  def: NodeDef;
  state: LiveNodeState;
  instance: LiveInstance;
  /** Params as the instance last received them. */
  params: Record<string, unknown>;
  /** Inputs as the instance last received them. */
  inputs: Record<string, unknown>;
  /** Params currently set by control outputs, by name. */
  driven: Record<string, number>;
  /** Inputs (not params) currently fed by control outputs, by port. */
  controlInputs: Record<string, number>;
  /** Last finite control outputs, by port. */
  outputs: Record<string, number>;
  /** Guarded audio output endpoints, by port. */
  guarded: Map<string, unknown>;
  /** Consecutive frames over the tick budget, and under it since the last report. */
  slowFrames: number;
  fineFrames: number;
  /** True once a control output was NaN or infinite: outputs stay frozen until the node is edited. */
  muted: boolean;
}

/** What creating an instance needs from the runtime. */
export interface InstanceHooks {
  services: NodeServices;
  emit(nodeId: string, port: string, event: LiveNoteEvent): void;
  report(nodeId: string, problem: string): void;
  fail(nodeId: string, problem: string): void;
  log(nodeId: string, level: 'info' | 'warn', message: string): void;
}

/** The seed a live instance gets: its seed param, else 0. */
function seedOf(def: NodeDef, params: Record<string, unknown>): number {
  const name = Object.keys(def.params).find((n) => def.params[n].kind === 'seed');
  return name === undefined ? 0 : Number(params[name] ?? def.params[name].default) >>> 0;
}

/** Creates the instance of `state`'s node (throws what `create` throws). */
export function createRunning(id: string, def: NodeDef, state: LiveNodeState, hooks: InstanceHooks): RunningNode {
  const seed = seedOf(def, state.node.params);
  const ctx: LiveContext = {
    nodeId: id,
    seed,
    rng: createRng(seed),
    services: hooks.services,
    log: { info: (m) => hooks.log(id, 'info', m), warn: (m) => hooks.log(id, 'warn', m) },
    emit: (port, event) => hooks.emit(id, port, event),
    report: (problem) => hooks.report(id, problem),
    fail: (problem) => hooks.fail(id, problem),
  };
  const instance = def.live!.create(ctx);
  return {
    id, def, state, instance, params: {}, inputs: {}, driven: {}, controlInputs: {}, outputs: {}, guarded: new Map(),
    slowFrames: 0, fineFrames: 0, muted: false,
  };
}

/**
 * The params and inputs an instance receives: param defaults, then saved params, then static
 * values on exposed params, then driven values; other static values are inputs.
 */
export function effectiveValues(run: RunningNode): { params: Record<string, unknown>; inputs: Record<string, unknown> } {
  const { def } = run;
  const params: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(def.params)) params[name] = run.state.node.params[name] ?? spec.default;
  const inputs: Record<string, unknown> = {};
  for (const [port, value] of Object.entries(run.state.inputs)) {
    const spec = def.params[port];
    if (spec) { if (value !== undefined) params[port] = coerceParam(spec, value); } else inputs[port] = value;
  }
  for (const [name, value] of Object.entries(run.driven)) params[name] = value;
  for (const [port, value] of Object.entries(run.controlInputs)) inputs[port] = value;
  return { params, inputs };
}
