/**
 * The compiled structure of the graph last evaluated — its topology, edge routes and the order of
 * the nodes its sinks need — kept across evaluations (and across `clearCache`, which drops
 * results, not structure) and reused while node ids and edges stay the same, as engines that keep
 * their graph built do.
 */
import { EdgeRoutes } from './edgeRoutes';
import { compileTopology, markAncestors, topoOrder, type Topology } from './graphIndex';
import type { NodeRegistry } from './registry';
import type { GraphSpec } from './scheduler-types';

/** What a full evaluation starts from. */
export interface Structure {
  topo: Topology;
  /** How each edge delivers its value (cached per pair of definitions at its ends). */
  routes: EdgeRoutes;
  /** Needed nodes in topological order, and those on or behind a cycle. */
  order: number[];
  blocked: number[];
}

/**
 * Compiles graphs, reusing the last compilation when the structure is unchanged.
 * @example
 * const { topo, order } = structures.resolve(graph, ['out']);
 */
export class StructureCache {
  private last: Structure | null = null;
  /** Sinks the last order was computed for; only explicit sink lists are reused. */
  private lastSinks: readonly string[] | undefined;

  constructor(private registry: NodeRegistry) {}

  /** The structure of `graph` pulled from `sinks` (default sinks when undefined). */
  resolve(graph: GraphSpec, sinks: readonly string[] | undefined): Structure {
    let structure = this.last;
    if (structure && adoptNodes(structure.topo, graph)) {
      // Default sinks depend on the registry's sink flags, which may change: only explicit lists are reused.
      if (sinks && sameItems(sinks, this.lastSinks)) return structure;
    } else {
      const topo = compileTopology(graph);
      structure = { topo, routes: new EdgeRoutes(topo.edges, this.registry.portTypes), order: [], blocked: [] };
    }
    const { topo } = structure;
    const needed = markAncestors(topo, sinks ? sinkIndices(topo, sinks) : this.defaultSinkIndices(topo));
    if (!sinks) {
      // Without explicit sinks, every cycle of the graph is reported (its nodes are nobody's ancestors).
      const all = topoOrder(topo, new Uint8Array(topo.nodes.length).fill(1));
      for (const i of all.blocked) needed[i] = 1;
    }
    ({ order: structure.order, blocked: structure.blocked } = topoOrder(topo, needed));
    this.last = structure;
    this.lastSinks = sinks;
    return structure;
  }

  /** Indices of the scheduler's default sinks: sink types, and nodes no edge starts from. */
  private defaultSinkIndices(topo: Topology): number[] {
    const found: number[] = [];
    for (let i = 0; i < topo.nodes.length; i++) {
      const node = topo.nodes[i];
      const at = topo.indexOf.get(node.id)!;
      if (!topo.feeds[at] || this.registry.get(node.type)?.sink) found.push(at);
    }
    return found;
  }
}

/** Indices of the named sinks that exist. */
function sinkIndices(topo: Topology, sinks: readonly string[]): number[] {
  const found: number[] = [];
  for (const id of sinks) {
    const i = topo.indexOf.get(id);
    if (i !== undefined) found.push(i);
  }
  return found;
}

/**
 * Whether `graph` has the structure of `topo` (the same edge objects, the same node ids in the
 * same places); if so, its node objects are copied into `topo`.
 */
function adoptNodes(topo: Topology, graph: GraphSpec): boolean {
  const { nodes } = graph;
  if (nodes.length !== topo.nodes.length || !sameEdges(topo, graph.edges)) return false;
  for (let i = 0; i < nodes.length; i++) if (nodes[i] !== topo.nodes[i] && nodes[i].id !== topo.ids[i]) return false;
  for (let i = 0; i < nodes.length; i++) topo.nodes[i] = nodes[i];
  topo.nodesFrom = nodes;
  topo.nodesFrozen = Object.isFrozen(nodes);
  return true;
}

/**
 * Whether `edges` holds the same edge objects as `topo` (one pointer comparison per edge, none
 * for a frozen array already checked).
 * @example
 * sameEdges(topo, graph.edges); // false after an edge was rewired in place
 */
export function sameEdges(topo: Topology, edges: GraphSpec['edges']): boolean {
  if (edges === topo.edgesFrom && topo.edgesFrozen) return true;
  if (!sameItems(edges, topo.edges)) return false;
  topo.edgesFrom = edges;
  topo.edgesFrozen = Object.isFrozen(edges);
  return true;
}

/**
 * Writes into `changed` the indices of the node objects of `nodes` (as long as `topo.nodes`) that
 * differ from those in `topo`, copying them into `topo`, and returns their number; -1 when one of
 * them changed its id or type (a structural change).
 */
export function swapChangedNodes(topo: Topology, nodes: GraphSpec['nodes'], changed: Int32Array): number {
  if (nodes === topo.nodesFrom && topo.nodesFrozen) return 0;
  const known = topo.nodes;
  let count = 0;
  for (let k = firstDifference(nodes, known, 0); k < nodes.length; k = firstDifference(nodes, known, k + 1)) {
    const node = nodes[k];
    if (node.id !== known[k].id || node.type !== known[k].type) return -1;
    changed[count++] = k;
    known[k] = node;
  }
  topo.nodesFrom = nodes;
  topo.nodesFrozen = Object.isFrozen(nodes);
  return count;
}

/**
 * Whether two lists hold the same items in the same order (both undefined counts as the same).
 * @example
 * sameItems(options.sinks, lastSinks);
 */
export function sameItems<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return firstDifference(a, b, 0) === a.length;
}

/**
 * The first index from `from` on where two lists of equal length hold different items, or their
 * length. Unrolled: this pointer comparison is most of what a small re-evaluation of a big graph costs.
 */
function firstDifference<T>(a: readonly T[], b: readonly T[], from: number): number {
  const n = a.length;
  let i = from;
  for (; i + 8 <= n; i += 8) {
    if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2] || a[i + 3] !== b[i + 3]
      || a[i + 4] !== b[i + 4] || a[i + 5] !== b[i + 5] || a[i + 6] !== b[i + 6] || a[i + 7] !== b[i + 7]) break;
  }
  for (; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}
