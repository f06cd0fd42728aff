/**
 * The render-mode scheduler: pulls from the sinks, runs only their ancestors, caches every result
 * under a content key (type, version, params, seed, input keys), re-runs only the dirty downstream
 * cone, runs independent async nodes concurrently, cancels an outdated evaluation at once (latest
 * wins), and lets a failing node fail alone. Cycles are refused with the nodes of the cycle named.
 *
 * Between evaluations it keeps what the last finished one computed (graph index, topological
 * order, keys, outcomes). When the next graph has the same edges, sinks and assets, it compares
 * node objects by identity — patches are immutable, an edit replaces the node object — and plans
 * and visits only the changed nodes' downstream cone, so a re-evaluation costs O(cone) work plus
 * one pointer comparison per node and edge.
 */
import { ancestorsOf, findCycle, indexGraph, topoSort, type GraphIndex } from './graphIndex';
import { hashText, stableStringify } from './hash';
import type { Logger, NodeDef, NodeServices } from './node';
import { defShape } from './nodeShape';
import type { NodeRegistry } from './registry';
import { OutcomeTable } from './outcomeTable';
import { ResultCache } from './resultCache';
import { Run, type Plan } from './schedulerRun';
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

/** What a finished evaluation leaves for the next one. */
export interface Memo {
  /** Node and edge objects of the evaluated graph (own copies of the arrays). */
  nodes: GraphSpec['nodes'][number][];
  edges: GraphSpec['edges'][number][];
  assets: GraphSpec['assets'];
  /** Sinks as given in the options, or undefined when the defaults were used. */
  givenSinks: readonly string[] | undefined;
  globalSeed: number;
  index: GraphIndex;
  /** Needed nodes in topological order, and the position of each. */
  order: string[];
  position: Map<string, number>;
  plans: Map<string, Plan>;
  outcomes: OutcomeTable;
  /** Nodes that ran (their outcome says 'done'; next time they are 'cached'). */
  ran: string[];
  /** Nodes that failed or were cancelled: never cached, so always re-run. */
  unsettled: string[];
}

/** An evaluation ready to run: what to execute, in order, and the outcomes known before it starts. */
interface Prepared {
  index: GraphIndex;
  order: string[];
  position: Map<string, number>;
  plans: Map<string, Plan>;
  scheduled: string[];
  outcomes: OutcomeTable;
  /** Nodes answered from the last evaluation whose status turns from 'done' to 'cached'. */
  nowCached: string[];
  /** The memo's node array when it was updated in place (null on the full path). */
  nodes: Memo['nodes'] | null;
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
  private current: Run | null = null;
  private services: NodeServices;
  private log: Logger;
  private memo: Memo | null = null;
  private runs = 0;

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
    this.current?.cancel();
    this.current = null;
  }

  /** Empties the result cache (and forgets the last evaluation). */
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
    this.current?.cancel();
    const globalSeed = options.globalSeed ?? 0;
    // The memo is consumed: only a finished, uncancelled evaluation leaves a new one.
    const memo = this.memo;
    this.memo = null;
    const prepared = (memo && this.prepareIncremental(memo, graph, options.sinks, globalSeed)) ?? this.prepareFull(graph, options, globalSeed);
    if (!prepared) return this.evaluateBlocked(graph, options, globalSeed);
    if (this.listening) for (const id of prepared.nowCached) this.emit({ nodeId: id, status: 'cached' });
    const runId = ++this.runs;
    return new Promise<Evaluation>((resolve) => {
      this.current = new Run(this, runId, prepared.index, graph, prepared.plans, prepared.scheduled, prepared.outcomes, (evaluation, run) => {
        if (!evaluation.cancelled) {
          this.memo = {
            nodes: memo?.nodes === prepared.nodes ? memo.nodes : graph.nodes.slice(),
            edges: memo && memo.index === prepared.index ? memo.edges : graph.edges.slice(),
            assets: graph.assets, givenSinks: options.sinks, globalSeed, index: prepared.index,
            order: prepared.order, position: prepared.position, plans: prepared.plans,
            outcomes: prepared.outcomes, ran: evaluation.ran, unsettled: run.unsettled,
          };
        }
        resolve(evaluation);
      });
      this.current.start();
    });
  }

  /** Plans every needed node; null when the graph has a cycle (the blocked path handles it). */
  private prepareFull(graph: GraphSpec, options: EvaluateOptions, globalSeed: number): Prepared | null {
    const index = indexGraph(graph);
    const needed = ancestorsOf(index, options.sinks ?? this.defaultSinks(graph));
    if (!options.sinks && topoSort(index, new Set(index.nodes.keys())).blocked.length) return null;
    const { order, blocked } = topoSort(index, needed);
    if (blocked.length) return null;
    const plans = new Map<string, Plan>();
    const position = new Map<string, number>();
    order.forEach((id, i) => {
      position.set(id, i);
      const plan = this.planNode(index, id, plans, globalSeed);
      plan.waiting = countUpstream(index, id);
      plans.set(id, plan);
    });
    return { index, order, position, plans, scheduled: order, outcomes: new OutcomeTable(order, position), nowCached: [], nodes: null };
  }

  /**
   * Plans only the downstream cone of the nodes that changed since `memo` (stopping where a cache
   * key comes out unchanged), or returns null when anything structural changed (edges, sinks,
   * assets, node ids or types, the global seed). Changed node objects are written into the memo.
   */
  private prepareIncremental(memo: Memo, graph: GraphSpec, sinks: readonly string[] | undefined, globalSeed: number): Prepared | null {
    if (globalSeed !== memo.globalSeed || graph.assets !== memo.assets || !sameItems(sinks, memo.givenSinks)) return null;
    if (!sameItems(graph.edges, memo.edges) || graph.nodes.length !== memo.nodes.length) return null;
    const changed = new Set<string>();
    for (let i = 0; i < graph.nodes.length; i++) {
      const now = graph.nodes[i];
      const before = memo.nodes[i];
      if (now === before) continue;
      if (now.id !== before.id || now.type !== before.type) return null;
      changed.add(now.id);
      memo.nodes[i] = now;
      memo.index.nodes.set(now.id, now);
    }
    const { index, order, position, plans } = memo;
    const unsettled = new Set(memo.unsettled);
    const reach = new Set<string>();
    const stack = [...changed, ...unsettled].filter((id) => position.has(id));
    while (stack.length) {
      const id = stack.pop()!;
      if (reach.has(id)) continue;
      reach.add(id);
      for (const next of index.outgoing.get(id) ?? []) if (position.has(next) && !reach.has(next)) stack.push(next);
    }
    const dirty = new Set<string>();
    const scheduled: string[] = [];
    for (const id of [...reach].sort((a, b) => position.get(a)! - position.get(b)!)) {
      const upstreamDirty = (index.incoming.get(id) ?? []).some((e) => dirty.has(e.from.node));
      if (!upstreamDirty && !changed.has(id) && !unsettled.has(id)) continue;
      const before = plans.get(id)!;
      const plan = this.planNode(index, id, plans, globalSeed);
      plans.set(id, plan);
      if (plan.key === before.key && !unsettled.has(id) && memo.outcomes.has(id)) continue;
      dirty.add(id);
      scheduled.push(id);
    }
    for (const id of scheduled) plans.get(id)!.waiting = countUpstream(index, id, dirty);
    const outcomes = memo.outcomes.copy();
    const nowCached: string[] = [];
    for (const id of memo.ran) {
      const outcome = outcomes.get(id);
      if (dirty.has(id) || !outcome) continue;
      outcomes.set(id, { ...outcome, status: 'cached', ms: 0 });
      nowCached.push(id);
    }
    for (const id of scheduled) outcomes.delete(id);
    return { index, order, position, plans, scheduled, outcomes, nowCached, nodes: memo.nodes };
  }

  /** The original path for graphs with a cycle: report the cycle, run the rest without a memo. */
  private evaluateBlocked(graph: GraphSpec, options: EvaluateOptions, globalSeed: number): Promise<Evaluation> {
    const index = indexGraph(graph);
    const needed = ancestorsOf(index, options.sinks ?? this.defaultSinks(graph));
    if (!options.sinks) for (const id of topoSort(index, new Set(index.nodes.keys())).blocked) needed.add(id);
    const { order, blocked } = topoSort(index, needed);
    const outcomes = new Map<string, NodeOutcome>();
    const cycle = blocked.length ? findCycle(index, blocked) : null;
    for (const id of blocked) {
      const error = cycle && cycle.includes(id)
        ? `part of a cycle: ${cycle.join(' → ')}`
        : `downstream of a cycle (${(cycle ?? blocked).join(' → ')})`;
      outcomes.set(id, { status: 'failed', error });
      this.emit({ nodeId: id, status: 'failed', error });
    }
    const plans = new Map<string, Plan>();
    for (const id of order) {
      const plan = this.planNode(index, id, plans, globalSeed);
      plan.waiting = countUpstream(index, id);
      plans.set(id, plan);
    }
    const runId = ++this.runs;
    return new Promise<Evaluation>((resolve) => {
      this.current = new Run(this, runId, index, graph, plans, order, outcomes, (evaluation) => resolve(evaluation));
      this.current.start();
    });
  }

  /** Params, seed and cache key of one node; its upstream nodes must be planned already. */
  private planNode(index: GraphIndex, id: string, plans: Map<string, Plan>, globalSeed: number): Plan {
    const node = index.nodes.get(id)!;
    const def: NodeDef | undefined = this.registry.get(node.type);
    const params: Record<string, unknown> = {};
    let seed = globalSeed >>> 0;
    if (def) {
      for (const [name, spec] of defShape(def, this.registry.portTypes).params) {
        params[name] = node.params[name] !== undefined ? node.params[name] : spec.default;
        if (spec.kind === 'seed') seed = ((params[name] as number) + globalSeed) >>> 0;
      }
    }
    let text = `${node.type}@${def?.version ?? 0}|${stableStringify(params)}|${seed}|`;
    const incoming = index.incoming.get(id) ?? [];
    for (let i = 0; i < incoming.length; i++) {
      const e = incoming[i];
      text += `${i ? ',' : ''}${e.to.port}<${plans.get(e.from.node)?.key ?? '?'}.${e.from.port}`;
    }
    return { id, def, params, seed, key: hashText(text), waiting: 0, runId: 0 };
  }

  /** @internal */ get listening(): boolean { return this.listeners.size > 0; }
  /** @internal */ emit(event: NodeEvent): void {
    for (const l of this.listeners) l(event);
  }
  /** @internal */ get resultCache(): ResultCache { return this.cache; }
  /** @internal */ get runServices(): NodeServices { return this.services; }
  /** @internal */ get logger(): Logger { return this.log; }
  /** @internal */ get nodeRegistry(): NodeRegistry { return this.registry; }
  /** @internal */ release(run: Run): void { if (this.current === run) this.current = null; }
}

/** Number of distinct upstream nodes of `id` (only those in `among` when given). */
function countUpstream(index: GraphIndex, id: string, among?: ReadonlySet<string>): number {
  const incoming = index.incoming.get(id) ?? [];
  let count = 0;
  for (let i = 0; i < incoming.length; i++) {
    const from = incoming[i].from.node;
    if (among && !among.has(from)) continue;
    let repeated = false;
    for (let j = 0; j < i && !repeated; j++) repeated = incoming[j].from.node === from;
    if (!repeated) count++;
  }
  return count;
}

/** Whether two lists hold the same items in the same order (both undefined counts as the same). */
function sameItems<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
