/**
 * The render-mode scheduler: pulls from the sinks, runs only their ancestors, caches every result
 * under a content key (type, version, params, seed, input keys), re-runs only the dirty downstream
 * cone, runs independent async nodes concurrently, cancels an outdated evaluation at once (latest
 * wins), and lets a failing node fail alone. Cycles are refused with the nodes of the cycle named.
 *
 * Between evaluations it keeps what the last finished one computed (topology, order, plan with
 * keys, outcomes). When the next graph has the same edges, sinks and assets, it compares node
 * objects by identity — graphs are immutable, an edit replaces the node object — and re-plans and
 * runs only the changed nodes' downstream cone, so a re-evaluation costs O(cone) work plus one
 * pointer comparison per node and edge.
 */
import { findCycle, type Topology } from './graphIndex';
import { sameEdges, sameItems, StructureCache, swapChangedNodes } from './graphStructure';
import type { Logger, NodeServices } from './node';
import { OutcomeTable } from './outcomeTable';
import type { NodeRegistry } from './registry';
import { ResultCache } from './resultCache';
import { PlanTable } from './schedulerPlan';
import { Run, type RunSpec } from './schedulerRun';
import type { EvaluateOptions, Evaluation, GraphSpec, NodeEvent } from './scheduler-types';

/** Options of a scheduler. */
export interface SchedulerOptions {
  /** Cache budget in bytes (default 256 MiB). */
  cacheBytes?: number;
  /** Services handed to runs (renderer, model loader…). */
  services?: NodeServices;
  logger?: Logger;
}

const silentLogger: Logger = { info: () => {}, warn: () => {} };

/**
 * Evaluates patches against a node registry.
 * @example
 * const scheduler = new Scheduler(createRegistry(), { services: { renderer } });
 * const result = await scheduler.evaluate(patch);
 */
export class Scheduler {
  private cache: ResultCache;
  private listeners = new Set<(e: NodeEvent) => void>();
  private current: Run | null = null;
  private services: NodeServices;
  private log: Logger;
  /** The last finished, uncancelled run of a reusable plan: what the next evaluation builds on. */
  private memo: Run | null = null;
  private structures: StructureCache;
  private runs = 0;

  constructor(private registry: NodeRegistry, options: SchedulerOptions = {}) {
    this.cache = new ResultCache(options.cacheBytes ?? 256 * 1024 * 1024);
    this.structures = new StructureCache(registry);
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
    this.current?.cancel();
    this.current = null;
  }

  /** Empties the result cache and forgets the last evaluation's results (the compiled graph structure is kept). */
  clearCache(): void {
    this.cache.clear();
    this.memo = null;
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
    const G = globalThis as any; const P: number[] | null = G.REC ? [performance.now()] : null; G.P = P;
    this.current?.cancel();
    const globalSeed = options.globalSeed ?? 0;
    const runId = ++this.runs;
    // The memo is consumed: only a finished, uncancelled evaluation leaves a new one.
    const memo = this.memo;
    this.memo = null;
    const spec = (memo && this.prepareIncremental(memo, graph, options.sinks, globalSeed, runId))
      ?? this.prepareFull(graph, options.sinks, globalSeed, runId);
    P?.push(performance.now());
    const run = new Run(this, runId, spec);
    this.current = run;
    run.start();
    P?.push(performance.now());
    if (P) { (G.PHASES ??= []).push(P.slice(1).map((t, k) => t - P[k])); }
    if (run.evaluation) return Promise.resolve(run.evaluation);
    return new Promise<Evaluation>((resolve) => { run.resolve = resolve; });
  }

  /** Plans every needed node; nodes on or behind a cycle fail at once, naming the cycle. */
  private prepareFull(graph: GraphSpec, sinks: readonly string[] | undefined, globalSeed: number, runId: number): RunSpec {
    const { topo, routes, order, blocked } = this.structures.resolve(graph, sinks);
    const plans = new PlanTable(topo, routes, this.registry, globalSeed, order);
    plans.planAll(runId);
    const outcomes = new OutcomeTable(topo.ids, topo.indexOf, blocked.length ? order.concat(blocked) : order);
    if (blocked.length) this.failBlocked(topo, blocked, outcomes);
    return { plans, scheduled: order, outcomes, assets: graph.assets, givenSinks: sinks, reusable: !blocked.length };
  }

  /** Marks the nodes on or behind a cycle as failed, naming the cycle. */
  private failBlocked(topo: Topology, blocked: number[], outcomes: OutcomeTable): void {
    const cycle = findCycle(topo, blocked);
    const cycleIds = new Set(cycle);
    for (const i of blocked) {
      const id = topo.ids[i];
      const error = cycleIds.has(id)
        ? `part of a cycle: ${cycle!.join(' → ')}`
        : `downstream of a cycle (${(cycle ?? blocked.map((k) => topo.ids[k])).join(' → ')})`;
      outcomes.setAt(i, { status: 'failed', error });
      this.emit({ nodeId: id, status: 'failed', error });
    }
  }

  /**
   * Re-plans only the downstream cone of the nodes that changed since `memo` (stopping where a
   * cache key comes out unchanged), or returns null when anything structural changed (edges,
   * sinks, assets, node ids or types, the global seed). Changed node objects are written into the
   * memo's topology.
   */
  private prepareIncremental(memo: Run, graph: GraphSpec, sinks: readonly string[] | undefined, globalSeed: number, runId: number): RunSpec | null {
    const { plans, givenSinks } = memo;
    const topo = plans.topo;
    if (globalSeed !== plans.globalSeed || graph.assets !== memo.assets || !sameItems(sinks, givenSinks)) return null;
    const P = (globalThis as any).P as number[] | null;
    P?.push(performance.now());
    if (graph.nodes.length !== topo.nodes.length || !sameEdges(topo, graph.edges)) return null;
    P?.push(performance.now());
    const changedCount = swapChangedNodes(topo, graph.nodes, plans.changed);
    P?.push(performance.now());
    if (changedCount < 0) return null;
    const scheduled = plans.replan(changedCount, memo.unsettled, runId);
    P?.push(performance.now());
    const outcomes = memo.outcomes.derive();
    // Nodes that ran last time (status 'done', among the last run's scheduled nodes) and are not running again now report 'cached'.
    for (const i of memo.scheduled) {
      const outcome = outcomes.at(i);
      if (outcome?.status !== 'done' || plans.scheduledBy(i) === runId) continue;
      outcomes.setAt(i, { status: 'cached', outputs: outcome.outputs, previews: outcome.previews, key: outcome.key, ms: 0 });
      if (this.listening) this.emit({ nodeId: topo.ids[i], status: 'cached' });
    }
    return { plans, scheduled, outcomes, assets: graph.assets, givenSinks: sinks, reusable: true };
  }

  /** @internal Called by a run when it finishes: a finished, uncancelled run of a reusable plan becomes the memo. */
  runFinished(run: Run): void {
    if (this.current === run) this.current = null;
    if (!run.evaluation!.cancelled && run.reusable) this.memo = run;
  }

  /** @internal */ get listening(): boolean { return this.listeners.size > 0; }
  /** @internal */ emit(event: NodeEvent): void {
    for (const l of this.listeners) l(event);
  }
  /** @internal */ get resultCache(): ResultCache { return this.cache; }
  /** @internal */ get runServices(): NodeServices { return this.services; }
  /** @internal */ get logger(): Logger { return this.log; }
}
