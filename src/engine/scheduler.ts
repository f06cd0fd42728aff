/**
 * The render-mode scheduler: pulls from the sinks, runs only their ancestors, caches every result
 * under a content key (type, version, params, seed, input keys), re-runs only the dirty downstream
 * cone, runs independent async nodes concurrently, cancels an outdated evaluation at once (latest
 * wins), and lets a failing node fail alone. Cycles are refused with the nodes of the cycle named.
 */
import { ancestorsOf, findCycle, indexGraph, topoSort, type GraphIndex } from './graphIndex';
import { hashText, stableStringify } from './hash';
import { CancelledError, type AssetData, type Logger, type NodeDef, type NodeResult, type NodeServices } from './node';
import { createNodeContext, decodeBase64 } from './nodeContext';
import { coerceParam } from './params';
import type { NodeRegistry } from './registry';
import { ResultCache } from './resultCache';
import type { EvaluateOptions, Evaluation, GraphSpec, NodeEvent, NodeOutcome } from './scheduler-types';

/** Options of a scheduler. */
export interface SchedulerOptions {
  /** Cache budget in bytes (default 256 MiB). */
  cacheBytes?: number;
  /** Services handed to runs (renderer, model loader…). */
  services?: NodeServices;
  logger?: Logger;
}

const silentLogger: Logger = { info: () => {}, warn: () => {} };

/** Prepared facts about one needed node. */
interface Plan {
  id: string;
  def: NodeDef | undefined;
  params: Record<string, unknown>;
  seed: number;
  key: string;
  /** Number of distinct upstream nodes still unfinished. */
  waiting: number;
}

/**
 * Evaluates patches against a node registry.
 * @example
 * const scheduler = new Scheduler(createRegistry(), { services: { renderer } });
 * const result = await scheduler.evaluate(patch);
 */
export class Scheduler {
  private cache: ResultCache;
  private listeners = new Set<(e: NodeEvent) => void>();
  private current: AbortController | null = null;
  private services: NodeServices;
  private log: Logger;

  constructor(private registry: NodeRegistry, options: SchedulerOptions = {}) {
    this.cache = new ResultCache(options.cacheBytes ?? 256 * 1024 * 1024);
    this.services = options.services ?? {};
    this.log = options.logger ?? silentLogger;
  }

  /** Subscribes to status and progress events; returns the unsubscribe function. */
  onEvent(listener: (e: NodeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels the evaluation in progress, if any. */
  stop(): void {
    this.current?.abort();
    this.current = null;
  }

  /** Empties the result cache. */
  clearCache(): void {
    this.cache.clear();
  }

  /** Bytes and entries in the cache. */
  cacheStats(): { bytes: number; entries: number } {
    return { bytes: this.cache.size, entries: this.cache.count };
  }

  /** Nodes evaluated when no sinks are given: sink types, and nodes without outgoing edges. */
  defaultSinks(graph: GraphSpec): string[] {
    const fed = new Set(graph.edges.map((e) => e.from.node));
    return graph.nodes
      .filter((n) => this.registry.get(n.type)?.sink || !fed.has(n.id))
      .map((n) => n.id);
  }

  /** Evaluates the graph; a newer call cancels this one, which then resolves with `cancelled: true`. */
  evaluate(graph: GraphSpec, options: EvaluateOptions = {}): Promise<Evaluation> {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    const index = indexGraph(graph);
    const sinks = options.sinks ?? this.defaultSinks(graph);
    const needed = ancestorsOf(index, sinks);
    if (!options.sinks) {
      // A pure cycle has no sink; find it anyway so it is reported, not silently skipped.
      for (const id of topoSort(index, new Set(index.nodes.keys())).blocked) needed.add(id);
    }
    const { order, blocked } = topoSort(index, needed);
    const outcomes = new Map<string, NodeOutcome>();
    const ran: string[] = [];
    const cycle = blocked.length ? findCycle(index, blocked) : null;
    for (const id of blocked) {
      const error = cycle && cycle.includes(id)
        ? `part of a cycle: ${cycle.join(' → ')}`
        : `downstream of a cycle (${(cycle ?? blocked).join(' → ')})`;
      outcomes.set(id, { status: 'failed', error });
      this.emit({ nodeId: id, status: 'failed', error });
    }
    const plans = this.plan(index, order, options.globalSeed ?? 0);
    return new Promise<Evaluation>((resolve) => {
      new Run(this, index, graph, plans, order, outcomes, ran, controller, resolve).start();
    });
  }

  /** Computes params, seed and cache key of every node in topological order. */
  private plan(index: GraphIndex, order: string[], globalSeed: number): Map<string, Plan> {
    const plans = new Map<string, Plan>();
    for (const id of order) {
      const node = index.nodes.get(id)!;
      const def = this.registry.get(node.type);
      const params: Record<string, unknown> = {};
      let seed = globalSeed >>> 0;
      if (def) {
        for (const [name, spec] of Object.entries(def.params)) {
          params[name] = node.params[name] !== undefined ? node.params[name] : spec.default;
          if (spec.kind === 'seed') seed = ((params[name] as number) + globalSeed) >>> 0;
        }
      }
      const upstream = new Set<string>();
      const inputs: string[] = [];
      for (const e of index.incoming.get(id) ?? []) {
        upstream.add(e.from.node);
        inputs.push(`${e.to.port}<${plans.get(e.from.node)?.key ?? '?'}.${e.from.port}`);
      }
      const key = hashText(`${node.type}@${def?.version ?? 0}|${stableStringify(params)}|${seed}|${inputs.join(',')}`);
      plans.set(id, { id, def, params, seed, key, waiting: upstream.size });
    }
    return plans;
  }

  /** @internal */ emit(event: NodeEvent): void {
    for (const l of this.listeners) l(event);
  }
  /** @internal */ get resultCache(): ResultCache { return this.cache; }
  /** @internal */ get runServices(): NodeServices { return this.services; }
  /** @internal */ get logger(): Logger { return this.log; }
  /** @internal */ get nodeRegistry(): NodeRegistry { return this.registry; }
  /** @internal */ isCurrent(c: AbortController): boolean { return this.current === c; }
  /** @internal */ release(c: AbortController): void { if (this.current === c) this.current = null; }
}

/** One evaluation in flight: a ready queue driven synchronously for sync nodes, by promises for async ones. */
class Run {
  private pending = 0;
  private finished = false;
  private assets = new Map<string, AssetData>();

  constructor(
    private s: Scheduler,
    private index: GraphIndex,
    private graph: GraphSpec,
    private plans: Map<string, Plan>,
    private order: string[],
    private outcomes: Map<string, NodeOutcome>,
    private ran: string[],
    private controller: AbortController,
    private resolve: (e: Evaluation) => void,
  ) {}

  start(): void {
    this.controller.signal.addEventListener('abort', () => this.finish(true), { once: true });
    const ready: string[] = [];
    for (const id of this.order) {
      const plan = this.plans.get(id)!;
      if (!this.s.resultCache.has(plan.key)) this.s.emit({ nodeId: id, status: 'queued' });
      if (plan.waiting === 0) ready.push(id);
    }
    this.pending = this.order.length;
    this.drain(ready);
    if (this.pending === 0) this.finish(false);
  }

  /** Runs ready nodes until none is ready; async completions call back into drain. */
  private drain(ready: string[]): void {
    while (ready.length && !this.finished) {
      const id = ready.pop()!;
      const result = this.execute(id);
      if (result) {
        result.then(() => {
          if (this.finished) return;
          this.complete(id, ready);
          this.drain(ready);
        });
      } else {
        this.complete(id, ready);
      }
    }
  }

  /** Marks a node complete and queues the dependents that became ready. */
  private complete(id: string, ready: string[]): void {
    this.pending--;
    for (const next of this.index.outgoing.get(id) ?? []) {
      const p = this.plans.get(next);
      if (!p) continue;
      if (--p.waiting === 0) ready.push(next);
    }
    if (this.pending === 0) this.finish(false);
  }

  /** Runs or fetches one node; returns a promise only when the node's run is asynchronous. */
  private execute(id: string): Promise<void> | void {
    const plan = this.plans.get(id)!;
    const node = this.index.nodes.get(id)!;
    const def = plan.def;
    if (!def) return this.fail(id, plan, `unknown node type "${node.type}" (placeholder: install or remove it)`);
    const gathered = this.gatherInputs(id, def, plan);
    if (typeof gathered === 'string') return this.fail(id, plan, gathered);
    const cached = this.s.resultCache.get(plan.key);
    if (cached) {
      this.outcomes.set(id, { status: 'cached', outputs: cached.outputs, previews: cached.previews, key: plan.key, ms: 0 });
      this.s.emit({ nodeId: id, status: 'cached' });
      return;
    }
    this.s.emit({ nodeId: id, status: 'running', progress: 0 });
    const t0 = now();
    const ctx = createNodeContext({
      nodeId: id,
      seed: plan.seed,
      signal: this.controller.signal,
      services: this.s.runServices,
      log: this.s.logger,
      asset: (assetId) => this.asset(assetId, id),
      onProgress: (progress, message) => {
        if (!this.finished) this.s.emit({ nodeId: id, status: 'running', progress, message });
      },
    });
    let result;
    try {
      result = def.run(gathered.inputs, gathered.params, ctx);
    } catch (err) {
      return this.settleError(id, plan, err);
    }
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<NodeResult>).then(
        (r) => this.settle(id, plan, def, r, now() - t0),
        (err) => this.settleError(id, plan, err),
      );
    }
    this.settle(id, plan, def, result as NodeResult, now() - t0);
  }

  /** Collects input values (with conversions) and exposed-param overrides, or says why it can't. */
  private gatherInputs(id: string, def: NodeDef, plan: Plan): { inputs: Record<string, unknown>; params: Record<string, unknown> } | string {
    const inputs: Record<string, unknown> = {};
    let params = plan.params;
    const types = this.s.nodeRegistry.portTypes;
    for (const [name, spec] of Object.entries(def.inputs)) if (spec.multiple) inputs[name] = [];
    for (const e of this.index.incoming.get(id) ?? []) {
      const src = this.outcomes.get(e.from.node);
      if (!src || src.status === 'failed' || src.status === 'cancelled') {
        return `input "${e.to.port}" failed upstream (node ${e.from.node})`;
      }
      const fromDef = this.plans.get(e.from.node)?.def;
      let value = src.outputs?.[e.from.port];
      const fromType = fromDef?.outputs[e.from.port]?.type;
      const inSpec = def.inputs[e.to.port];
      const toType = inSpec?.type ?? (def.params[e.to.port] ? undefined : 'any');
      if (fromType && toType && fromType !== toType && toType !== 'any' && fromType !== 'any') {
        const conv = types.conversion(fromType, toType);
        if (!conv) return `input "${e.to.port}": ${fromType} from ${e.from.node} cannot feed a ${toType} input`;
        value = conv.convert(value);
      }
      if (inSpec) {
        if (inSpec.multiple) (inputs[e.to.port] as unknown[]).push(value);
        else inputs[e.to.port] = value;
      } else if (def.params[e.to.port]) {
        if (params === plan.params) params = { ...plan.params };
        params[e.to.port] = coerceParam(def.params[e.to.port], value);
      }
    }
    for (const [name, spec] of Object.entries(def.inputs)) {
      if (!spec.optional && !spec.multiple && inputs[name] === undefined) return `input "${name}" is not connected`;
    }
    return { inputs, params };
  }

  private settle(id: string, plan: Plan, def: NodeDef, result: NodeResult, ms: number): void {
    if (this.finished) return;
    const outputs = result?.outputs ?? {};
    const types = this.s.nodeRegistry.portTypes;
    let bytes = 0;
    for (const [name, spec] of Object.entries(def.outputs)) {
      const t = types.get(spec.type);
      const problem = t?.validate(outputs[name]);
      if (problem) return void this.fail(id, plan, `output "${name}" is not valid ${spec.type}: ${problem}`);
      bytes += t ? t.sizeOf(outputs[name]) : 0;
    }
    this.s.resultCache.set(plan.key, { outputs, previews: result.previews, bytes });
    this.outcomes.set(id, { status: 'done', outputs, previews: result.previews, key: plan.key, ms });
    this.ran.push(id);
    this.s.emit({ nodeId: id, status: 'done', progress: 1 });
  }

  private settleError(id: string, plan: Plan, err: unknown): void {
    if (this.finished) return;
    if (err instanceof CancelledError || this.controller.signal.aborted) return;
    this.fail(id, plan, err instanceof Error ? err.message : String(err));
  }

  private fail(id: string, plan: Plan, error: string): void {
    this.outcomes.set(id, { status: 'failed', error, key: plan.key });
    this.s.emit({ nodeId: id, status: 'failed', error });
  }

  private asset(assetId: string, nodeId: string): AssetData {
    let a = this.assets.get(assetId);
    if (a) return a;
    const raw = this.graph.assets?.[assetId];
    if (!raw) throw new Error(`node ${nodeId}: the patch has no embedded asset "${assetId}"`);
    a = { id: assetId, name: raw.name, mime: raw.mime, bytes: decodeBase64(raw.data) };
    this.assets.set(assetId, a);
    return a;
  }

  private finish(cancelled: boolean): void {
    if (this.finished) return;
    this.finished = true;
    if (cancelled) {
      for (const id of this.order) {
        if (!this.outcomes.has(id)) {
          this.outcomes.set(id, { status: 'cancelled' });
          this.s.emit({ nodeId: id, status: 'cancelled' });
        }
      }
    }
    this.s.release(this.controller);
    this.resolve({ nodes: this.outcomes, ran: this.ran, cancelled });
  }
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
