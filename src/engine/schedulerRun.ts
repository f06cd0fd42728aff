/** One evaluation in flight: a ready queue driven synchronously for sync nodes, by promises for async ones. */
import { CancelledError, type AssetData, type Logger, type NodeDef, type NodeResult, type NodeServices } from './node';
import { decodeBase64, RunContext, type ContextHost } from './nodeContext';
import { defShape } from './nodeShape';
import { coerceParam } from './params';
import type { GraphIndex } from './graphIndex';
import type { Scheduler } from './scheduler';
import type { Evaluation, GraphSpec, NodeOutcome } from './scheduler-types';

/** Prepared facts about one needed node. */
export interface Plan {
  id: string;
  def: NodeDef | undefined;
  params: Record<string, unknown>;
  seed: number;
  key: string;
  /** Number of distinct scheduled upstream nodes still unfinished. */
  waiting: number;
  /** The run that schedules this node (0: none yet). */
  runId: number;
}

/** Where a run reads and writes outcomes: a Map, or an OutcomeTable. */
export interface OutcomeStore extends ReadonlyMap<string, NodeOutcome> {
  set(id: string, outcome: NodeOutcome): unknown;
}

/** Runs the scheduled nodes of one evaluation; nodes not scheduled already have their outcome. */
export class Run implements ContextHost {
  private pending = 0;
  private finished = false;
  private cancelled = false;
  private assets = new Map<string, AssetData>();
  /** Created when a run first asks for the signal (most sync runs never do). */
  private controller: AbortController | undefined;
  private ran: string[] = [];
  /** Nodes that failed or were cancelled in this run. */
  readonly unsettled: string[] = [];

  constructor(
    private s: Scheduler,
    private runId: number,
    private index: GraphIndex,
    private graph: GraphSpec,
    private plans: Map<string, Plan>,
    private scheduled: string[],
    private outcomes: OutcomeStore,
    private done: (e: Evaluation, run: Run) => void,
  ) {}

  /** Aborted when this evaluation is cancelled (latest wins, or stop()). */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.cancelled) this.controller.abort();
    }
    return this.controller.signal;
  }

  /** Cancels this evaluation: aborts the signal running nodes watch, and resolves it as cancelled. */
  cancel(): void {
    if (this.finished) return;
    this.controller?.abort();
    this.finish(true);
  }
  get services(): NodeServices { return this.s.runServices; }
  get log(): Logger { return this.s.logger; }

  start(): void {
    const ready: string[] = [];
    const listening = this.s.listening;
    for (const id of this.scheduled) {
      const plan = this.plans.get(id)!;
      plan.runId = this.runId;
      if (listening && !this.s.resultCache.has(plan.key)) this.s.emit({ nodeId: id, status: 'queued' });
      if (plan.waiting === 0) ready.push(id);
    }
    this.pending = this.scheduled.length;
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

  /** Marks a node complete and queues the scheduled dependents that became ready. */
  private complete(id: string, ready: string[]): void {
    this.pending--;
    for (const next of this.index.outgoing.get(id) ?? []) {
      const p = this.plans.get(next);
      if (!p || p.runId !== this.runId) continue;
      if (--p.waiting === 0) ready.push(next);
    }
    if (this.pending === 0) this.finish(false);
  }

  /** Runs or fetches one node; returns a promise only when the node's run is asynchronous. */
  private execute(id: string): Promise<void> | void {
    const plan = this.plans.get(id)!;
    const def = plan.def;
    if (!def) return this.fail(id, plan, `unknown node type "${this.index.nodes.get(id)!.type}" (placeholder: install or remove it)`);
    const gathered = this.gatherInputs(id, def, plan);
    if (typeof gathered === 'string') return this.fail(id, plan, gathered);
    const cached = this.s.resultCache.get(plan.key);
    if (cached) {
      this.outcomes.set(id, { status: 'cached', outputs: cached.outputs, previews: cached.previews, key: plan.key, ms: 0 });
      if (this.s.listening) this.s.emit({ nodeId: id, status: 'cached' });
      return;
    }
    if (this.s.listening) this.s.emit({ nodeId: id, status: 'running', progress: 0 });
    const t0 = performance.now();
    let result;
    try {
      result = def.run(gathered.inputs, gathered.params, new RunContext(id, plan.seed, this));
    } catch (err) {
      return this.settleError(id, plan, err);
    }
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<NodeResult>).then(
        (r) => this.settle(id, plan, def, r, performance.now() - t0),
        (err) => this.settleError(id, plan, err),
      );
    }
    this.settle(id, plan, def, result as NodeResult, performance.now() - t0);
  }

  /** Collects input values (with conversions) and exposed-param overrides, or says why it can't. */
  private gatherInputs(id: string, def: NodeDef, plan: Plan): { inputs: Record<string, unknown>; params: Record<string, unknown> } | string {
    const inputs: Record<string, unknown> = {};
    let params = plan.params;
    const types = this.s.nodeRegistry.portTypes;
    const shape = defShape(def, types);
    for (const name of shape.multiple) inputs[name] = [];
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
    for (const name of shape.required) if (inputs[name] === undefined) return `input "${name}" is not connected`;
    return { inputs, params };
  }

  private settle(id: string, plan: Plan, def: NodeDef, result: NodeResult, ms: number): void {
    if (this.finished) return;
    const outputs = result?.outputs ?? {};
    let bytes = 0;
    for (const [name, spec, type] of defShape(def, this.s.nodeRegistry.portTypes).outputs) {
      const problem = type?.validate(outputs[name]);
      if (problem) return void this.fail(id, plan, `output "${name}" is not valid ${spec.type}: ${problem}`);
      bytes += type ? type.sizeOf(outputs[name]) : 0;
    }
    this.s.resultCache.set(plan.key, { outputs, previews: result.previews, bytes });
    this.outcomes.set(id, { status: 'done', outputs, previews: result.previews, key: plan.key, ms });
    this.ran.push(id);
    if (this.s.listening) this.s.emit({ nodeId: id, status: 'done', progress: 1 });
  }

  private settleError(id: string, plan: Plan, err: unknown): void {
    if (this.finished) return;
    if (err instanceof CancelledError || this.controller?.signal.aborted) return;
    this.fail(id, plan, err instanceof Error ? err.message : String(err));
  }

  private fail(id: string, plan: Plan, error: string): void {
    this.outcomes.set(id, { status: 'failed', error, key: plan.key });
    this.unsettled.push(id);
    this.s.emit({ nodeId: id, status: 'failed', error });
  }

  /** @internal Progress reported by a run's context. */
  progress(nodeId: string, fraction: number, message?: string): void {
    if (!this.finished) this.s.emit({ nodeId, status: 'running', progress: fraction, message });
  }

  /** @internal An embedded asset, decoded once per evaluation. */
  asset(assetId: string, nodeId: string): AssetData {
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
    this.cancelled = cancelled;
    if (cancelled) {
      for (const id of this.scheduled) {
        if (!this.outcomes.has(id)) {
          this.outcomes.set(id, { status: 'cancelled' });
          this.unsettled.push(id);
          this.s.emit({ nodeId: id, status: 'cancelled' });
        }
      }
    }
    this.s.release(this);
    this.done({ nodes: this.outcomes, ran: this.ran, cancelled }, this);
  }
}
