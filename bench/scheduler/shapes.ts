/**
 * The benchmark graphs, described once in an engine-neutral form that every adapter (genpatch,
 * rete-engine, @baklavajs/engine, the plain JS loop) builds its own graph from, so all engines
 * evaluate identical graphs with identical arithmetic.
 */

/** The arithmetic every node of every engine performs: inputs `a` and `b` (0 when unconnected). */
export function mix(a: number, b: number, bias: number): number {
  return a * 0.5 + b * 0.25 + bias;
}

/** One edge: node `from`'s output feeds input `port` of node `to` (indices into `biases`). */
export interface ShapeEdge {
  from: number;
  to: number;
  port: 'a' | 'b';
}

/** An engine-neutral graph: nodes are indices 0…n-1 in topological order, each with a bias. */
export interface Shape {
  name: string;
  /** One line saying what the graph is, for the printed table and the docs. */
  description: string;
  biases: number[];
  edges: ShapeEdge[];
  /** Node indices the evaluation pulls from. */
  sinks: number[];
  /** The node whose bias the re-evaluation changes: one step upstream of a sink. */
  changed: number;
}

/** A deterministic, bounded bias for node `i` so that every node's value differs. */
const biasOf = (i: number): number => ((i * 37) % 101) / 100;

/**
 * A lattice of `n` nodes: node i reads node i-1 on `a` and node i-2 on `b`; the last node is the sink.
 * @example
 * lattice(1000).edges.length; // 1997
 */
export function lattice(n: number): Shape {
  const edges: ShapeEdge[] = [];
  for (let i = 1; i < n; i++) {
    edges.push({ from: i - 1, to: i, port: 'a' });
    if (i >= 2) edges.push({ from: i - 2, to: i, port: 'b' });
  }
  return {
    name: `lattice ${n}`,
    description: `${n} nodes, node i reads i-1 (a) and i-2 (b); one sink (the last node)`,
    biases: Array.from({ length: n }, (_, i) => biasOf(i)),
    edges,
    sinks: [n - 1],
    changed: n - 2,
  };
}

/**
 * A chain of `n` nodes: node i reads node i-1 on `a`; the last node is the sink.
 * @example
 * chain(1000).sinks; // [999]
 */
export function chain(n: number): Shape {
  const edges: ShapeEdge[] = [];
  for (let i = 1; i < n; i++) edges.push({ from: i - 1, to: i, port: 'a' });
  return {
    name: `chain ${n}`,
    description: `${n} nodes, node i reads i-1; one sink (the last node)`,
    biases: Array.from({ length: n }, (_, i) => biasOf(i)),
    edges,
    sinks: [n - 1],
    changed: n - 2,
  };
}

/**
 * A binary fan-out tree of `levels` levels below the root: values flow from the root (node 0) to the
 * 2^levels leaves, which are the sinks. Heap layout: node k feeds nodes 2k+1 and 2k+2 on `a`.
 * @example
 * fanOutTree(10).sinks.length; // 1024
 */
export function fanOutTree(levels: number): Shape {
  const n = 2 ** (levels + 1) - 1;
  const firstLeaf = 2 ** levels - 1;
  const edges: ShapeEdge[] = [];
  for (let k = 1; k < n; k++) edges.push({ from: (k - 1) >> 1, to: k, port: 'a' });
  return {
    name: `fan-out tree ${levels}`,
    description: `${n} nodes, root → ${n - firstLeaf} leaves over ${levels} levels, each node reads its parent; the leaves are the sinks`,
    biases: Array.from({ length: n }, (_, i) => biasOf(i)),
    edges,
    sinks: Array.from({ length: n - firstLeaf }, (_, i) => firstLeaf + i),
    changed: (n - 2) >> 1,
  };
}

/** The biases of `shape` with the changed node's bias replaced by `bias`. */
export function withChangedBias(shape: Shape, bias: number): number[] {
  const biases = shape.biases.slice();
  biases[shape.changed] = bias;
  return biases;
}

/** Size of the downstream cone of the changed node (itself included): the work an ideal re-evaluation does. */
export function dirtyConeSize(shape: Shape): number {
  const dirty = new Set([shape.changed]);
  for (const e of shape.edges) if (dirty.has(e.from)) dirty.add(e.to); // edges are sorted by `to`, with from < to
  return dirty.size;
}
