/**
 * The edit diff of live mode: which instances to create, update or dispose when the patch changes.
 * Patches are immutable (immer), so an untouched node keeps its object and an unchanged upstream
 * result keeps its value: identity comparison is exact and costs one check per node and input.
 */
import type { LiveGraphNode } from './livePlan';

/** What the runtime knows of one live node: its patch object and its static input values. */
export interface LiveNodeState {
  node: LiveGraphNode;
  /** Values of inputs fed by render-mode nodes (notes, numbers, scales…), by port. */
  inputs: Readonly<Record<string, unknown>>;
}

/** The work an edit asks for. */
export interface LiveDiff {
  /** New nodes, and nodes whose type changed (disposed first). */
  create: string[];
  /** Same node, new params, exposed ports or input values: `update`, state kept. */
  update: string[];
  /** Nodes gone from the patch or no longer live. */
  dispose: string[];
}

/** True when two input records hold the same values by identity. */
export function sameInputs(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => k in b && Object.is(a[k], b[k]));
}

/** True when an edit touched what an instance reads (params, exposed ports); moves and renames do not count. */
const changedNode = (a: LiveGraphNode, b: LiveGraphNode): boolean => a.params !== b.params || a.exposed !== b.exposed;

/**
 * Compares the running nodes with the next plan's.
 * @example
 * diffLive(running, next); // { create: ['lfo2'], update: ['filter'], dispose: [] }
 */
export function diffLive(current: ReadonlyMap<string, LiveNodeState>, next: ReadonlyMap<string, LiveNodeState>): LiveDiff {
  const diff: LiveDiff = { create: [], update: [], dispose: [] };
  for (const [id, was] of current) {
    const now = next.get(id);
    if (!now || now.node.type !== was.node.type) diff.dispose.push(id);
  }
  for (const [id, now] of next) {
    const was = current.get(id);
    if (!was || was.node.type !== now.node.type) diff.create.push(id);
    else if (changedNode(was.node, now.node) || !sameInputs(was.inputs, now.inputs)) diff.update.push(id);
  }
  return diff;
}
