/** One evaluation in flight: a ready queue driven synchronously for sync nodes, by promises for async ones. */
import { CancelledError, type AssetData, type Logger, type NodeDef, type NodeResult, type NodeServices } from './node';
import { DELIVER_INPUT, DELIVER_MULTIPLE, DELIVER_PARAM } from './edgeRoutes';
import { IN_EDGE, IN_FROM, IN_STRIDE } from './graphIndex';
import { decodeBase64, RunContext, type ContextHost } from './nodeContext';
import type { DefShape } from './nodeShape';
import type { OutcomeTable } from './outcomeTable';
import { coerceParam } from './params';
import type { Scheduler } from './scheduler';
import type { PlanTable } from './schedulerPlan';
import type { Evaluation, GraphSpec, NodeOutcome } from './scheduler-types';

/** What the scheduler hands a run: the plan, what to run, and where outcomes go. */
export interface RunSpec {
  plans: PlanTable;
  /** Nodes to run, upstream first (their waiting counts and `scheduledBy` stamps are set). */
  scheduled: readonly number[];
  outcomes: OutcomeTable;
  assets: GraphSpec['assets'];
  /** Sinks as given in the options, or undefined when the defaults were used. */
  givenSinks: readonly string[] | undefined;
  /** False when a cycle blocked part of the graph: such an evaluation leaves nothing to build on. */
  reusable: boolean;
}

/**
 * Runs the scheduled nodes of one evaluation; nodes not scheduled already have their outcome. A
 * finished, uncancelled run is also what the next evaluation builds on (the scheduler's memo).
 */
export class Run implements ContextHost {
  private pending = 0;
  /** Height of the ready stack (`plans.ready`). */
  private readyCount = 0;
  private finished = false;
  private assetCache: Map<string, AssetData> | undefined;
  /** Created when a run first asks for the signal (most sync runs never do). */
  private controller: AbortController | undefined;
  /** Ids of the nodes that ran, in order. */
  readonly ran: string[] = [];
  /** Nodes that failed or were cancelled in this run (null: none). */
  unsettled: number[] | null = null;
  /** The result, once finished. */
  evaluation: Evaluation | null = null;
  /** Called with the result when the run finishes after `start` returned. */
  resolve: ((evaluation: Evaluation) => void) | null = null;
  readonly plans: PlanTable;
  readonly scheduled: readonly number[];
  readonly outcomes: OutcomeTable;
  readonly assets: GraphSpec['assets'];
  readonly givenSinks: readonly string[] | undefined;
  readonly reusable: boolean;

  constructor(private s: Scheduler, readonly id: number, spec: RunSpec) {
    ({ plans: this.plans, scheduled: this.scheduled, outcomes: this.outcomes, assets: this.assets, givenSinks: this.givenSinks, reusable: this.reusable } = spec);
  }

  /** Aborted when this evaluation is cancelled (latest wins, or stop()). */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.evaluation?.cancelled) this.controller.abort();
    }
    return this.controller.signal;
  }

  get services(): NodeServices { return this.s.runServices; }
  get log(): Logger { return this.s.logger; }

  /** Cancels this evaluation: aborts the signal running nodes watch, and resolves it as cancelled. */
  cancel(): void {
    if (this.finished) return;
    this.controller?.abort();
    this.finish(true);
  }

  /** Queues every scheduled node and runs what is ready; finishes at once when nothing is async. */
  start(): void {
    const { plans, scheduled } = this;
    if (this.s.listening) {
      for (const i of scheduled) {
        if (!this.s.resultCache.has(plans.keyA(i), plans.keyB(i))) this.s.emit({ nodeId: plans.topo.ids[i], status: 'queued' });
      }
    }
    const ready = plans.ready;
    for (const i of scheduled) if (plans.isReady(i)) ready[this.readyCount++] = i;
    this.pending = scheduled.length;
    this.drain();
    if (this.pending === 0) this.finish(false);
  }

  /** Runs ready nodes until none is ready; async completions call back into drain. */
  private drain(): void {
    const ready = this.plans.ready;
    while (this.readyCount && !this.finished) {
      const i = ready[--this.readyCount];
      const result = this.execute(i);
      if (result) result.then(() => this.completeAsync(i));
      else this.complete(i);
    }
  }

  private completeAsync(i: number): void {
    if (this.finished) return;
    this.complete(i);
    this.drain();
  }

  /** Marks a node complete and queues the scheduled dependents that became ready. */
  private complete(i: number): void {
    this.pending--;
    const plans = this.plans;
    const { downStart, downTo } = plans.topo;
    for (let r = downStart[i]; r < downStart[i + 1]; r++) {
      const t = downTo[r];
      if (plans.scheduledBy(t) === this.id && plans.upstreamDone(t)) plans.ready[this.readyCount++] = t;
    }
    if (this.pending === 0) this.finish(false);
  }

  /** Runs or fetches one node; returns a promise only when the node's run is asynchronous. */
  private execute(i: number): Promise<void> | void {
    const plans = this.plans;
    const P = (globalThis as any).P as number[] | null;
    P?.push(performance.now());
    const def = plans.def(i);
    if (!def) return this.fail(i, `unknown node type "${plans.topo.nodes[i].type}" (placeholder: install or remove it)`);
    const shape = plans.shape(i);
    const inputs: Record<string, unknown> = {};
    const params = this.gatherInputs(i, def, shape, inputs);
    if (typeof params === 'string') return this.fail(i, params);
    P?.push(performance.now());
    const cached = this.s.resultCache.get(plans.keyA(i), plans.keyB(i));
    P?.push(performance.now());
    if (cached) {
      this.settleOutcome(i, { status: 'cached', outputs: cached.outputs, previews: cached.previews, key: plans.key(i), ms: 0 });
      if (this.s.listening) this.s.emit({ nodeId: plans.topo.ids[i], status: 'cached' });
      return;
    }
    if (this.s.listening) this.s.emit({ nodeId: plans.topo.ids[i], status: 'running', progress: 0 });
    const t0 = performance.now();
    let result;
    try {
      result = def.run(inputs, params, new RunContext(plans.topo.ids[i], plans.seed(i), this));
    } catch (err) {
      return this.settleError(i, err);
    }
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<NodeResult>).then(
        (r) => this.settle(i, shape, r, performance.now() - t0),
        (err) => this.settleError(i, err),
      );
    }
    P?.push(performance.now());
    this.settle(i, shape, result as NodeResult, performance.now() - t0);
    P?.push(performance.now());
  }

  /**
   * Fills `inputs` from the incoming edges (with conversions) and returns the params with
   * exposed-param overrides, or says why the node cannot run.
   */
  private gatherInputs(i: number, def: NodeDef, shape: DefShape, inputs: Record<string, unknown>): Record<string, unknown> | string {
    const { plans, outcomes } = this;
    const { inStart, inRows, edges } = plans.topo;
    let params = plans.params(i);
    for (const name of shape.multiple) inputs[name] = [];
    for (let r = inStart[i] * IN_STRIDE; r < inStart[i + 1] * IN_STRIDE; r += IN_STRIDE) {
      const from = inRows[r + IN_FROM];
      const src = outcomes.at(from);
      if (!src || src.status === 'failed' || src.status === 'cancelled') {
        const e = edges[inRows[r + IN_EDGE]];
        return `input "${e.to.port}" failed upstream (node ${e.from.node})`;
      }
      const route = plans.routes.get(inRows[r + IN_EDGE], plans.def(from), def);
      if (route.error) return route.error;
      let value = src.outputs?.[route.fromPort];
      if (route.conversion) value = route.conversion.convert(value);
      if (route.delivery === DELIVER_INPUT) inputs[route.toPort] = value;
      else if (route.delivery === DELIVER_MULTIPLE) (inputs[route.toPort] as unknown[]).push(value);
      else if (route.delivery === DELIVER_PARAM) {
        if (params === plans.params(i)) params = { ...params };
        params[route.toPort] = coerceParam(def.params[route.toPort], value);
      }
    }
    for (const name of shape.required) if (inputs[name] === undefined) return `input "${name}" is not connected`;
    return params;
  }

  private settle(i: number, shape: DefShape, result: NodeResult, ms: number): void {
    if (this.finished) return;
    const outputs = result?.outputs ?? {};
    const { outputNames, outputTypes } = shape;
    let bytes = 0;
    for (let k = 0; k < outputNames.length; k++) {
      const type = outputTypes[k];
      if (!type) continue;
      const value = outputs[outputNames[k]];
      const problem = type.validate(value);
      if (problem) return void this.fail(i, `output "${outputNames[k]}" is not valid ${type.id}: ${problem}`);
      bytes += type.sizeOf(value);
    }
    const plans = this.plans;
    const previews = result?.previews;
    const outcome: NodeOutcome = { status: 'done', outputs, previews, key: plans.key(i), ms };
    this.s.resultCache.set(plans.keyA(i), plans.keyB(i), outcome, bytes);
    this.settleOutcome(i, outcome);
    const id = plans.topo.ids[i];
    this.ran.push(id);
    if (this.s.listening) this.s.emit({ nodeId: id, status: 'done', progress: 1 });
  }

  private settleError(i: number, err: unknown): void {
    if (this.finished) return;
    if (err instanceof CancelledError || this.controller?.signal.aborted) return;
    this.fail(i, err instanceof Error ? err.message : String(err));
  }

  private fail(i: number, error: string): void {
    this.settleOutcome(i, { status: 'failed', error, key: this.plans.key(i) });
    (this.unsettled ??= []).push(i);
    if (this.s.listening) this.s.emit({ nodeId: this.plans.topo.ids[i], status: 'failed', error });
  }

  private settleOutcome(i: number, outcome: NodeOutcome): void {
    this.outcomes.setAt(i, outcome);
    this.plans.markSettled(i, this.id);
  }

  /** @internal Progress reported by a run's context. */
  progress(nodeId: string, fraction: number, message?: string): void {
    if (!this.finished) this.s.emit({ nodeId, status: 'running', progress: fraction, message });
  }

  /** @internal An embedded asset, decoded once per evaluation. */
  asset(assetId: string, nodeId: string): AssetData {
    let a = this.assetCache?.get(assetId);
    if (a) return a;
    const raw = this.assets?.[assetId];
    if (!raw) throw new Error(`node ${nodeId}: the patch has no embedded asset "${assetId}"`);
    a = { id: assetId, name: raw.name, mime: raw.mime, bytes: decodeBase64(raw.data) };
    (this.assetCache ??= new Map()).set(assetId, a);
    return a;
  }

  private finish(cancelled: boolean): void {
    if (this.finished) return;
    this.finished = true;
    if (cancelled) {
      const { plans, scheduled } = this;
      for (const i of scheduled) {
        if (plans.settledBy(i) === this.id) continue;
        this.settleOutcome(i, { status: 'cancelled' });
        (this.unsettled ??= []).push(i);
        if (this.s.listening) this.s.emit({ nodeId: plans.topo.ids[i], status: 'cancelled' });
      }
    }
    this.evaluation = { nodes: this.outcomes, ran: this.ran, cancelled };
    this.s.runFinished(this);
    this.resolve?.(this.evaluation);
  }
}
