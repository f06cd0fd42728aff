/**
 * Graph analysis for the scheduler, on integer node indices: edge indexes in compressed rows
 * (CSR), ancestors of the sinks, topological order and cycles. A node's index is its position in
 * the graph's `nodes` array.
 */
import { WordHasher } from './hash';
import type { GraphSpec } from './scheduler-types';

type SpecNode = GraphSpec['nodes'][number];
type SpecEdge = GraphSpec['edges'][number];

/**
 * The structure of one graph: ids, and its edges indexed by both ends. Its `nodes` and `edges`
 * are the scheduler's own copies of the graph's arrays, so an edit made in place is still seen.
 */
export interface Topology {
  /** The graph's node objects (own copy; the scheduler swaps in edited nodes of the same id and type). */
  nodes: SpecNode[];
  /** Node id of each index. */
  ids: string[];
  /** The graph's edges (own copy), including those whose ends are missing. */
  edges: SpecEdge[];
  /** Id → index; with repeated ids the last node wins. */
  indexOf: Map<string, number>;
  /**
   * Incoming edges of node i, in file order: rows `inStart[i] … inStart[i+1]` of `inRows`, each
   * holding (at `IN_EDGE`, `IN_FROM`, `IN_SIG_A`, `IN_SIG_B` of `row * IN_STRIDE`) the edge's index,
   * its source node, and the hash of its two port names (which cache keys include) — side by side,
   * so reading one incoming edge touches one cache line.
   */
  inStart: Int32Array;
  inRows: Int32Array;
  /** Distinct upstream nodes of node i: `upFrom[upStart[i] … upStart[i+1])`. */
  upStart: Int32Array;
  upFrom: Int32Array;
  /** Distinct downstream nodes of node i: `downTo[downStart[i] … downStart[i+1])`. */
  downStart: Int32Array;
  downTo: Int32Array;
  /** 1 where a node is the source of some edge (even one whose target is missing). */
  feeds: Uint8Array;
  /**
   * The caller's arrays the copies were last checked against, and whether each was frozen then: a
   * frozen array seen before cannot have changed, so checking it again is skipped.
   */
  nodesFrom: GraphSpec['nodes'];
  nodesFrozen: boolean;
  edgesFrom: GraphSpec['edges'];
  edgesFrozen: boolean;
}

/** Fields of a row of `Topology.inRows`. */
export const IN_EDGE = 0, IN_FROM = 1, IN_SIG_A = 2, IN_SIG_B = 3, IN_STRIDE = 4;

const hasher = new WordHasher();

/**
 * Indexes a graph; edges whose ends are missing are ignored (the loader reports them).
 * @example
 * const topo = compileTopology({ nodes, edges });
 * topo.inStart[topo.indexOf.get('mix')! + 1]; // end of mix's incoming rows
 */
export function compileTopology(graph: GraphSpec): Topology {
  const nodes = graph.nodes.slice();
  const edges = graph.edges.slice();
  const n = nodes.length;
  const ids = nodes.map((node) => node.id);
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set(ids[i], i);
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  const feeds = new Uint8Array(n);
  const inStart = new Int32Array(n + 1);
  let valid = 0;
  for (let k = 0; k < edges.length; k++) {
    const f = indexOf.get(edges[k].from.node);
    const t = indexOf.get(edges[k].to.node);
    if (f !== undefined) feeds[f] = 1;
    if (f === undefined || t === undefined) { to[k] = -1; continue; }
    from[k] = f;
    to[k] = t;
    inStart[t + 1]++;
    valid++;
  }
  for (let i = 0; i < n; i++) inStart[i + 1] += inStart[i];
  const inRows = new Int32Array(valid * IN_STRIDE);
  const fill = inStart.slice(0, n);
  for (let k = 0; k < edges.length; k++) {
    if (to[k] < 0) continue;
    const row = fill[to[k]]++ * IN_STRIDE;
    hasher.start(0x3c6ef372, 0xa54ff53a);
    hasher.text(edges[k].to.port);
    hasher.text(edges[k].from.port);
    inRows[row + IN_EDGE] = k;
    inRows[row + IN_FROM] = from[k];
    inRows[row + IN_SIG_A] = hasher.finishA();
    inRows[row + IN_SIG_B] = hasher.finishB();
  }
  // Distinct upstream nodes, in order of first edge.
  const upStart = new Int32Array(n + 1);
  const upAll = new Int32Array(valid);
  const downCount = new Int32Array(n + 1);
  let u = 0;
  for (let i = 0; i < n; i++) {
    upStart[i] = u;
    for (let s = inStart[i]; s < inStart[i + 1]; s++) {
      const f = inRows[s * IN_STRIDE + IN_FROM];
      let repeated = false;
      for (let r = upStart[i]; r < u && !repeated; r++) repeated = upAll[r] === f;
      if (repeated) continue;
      upAll[u++] = f;
      downCount[f + 1]++;
    }
  }
  upStart[n] = u;
  const downStart = downCount;
  for (let i = 0; i < n; i++) downStart[i + 1] += downStart[i];
  const downTo = new Int32Array(u);
  const downFill = downStart.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let r = upStart[i]; r < upStart[i + 1]; r++) downTo[downFill[upAll[r]]++] = i;
  }
  return {
    nodes, ids, edges, indexOf, inStart, inRows, upStart, upFrom: upAll.slice(0, u), downStart, downTo, feeds,
    nodesFrom: graph.nodes, nodesFrozen: Object.isFrozen(graph.nodes), edgesFrom: graph.edges, edgesFrozen: Object.isFrozen(graph.edges),
  };
}

/** Marks (with 1) every node the given sinks depend on, sinks included; unknown sink indices are skipped. */
export function markAncestors(topo: Topology, sinks: ArrayLike<number>): Uint8Array {
  const seen = new Uint8Array(topo.nodes.length);
  const stack: number[] = [];
  for (let k = 0; k < sinks.length; k++) stack.push(sinks[k]);
  const { upStart, upFrom } = topo;
  while (stack.length) {
    const i = stack.pop()!;
    if (seen[i]) continue;
    seen[i] = 1;
    for (let r = upStart[i]; r < upStart[i + 1]; r++) if (!seen[upFrom[r]]) stack.push(upFrom[r]);
  }
  return seen;
}

/**
 * Topological order (Kahn) of the nodes marked in `subset`, in index order among equals; nodes on
 * or behind a cycle are returned in `blocked`.
 */
export function topoOrder(topo: Topology, subset: Uint8Array): { order: number[]; blocked: number[] } {
  const n = topo.nodes.length;
  const { upStart, upFrom, downStart, downTo } = topo;
  const indeg = new Int32Array(n);
  const order: number[] = [];
  let size = 0;
  for (let i = 0; i < n; i++) {
    if (!subset[i]) continue;
    size++;
    let d = 0;
    for (let r = upStart[i]; r < upStart[i + 1]; r++) d += subset[upFrom[r]];
    indeg[i] = d;
    if (d === 0) order.push(i);
  }
  for (let q = 0; q < order.length; q++) {
    const i = order[q];
    for (let r = downStart[i]; r < downStart[i + 1]; r++) {
      const t = downTo[r];
      if (subset[t] && --indeg[t] === 0) order.push(t);
    }
  }
  const blocked: number[] = [];
  if (order.length !== size) for (let i = 0; i < n; i++) if (subset[i] && indeg[i] > 0) blocked.push(i);
  return { order, blocked };
}

/** One cycle among `candidates` as a list of node ids (first id repeated at the end), or null. */
export function findCycle(topo: Topology, candidates: readonly number[]): string[] | null {
  const inSet = new Uint8Array(topo.nodes.length);
  for (const i of candidates) inSet[i] = 1;
  // 0: unvisited, 1: on the current path, 2: finished.
  const state = new Uint8Array(topo.nodes.length);
  const { downStart, downTo } = topo;
  for (const root of candidates) {
    if (state[root]) continue;
    const path: number[] = [root];
    const next: number[] = [downStart[root]];
    state[root] = 1;
    while (path.length) {
      const top = path.length - 1;
      const i = path[top];
      if (next[top] === downStart[i + 1]) {
        state[i] = 2;
        path.pop();
        next.pop();
        continue;
      }
      const t = downTo[next[top]++];
      if (!inSet[t]) continue;
      if (state[t] === 1) return [...path.slice(path.indexOf(t)), t].map((k) => topo.nodes[k].id);
      if (state[t] === 0) {
        state[t] = 1;
        path.push(t);
        next.push(downStart[t]);
      }
    }
  }
  return null;
}
