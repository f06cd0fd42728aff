/**
 * The live runtime: keeps a running instance of every live node of the patch. On every edit (or
 * new render results) `apply` diffs the graph and touches only what changed — creates new
 * instances, updates changed ones (their state kept), disposes removed ones — and rewires audio
 * and looped clips through the host. Every frame (~60 Hz) `frame` ticks the instances in control
 * order, feeds each control output into the params and inputs it drives, guards against NaN, and
 * publishes the moving values for the UI. Pure: all sound goes through the injected host.
 */
import type { LiveFrame, LiveNoteEvent, NodeDef } from '../../engine/node';
import { coerceParam } from '../../engine/params';
import type { NodeRegistry } from '../../engine/registry';
import type { GraphSpec } from '../../engine/scheduler-types';
import { isClip, isNoteSequence, loopSecondsOf } from './clipLoops';
import { diffLive, type LiveDiff, type LiveNodeState } from './liveDiff';
import type { LiveHost } from './liveHost';
import { createRunning, effectiveValues, type RunningNode } from './liveInstances';
import type { LiveMonitor } from './liveMonitor';
import { planLive, type LiveLink, type LivePlan } from './livePlan';
import { createKeyedStore, type KeyedStore } from '../../engine/observable';

/** What the UI shows of a live node: its control outputs and the params being driven. */
export interface LiveNodeView {
  outputs: Readonly<Record<string, number>>;
  driven: Readonly<Record<string, number>>;
}

/** Options of a runtime. */
export interface LiveRuntimeOptions {
  registry: NodeRegistry;
  host: LiveHost;
  monitor: LiveMonitor;
  /** A millisecond clock for tick budgets (default `performance.now`). */
  cpuNow?: () => number;
  /** A tick longer than this many ms, three frames running, reports the node as not keeping up (default 4). */
  tickBudgetMs?: number;
}

/** Reads the outputs of a node in the latest render results. */
export type OutputsOf = (nodeId: string) => Record<string, unknown> | undefined;

const SLOW_FRAMES = 3;
const RECOVERED_FRAMES = 120;

/**
 * Runs the live face of a patch.
 * @example
 * const runtime = new LiveRuntime({ registry, host, monitor });
 * runtime.apply(patch, (id) => runner results of id);
 * runtime.frame({ time, dt, beat, bpm, playing }); // 60 times a second
 */
export class LiveRuntime {
  /** Control outputs and driven params of every live node, for the UI. */
  readonly values: KeyedStore<LiveNodeView> = createKeyedStore<LiveNodeView>();
  private running = new Map<string, RunningNode>();
  private plan: LivePlan | null = null;
  private controlsInto = new Map<string, LiveLink[]>();
  private eventsFrom = new Map<string, LiveLink[]>();
  private wires = new Map<string, { from: unknown; to: unknown }>();
  private clipKeys = new Set<string>();
  private noteKeys = new Set<string>();
  private titles = new Map<string, string>();
  private readonly cpuNow: () => number;
  private readonly budget: number;

  constructor(private readonly options: LiveRuntimeOptions) {
    this.cpuNow = options.cpuNow ?? (() => performance.now());
    this.budget = options.tickBudgetMs ?? 4;
  }

  /** Ids of the running instances. */
  runningIds(): string[] {
    return [...this.running.keys()];
  }

  /** Brings the instances and wiring in line with `graph` and the latest results; returns what changed. */
  apply(graph: GraphSpec, outputsOf: OutputsOf): LiveDiff {
    const { registry, monitor } = this.options;
    const plan = planLive(graph, registry);
    this.plan = plan;
    this.titles = new Map(graph.nodes.map((n) => [n.id, (n as { title?: string }).title || registry.get(n.type)?.title || n.type]));
    const next = new Map<string, LiveNodeState>();
    const into = new Map<string, GraphSpec['edges'][number][]>();
    for (const e of graph.edges) if (plan.nodes.has(e.to.node) && !plan.nodes.has(e.from.node)) into.set(e.to.node, [...(into.get(e.to.node) ?? []), e]);
    for (const [id, { node, def }] of plan.nodes) next.set(id, { node, inputs: staticInputs(def, into.get(id) ?? [], outputsOf) });
    const current = new Map([...this.running].map(([id, r]) => [id, r.state]));
    const diff = diffLive(current, next);
    for (const id of diff.dispose) this.teardown(id);
    for (const id of diff.create) this.start(id, next.get(id)!);
    for (const id of diff.update) {
      const run = this.running.get(id)!;
      run.state = next.get(id)!;
      if (run.muted) this.unmute(run);
      this.push(run);
    }
    this.index(plan);
    this.rewire(graph, plan, outputsOf);
    for (const b of plan.bypassed) {
      monitor.report(b.node, 'bypass', `"${this.title(b.node)}" has no live face: it plays its rendered clip, so live audio from "${this.title(b.from)}" does not pass through it`);
    }
    for (const id of this.titles.keys()) {
      if (!plan.bypassed.some((b) => b.node === id)) monitor.clear(id, 'bypass');
    }
    for (const p of monitor.problems.get()) if (!this.titles.has(p.nodeId)) monitor.clear(p.nodeId);
    return diff;
  }

  /** Advances every instance by one frame. */
  frame(frame: LiveFrame): void {
    if (!this.plan) return;
    for (const id of this.plan.order) {
      const run = this.running.get(id);
      if (!run) continue;
      if (this.drive(run)) this.pushDriven(run);
      if (run.instance.tick) this.tick(run, frame);
      this.publish(run);
    }
  }

  /** Delivers a note event into input `port` of live node `nodeId` (used by looped note clips and tests). */
  deliver(nodeId: string, port: string, event: LiveNoteEvent): void {
    const run = this.running.get(nodeId);
    if (!run?.instance.noteEvent) return;
    this.safely(run.id, () => run.instance.noteEvent!(port, event));
  }

  /** Disposes every instance and connection. */
  dispose(): void {
    for (const id of [...this.running.keys()]) this.teardown(id);
    for (const [, w] of this.wires) this.options.host.disconnect(w.from, w.to);
    this.wires.clear();
    for (const key of this.clipKeys) this.options.host.stopClip(key);
    for (const key of this.noteKeys) this.options.host.stopNotes(key);
    this.clipKeys.clear();
    this.noteKeys.clear();
    this.plan = null;
  }

  /** The shown title of node `id` (its own title, else its type's), for messages. */
  title(id: string): string {
    return this.titles.get(id) ?? id;
  }

  private start(id: string, state: LiveNodeState): void {
    const { host, registry, monitor } = this.options;
    if (this.running.has(id)) this.teardown(id);
    const def = registry.get(state.node.type)!;
    try {
      const run = createRunning(id, def, state, {
        services: host.services,
        emit: (from, port, event) => this.emit(from, port, event),
        report: (nodeId, problem) => monitor.report(nodeId, 'slow', `"${this.title(nodeId)}" cannot keep up: ${problem}`),
        fail: (nodeId, problem) => monitor.report(nodeId, 'error', `"${this.title(nodeId)}" failed: ${problem}`),
        log: () => undefined,
      });
      this.running.set(id, run);
      monitor.clear(id, 'error');
      this.push(run);
    } catch (e) {
      monitor.report(id, 'error', `"${this.title(id)}" could not start live: ${(e as Error).message}`);
    }
  }

  private teardown(id: string): void {
    const run = this.running.get(id);
    if (!run) return;
    for (const [key, w] of this.wires) {
      if (!key.startsWith(`${id}.`) && !key.includes(`->${id}.`)) continue;
      this.options.host.disconnect(w.from, w.to);
      this.wires.delete(key);
    }
    for (const port of run.guarded.keys()) this.options.host.releaseGuard(id, port);
    this.safely(id, () => run.instance.dispose?.());
    this.running.delete(id);
    this.values.set(id, undefined);
    this.options.monitor.clear(id);
  }

  /** Sends current params and inputs to the instance. */
  private push(run: RunningNode): void {
    const { params, inputs } = effectiveValues(run);
    run.params = params;
    run.inputs = inputs;
    this.safely(run.id, () => run.instance.update(params, inputs));
  }

  /** Sends the instance its params and inputs with the latest driven values (the per-frame path). */
  private pushDriven(run: RunningNode): void {
    const params = { ...run.params, ...run.driven };
    const inputs = { ...run.inputs, ...run.controlInputs };
    run.params = params;
    run.inputs = inputs;
    this.safely(run.id, () => run.instance.update(params, inputs));
  }

  /** Reads the control outputs driving `run`; true when one changed. */
  private drive(run: RunningNode): boolean {
    let changed = false;
    for (const link of this.controlsInto.get(run.id) ?? []) {
      const value = this.running.get(link.from.node)?.outputs[link.from.port];
      if (value === undefined) continue;
      const spec = run.def.params[link.to.port];
      if (spec) {
        const v = coerceParam(spec, value) as number;
        if (run.driven[link.to.port] !== v) { run.driven[link.to.port] = v; changed = true; }
      } else if (run.controlInputs[link.to.port] !== value) {
        run.controlInputs[link.to.port] = value;
        changed = true;
      }
    }
    return changed;
  }

  private tick(run: RunningNode, frame: LiveFrame): void {
    const t0 = this.cpuNow();
    let out: Record<string, number> | undefined;
    this.safely(run.id, () => { out = run.instance.tick!(frame) ?? undefined; });
    this.checkBudget(run, this.cpuNow() - t0);
    const values = out as Record<string, number> | undefined;
    if (!values || run.muted) return;
    const bad = Object.keys(values).find((port) => !Number.isFinite(values[port]));
    if (bad !== undefined) {
      run.muted = true;
      this.options.monitor.report(run.id, 'nan', `"${this.title(run.id)}" sent ${values[bad]} on "${bad}": its outputs are muted until you edit it`);
      return;
    }
    run.outputs = { ...values };
  }

  private checkBudget(run: RunningNode, ms: number): void {
    if (ms > this.budget) {
      run.fineFrames = 0;
      if (++run.slowFrames === SLOW_FRAMES) {
        this.options.monitor.report(run.id, 'slow', `"${this.title(run.id)}" cannot keep up: a frame takes ${ms.toFixed(1)} ms (budget ${this.budget} ms)`);
      }
    } else {
      run.slowFrames = 0;
      if (++run.fineFrames === RECOVERED_FRAMES) this.options.monitor.clear(run.id, 'slow');
    }
  }

  private unmute(run: RunningNode): void {
    run.muted = false;
    this.options.monitor.clear(run.id, 'nan');
    for (const port of run.guarded.keys()) this.options.host.resetGuard(run.id, port);
  }

  private publish(run: RunningNode): void {
    const was = this.values.get(run.id);
    if (was && sameNumbers(was.outputs, run.outputs) && sameNumbers(was.driven, run.driven)) return;
    this.values.set(run.id, { outputs: run.outputs, driven: { ...run.driven } });
  }

  private emit(from: string, port: string, event: LiveNoteEvent): void {
    this.options.host.recordEvent(from, event);
    for (const link of this.eventsFrom.get(`${from}.${port}`) ?? []) this.deliver(link.to.node, link.to.port, event);
  }

  private safely(id: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.options.monitor.report(id, 'error', `"${this.title(id)}": ${(e as Error).message}`);
    }
  }

  private index(plan: LivePlan): void {
    this.controlsInto = new Map();
    this.eventsFrom = new Map();
    for (const l of plan.links) {
      if (l.kind === 'control') this.controlsInto.set(l.to.node, [...(this.controlsInto.get(l.to.node) ?? []), l]);
      if (l.kind === 'events') {
        const key = `${l.from.node}.${l.from.port}`;
        this.eventsFrom.set(key, [...(this.eventsFrom.get(key) ?? []), l]);
      }
    }
    for (const run of this.running.values()) {
      const driven = new Set((this.controlsInto.get(run.id) ?? []).map((l) => l.to.port));
      for (const name of Object.keys(run.driven)) if (!driven.has(name)) delete run.driven[name];
      for (const name of Object.keys(run.controlInputs)) if (!driven.has(name)) delete run.controlInputs[name];
    }
  }

  /** Connects audio and looped clips as the plan says; drops what it no longer says. */
  private rewire(graph: GraphSpec, plan: LivePlan, outputsOf: OutputsOf): void {
    const { host } = this.options;
    const wanted = new Map<string, { from: unknown; to: unknown }>();
    const clips = new Set<string>();
    const notes = new Set<string>();
    const recordedSources = new Set<string>();
    for (const link of plan.links) {
      const toKey = `${link.to.node}.${link.to.port}`;
      if (link.kind === 'notes') {
        const seq = outputsOf(link.from.node)?.[link.from.port];
        if (!isNoteSequence(seq)) continue;
        const key = `${link.from.node}.${link.from.port}->${toKey}`;
        const records = !recordedSources.has(link.from.node);
        recordedSources.add(link.from.node);
        host.playNotes(key, link.from.node, seq, (event) => {
          if (records) host.recordEvent(link.from.node, event);
          this.deliver(link.to.node, link.to.port, event);
        });
        notes.add(key);
        continue;
      }
      if (link.kind !== 'audio') continue;
      const to = link.master ? host.master : this.running.get(link.to.node)?.instance.audio?.inputs?.[link.to.port];
      const from = link.clip ? this.clipEndpoint(graph, link, outputsOf, clips) : this.liveEndpoint(link);
      if (from === undefined || to === undefined) continue;
      wanted.set(`${link.from.node}.${link.from.port}->${toKey}`, { from, to });
    }
    for (const [key, w] of this.wires) {
      const now = wanted.get(key);
      if (now && now.from === w.from && now.to === w.to) continue;
      host.disconnect(w.from, w.to);
      this.wires.delete(key);
    }
    for (const [key, w] of wanted) {
      if (this.wires.has(key)) continue;
      host.connect(w.from, w.to);
      this.wires.set(key, w);
    }
    for (const key of this.clipKeys) if (!clips.has(key)) host.stopClip(key);
    for (const key of this.noteKeys) if (!notes.has(key)) host.stopNotes(key);
    this.clipKeys = clips;
    this.noteKeys = notes;
  }

  private clipEndpoint(graph: GraphSpec, link: LiveLink, outputsOf: OutputsOf, clips: Set<string>): unknown {
    const clip = outputsOf(link.from.node)?.[link.from.port];
    if (!isClip(clip)) return undefined;
    const key = `${link.from.node}.${link.from.port}`;
    clips.add(key);
    return this.options.host.playClip(key, link.from.node, clip, loopSecondsOf(graph, link.from.node, outputsOf));
  }

  private liveEndpoint(link: LiveLink): unknown {
    const run = this.running.get(link.from.node);
    const raw = run?.instance.audio?.outputs?.[link.from.port];
    if (!run || raw === undefined) return undefined;
    let guarded = run.guarded.get(link.from.port);
    if (guarded === undefined) {
      guarded = this.options.host.guard(run.id, link.from.port, raw);
      run.guarded.set(link.from.port, guarded);
    }
    return guarded;
  }
}

/** Values of the inputs fed by render-mode nodes (`edges` into the node), by port; multiple inputs as arrays. */
function staticInputs(def: NodeDef, edges: readonly GraphSpec['edges'][number][], outputsOf: OutputsOf): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const e of edges) {
    const value = outputsOf(e.from.node)?.[e.from.port];
    if (def.inputs[e.to.port]?.multiple) inputs[e.to.port] = [...((inputs[e.to.port] as unknown[]) ?? []), value];
    else inputs[e.to.port] = value;
  }
  return inputs;
}

function sameNumbers(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
