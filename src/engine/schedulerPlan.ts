/**
 * The scheduler's per-node plan over one topology: each node's definition, effective params, seed
 * and cache key, kept across evaluations so that a re-evaluation re-plans only the dirty cone.
 */
import type { EdgeRoutes } from './edgeRoutes';
import { hexKey, WordHasher } from './hash';
import { IN_FROM, IN_SIG_A, IN_SIG_B, IN_STRIDE, type Topology } from './graphIndex';
import { MinHeap } from './minHeap';
import type { NodeDef } from './node';
import { defShape, keyPrefix, type DefShape } from './nodeShape';
import type { NodeRegistry } from './registry';

const hasher = new WordHasher();
const NO_PARAMS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

// Each node's numbers, side by side in one row of `ints` (so a node touched at random costs one or
// two cache lines, not one per field): its key's two hash lanes, topological position (-1: not
// needed), scheduled upstream nodes still unfinished, the stamps of the runs that scheduled and
// settled it and of the re-plans that queued it or must re-run it, the hash state after its params
// and seed, and the seed.
const KEY_A = 0, KEY_B = 1, POSITION = 2, WAITING = 3, SCHEDULED_BY = 4, SETTLED_BY = 5;
const QUEUED_BY = 6, RERUN_BY = 7, PARAM_A = 8, PARAM_B = 9, SEED = 10, INTS = 12;
// Each node's references, side by side in one row of `refs`: definition, shape, effective params,
// the node params object they were read from, and the key as hex text.
const DEF = 0, SHAPE = 1, PARAMS = 2, PARAMS_FROM = 3, KEY = 4, REFS = 5;

/**
 * Per-node facts indexed like the topology's nodes, plus run stamps saying which run scheduled and
 * settled each node (stamps instead of per-run sets, so nothing is cleared between runs).
 */
export class PlanTable {
  private readonly ints: Int32Array;
  private readonly refs: unknown[];
  /** Stack of ready nodes of the run in progress (one run at a time uses a plan table); the run keeps its height. */
  readonly ready: Int32Array;
  /** Scratch list of changed nodes, filled by the scheduler before `replan`. */
  readonly changed: Int32Array;
  /** Scratch min-heap of topological positions for `replan`. */
  private readonly heap: MinHeap;
  private lastDef: NodeDef | undefined;
  private lastShape: DefShape | undefined;

  constructor(
    readonly topo: Topology, readonly routes: EdgeRoutes, private registry: NodeRegistry,
    readonly globalSeed: number, readonly order: readonly number[],
  ) {
    const n = topo.nodes.length;
    this.ints = new Int32Array(n * INTS);
    this.refs = new Array(n * REFS).fill(undefined);
    this.ready = new Int32Array(n);
    this.changed = new Int32Array(n);
    this.heap = new MinHeap(n);
    for (let i = 0; i < n; i++) this.ints[i * INTS + POSITION] = -1;
    for (let k = 0; k < order.length; k++) this.ints[order[k] * INTS + POSITION] = k;
  }

  /** Node `i`'s definition (undefined for an unknown type). */
  def(i: number): NodeDef | undefined { return this.refs[i * REFS + DEF] as NodeDef | undefined; }
  /** Node `i`'s definition shape (set whenever its definition is). */
  shape(i: number): DefShape { return this.refs[i * REFS + SHAPE] as DefShape; }
  /** Node `i`'s params: its own values over the definition's defaults. */
  params(i: number): Record<string, unknown> { return this.refs[i * REFS + PARAMS] as Record<string, unknown>; }
  /** Node `i`'s cache key as hex text, and as its two hash lanes. */
  key(i: number): string { return this.refs[i * REFS + KEY] as string; }
  keyA(i: number): number { return this.ints[i * INTS + KEY_A]; }
  keyB(i: number): number { return this.ints[i * INTS + KEY_B]; }
  /** Node `i`'s effective seed. */
  seed(i: number): number { return this.ints[i * INTS + SEED] >>> 0; }
  /** Id of the run that scheduled node `i` (0: none). */
  scheduledBy(i: number): number { return this.ints[i * INTS + SCHEDULED_BY]; }
  /** Id of the run that wrote node `i`'s outcome last, and its setter. */
  settledBy(i: number): number { return this.ints[i * INTS + SETTLED_BY]; }
  markSettled(i: number, runId: number): void { this.ints[i * INTS + SETTLED_BY] = runId; }
  /** Whether node `i` waits for no scheduled upstream node. */
  isReady(i: number): boolean { return this.ints[i * INTS + WAITING] === 0; }
  /** Counts one scheduled upstream node of `i` as finished; true when it was the last. */
  upstreamDone(i: number): boolean { return --this.ints[i * INTS + WAITING] === 0; }

  /** Plans every node of the order (upstream first) and schedules them all for run `runId`. */
  planAll(runId: number): void {
    const { upStart } = this.topo;
    const { order, ints } = this;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      this.plan(i);
      ints[i * INTS + WAITING] = upStart[i + 1] - upStart[i];
      ints[i * INTS + SCHEDULED_BY] = runId;
    }
  }

  /**
   * Re-plans the nodes that changed and whatever their new keys reach downstream, in topological
   * order, stopping where a key comes out unchanged; `unsettled` nodes (failed or cancelled last
   * time) always run again. Returns the nodes to run, upstream first, scheduled for run `runId`.
   */
  replan(changedCount: number, unsettled: readonly number[] | null, runId: number): number[] {
    const { ints, order, changed, heap } = this;
    const { downStart, downTo, upStart, upFrom } = this.topo;
    for (let k = 0; k < changedCount; k++) this.enqueue(changed[k], runId);
    if (unsettled) {
      for (const i of unsettled) {
        ints[i * INTS + RERUN_BY] = runId;
        this.enqueue(i, runId);
      }
    }
    const scheduled: number[] = [];
    while (heap.size) {
      const i = order[heap.pop()];
      if (!this.plan(i) && ints[i * INTS + RERUN_BY] !== runId) continue;
      scheduled.push(i);
      ints[i * INTS + SCHEDULED_BY] = runId;
      for (let r = downStart[i]; r < downStart[i + 1]; r++) this.enqueue(downTo[r], runId);
    }
    for (const i of scheduled) {
      let count = 0;
      for (let r = upStart[i]; r < upStart[i + 1]; r++) if (ints[upFrom[r] * INTS + SCHEDULED_BY] === runId) count++;
      ints[i * INTS + WAITING] = count;
    }
    return scheduled;
  }

  /** Queues needed node `i` for re-planning in run `runId` (once). */
  private enqueue(i: number, runId: number): void {
    const row = i * INTS;
    if (this.ints[row + POSITION] < 0 || this.ints[row + QUEUED_BY] === runId) return;
    this.ints[row + QUEUED_BY] = runId;
    this.heap.push(this.ints[row + POSITION]);
  }

  /**
   * Computes node `i`'s params, seed and cache key (its upstream nodes must be planned already).
   * Returns whether the key changed.
   */
  plan(i: number): boolean {
    const { topo, ints, refs } = this;
    const node = topo.nodes[i];
    const row = i * INTS;
    const refRow = i * REFS;
    // A type's definition never changes once registered (the registry has no removal), and the
    // incremental path keeps node types, so a known definition is reused.
    const def = (refs[refRow + DEF] as NodeDef | undefined) ?? this.registry.get(node.type);
    refs[refRow + DEF] = def;
    if (def && node.params === refs[refRow + PARAMS_FROM]) {
      // Re-planned only because an input changed: params, seed and their hash are as before.
      hasher.start(ints[row + PARAM_A], ints[row + PARAM_B]);
    } else {
      this.planParams(i, def, node);
      ints[row + PARAM_A] = hasher.a;
      ints[row + PARAM_B] = hasher.b;
    }
    const { inStart, inRows } = topo;
    for (let r = inStart[i] * IN_STRIDE; r < inStart[i + 1] * IN_STRIDE; r += IN_STRIDE) {
      const from = inRows[r + IN_FROM] * INTS;
      hasher.word(inRows[r + IN_SIG_A]);
      hasher.word(inRows[r + IN_SIG_B]);
      hasher.word(ints[from + KEY_A]);
      hasher.word(ints[from + KEY_B]);
    }
    const a = hasher.finishA();
    const b = hasher.finishB();
    if (a === ints[row + KEY_A] && b === ints[row + KEY_B] && refs[refRow + KEY] !== undefined) return false;
    ints[row + KEY_A] = a;
    ints[row + KEY_B] = b;
    refs[refRow + KEY] = hexKey(a, b);
    return true;
  }

  /** Fills node `i`'s shape, params and seed, and feeds them to the hasher (from the definition's prefix). */
  private planParams(i: number, def: NodeDef | undefined, node: Topology['nodes'][number]): void {
    const refRow = i * REFS;
    let seed = this.globalSeed >>> 0;
    let params = NO_PARAMS;
    if (def) {
      const shape = def === this.lastDef ? this.lastShape! : this.shapeOf(def);
      this.refs[refRow + SHAPE] = shape;
      const names = shape.paramNames;
      const given = node.params;
      params = { ...shape.defaults };
      hasher.start(shape.keyA, shape.keyB);
      for (let k = 0; k < names.length; k++) {
        const v = given[names[k]];
        if (v !== undefined) params[names[k]] = v;
        hasher.value(params[names[k]]);
      }
      for (const k of shape.seedParams) seed = ((params[names[k]] as number) + this.globalSeed) >>> 0;
      this.refs[refRow + PARAMS_FROM] = given;
    } else {
      this.refs[refRow + SHAPE] = undefined;
      this.refs[refRow + PARAMS_FROM] = undefined;
      const [a, b] = keyPrefix(node.type, 0, []);
      hasher.start(a, b);
    }
    this.refs[refRow + PARAMS] = params;
    this.ints[i * INTS + SEED] = seed | 0;
    hasher.word(seed);
  }

  private shapeOf(def: NodeDef): DefShape {
    this.lastDef = def;
    return (this.lastShape = defShape(def, this.registry.portTypes));
  }
}
