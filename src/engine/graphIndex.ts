/** Graph analysis for the scheduler: edge indexes, ancestors of the sinks, topological order and cycles. */
import type { GraphSpec } from './scheduler-types';

type SpecNode = GraphSpec['nodes'][number];
type SpecEdge = GraphSpec['edges'][number];

/** Edges indexed by their ends, and nodes by id. */
export interface GraphIndex {
  nodes: Map<string, SpecNode>;
  /** Incoming edges of each node, in file order. */
  incoming: Map<string, SpecEdge[]>;
  /** Ids of nodes fed by each node (deduplicated). */
  outgoing: Map<string, string[]>;
}

/** Builds the indexes of a graph; edges whose ends are missing are ignored (the loader reports them). */
export function indexGraph(graph: GraphSpec): GraphIndex {
  const nodes = new Map<string, SpecNode>();
  for (const n of graph.nodes) nodes.set(n.id, n);
  const incoming = new Map<string, SpecEdge[]>();
  const outgoing = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (!nodes.has(e.from.node) || !nodes.has(e.to.node)) continue;
    let inc = incoming.get(e.to.node);
    if (!inc) incoming.set(e.to.node, (inc = []));
    inc.push(e);
    let out = outgoing.get(e.from.node);
    if (!out) outgoing.set(e.from.node, (out = []));
    if (!out.includes(e.to.node)) out.push(e.to.node);
  }
  return { nodes, incoming, outgoing };
}

/** Every node the given sinks depend on, sinks included. */
export function ancestorsOf(index: GraphIndex, sinks: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = sinks.filter((s) => index.nodes.has(s));
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of index.incoming.get(id) ?? []) if (!seen.has(e.from.node)) stack.push(e.from.node);
  }
  return seen;
}

/** Topological order of `subset` (Kahn); nodes on or behind a cycle are returned in `blocked`. */
export function topoSort(index: GraphIndex, subset: Set<string>): { order: string[]; blocked: string[] } {
  // In-degrees count distinct upstream nodes; `outgoing` lists are already deduplicated.
  const indeg = new Map<string, number>();
  for (const id of subset) indeg.set(id, 0);
  for (const id of subset) {
    for (const next of index.outgoing.get(id) ?? []) {
      const d = indeg.get(next);
      if (d !== undefined) indeg.set(next, d + 1);
    }
  }
  const order: string[] = [];
  for (const [id, d] of indeg) if (d === 0) order.push(id);
  for (let qi = 0; qi < order.length; qi++) {
    for (const next of index.outgoing.get(order[qi]) ?? []) {
      const d = indeg.get(next);
      if (d === undefined) continue;
      indeg.set(next, d - 1);
      if (d === 1) order.push(next);
    }
  }
  const blocked = order.length === subset.size ? [] : [...subset].filter((id) => indeg.get(id)! > 0);
  return { order, blocked };
}

/** One cycle among `candidates` as a list of node ids (first id repeated at the end), or null. */
export function findCycle(index: GraphIndex, candidates: readonly string[]): string[] | null {
  const inSet = new Set(candidates);
  const state = new Map<string, 1 | 2>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 1);
    path.push(id);
    for (const next of index.outgoing.get(id) ?? []) {
      if (!inSet.has(next)) continue;
      if (state.get(next) === 1) return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(id, 2);
    return null;
  };
  for (const id of candidates) {
    if (!state.has(id)) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return null;
}
