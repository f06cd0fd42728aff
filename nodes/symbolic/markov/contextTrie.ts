/**
 * The counts of a variable-order Markov chain as a context trie (the structure of PPM and of
 * variable-order Markov models): node 0 is the empty context; the child of a node along state s is
 * that context extended one step further into the past by s. Each node keeps how often every state
 * followed its context. Built in one pass (see TrieBuilder: inline first entries, dense rows for
 * branching contexts, integer-keyed hash maps beyond a memory budget), then frozen into sorted CSR
 * typed arrays: plain data (cacheable, cloneable to a Worker), searchable by binary search.
 */
import { IntMap } from './intMap';

/** A frozen context trie (arrays indexed by node id; CSR ranges sorted by state). */
export interface ContextTrie {
  order: number;
  vocabSize: number;
  nodeCount: number;
  /** Context length of each node (0 = root). */
  depth: Uint8Array;
  /** How many events followed each node's context. */
  total: Int32Array;
  /** Children of node n: childState/childNode[childStart[n] … childStart[n + 1] − 1]. */
  childStart: Int32Array;
  childState: Int32Array;
  childNode: Int32Array;
  /** Next states of node n: nextState/nextCount[nextStart[n] … nextStart[n + 1] − 1]. */
  nextStart: Int32Array;
  nextState: Int32Array;
  nextCount: Int32Array;
}

class Int32List {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) { this.data = new Int32Array(Math.max(16, capacity)); }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  view(): Int32Array { return this.data.subarray(0, this.length); }
}

/** Item indices sorted by (group, key), with CSR starts per group: two stable counting sorts. */
function csrOrder(group: Int32Array, key: Int32Array, groups: number, keys: number): { start: Int32Array; order: Int32Array } {
  const m = group.length;
  const keyStart = new Int32Array(keys + 1);
  for (let i = 0; i < m; i++) keyStart[key[i] + 1]++;
  for (let k = 0; k < keys; k++) keyStart[k + 1] += keyStart[k];
  const byKey = new Int32Array(m);
  for (let i = 0; i < m; i++) byKey[keyStart[key[i]]++] = i;
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < m; i++) start[group[i] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const fill = start.slice(0, groups);
  const order = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const i = byKey[j];
    order[fill[group[i]]++] = i;
  }
  return { start, order };
}

/** Rows of `width` int32 cells, allocated on demand until a cell budget is spent. */
class DenseRows {
  cells = new Int32Array(0);
  private rows = 0;
  constructor(private width: number, private empty: number, private budget: number) {}

  /** A new row (its cells set to `empty`), or −1 when the budget is spent. */
  add(): number {
    const need = (this.rows + 1) * this.width;
    if (need > this.budget) return -1;
    if (need > this.cells.length) {
      const bigger = new Int32Array(Math.min(this.budget, Math.max(need, 2 * this.cells.length, 1024)));
      bigger.set(this.cells);
      bigger.fill(this.empty, this.cells.length);
      this.cells = bigger;
    }
    return this.rows++;
  }
}

/** Row marker of a node that branched when the dense budget was spent: it uses the hash maps. */
const HASHED = -2;
/** firstNextState marker of a node whose counts moved to a dense row. */
const MOVED = -3;
/** Default dense cells per table (4 MiB each at most; more costs more than it saves for large vocabularies). */
const DENSE_BUDGET = 1 << 20;

/**
 * Mutable counts while training. A node keeps its first child and first next state inline (most
 * deep contexts never branch); when it branches it gets a dense row of vocabSize cells while the
 * budget lasts (the busy shallow contexts), and after that the hash maps take the rest.
 */
class TrieBuilder {
  private children: IntMap;
  private pairs: IntMap;
  private childRows: DenseRows;
  readonly nextRows: DenseRows;
  readonly parent: Int32List;
  readonly edge: Int32List;
  readonly depth: Int32List;
  private firstChildState: Int32List;
  private firstChild: Int32List;
  private childRow: Int32List;
  readonly firstNextState: Int32List;
  readonly firstNextCount: Int32List;
  readonly nextRow: Int32List;
  readonly pairNode = new Int32List(1024);
  readonly pairState = new Int32List(1024);
  readonly pairCount = new Int32List(1024);
  nodeCount = 0;

  constructor(private vocabSize: number, capacity: number, denseBudget: number) {
    this.children = new IntMap(capacity >> 3);
    this.pairs = new IntMap(capacity >> 3);
    this.childRows = new DenseRows(vocabSize, -1, denseBudget);
    this.nextRows = new DenseRows(vocabSize, 0, denseBudget);
    this.parent = new Int32List(capacity);
    this.edge = new Int32List(capacity);
    this.depth = new Int32List(capacity);
    this.firstChildState = new Int32List(capacity);
    this.firstChild = new Int32List(capacity);
    this.childRow = new Int32List(capacity);
    this.firstNextState = new Int32List(capacity);
    this.firstNextCount = new Int32List(capacity);
    this.nextRow = new Int32List(capacity);
    this.addNode(-1, -1, 0);
  }

  private addNode(from: number, s: number, d: number): number {
    this.parent.push(from);
    this.edge.push(s);
    this.depth.push(d);
    this.firstChildState.push(-1);
    this.firstChild.push(-1);
    this.childRow.push(-1);
    this.firstNextState.push(-1);
    this.firstNextCount.push(0);
    this.nextRow.push(-1);
    return this.nodeCount++;
  }

  /** Counts one `state` after the context of `node`. */
  bump(node: number, state: number): void {
    const first = this.firstNextState.data[node];
    if (first === state) { this.firstNextCount.data[node]++; return; }
    if (first === -1) { this.firstNextState.data[node] = state; this.firstNextCount.data[node] = 1; return; }
    let row = this.nextRow.data[node];
    if (row === -1) {
      row = this.nextRows.add();
      if (row >= 0) {
        this.nextRows.cells[row * this.vocabSize + first] = this.firstNextCount.data[node];
        this.firstNextState.data[node] = MOVED;
      }
      this.nextRow.data[node] = row >= 0 ? row : HASHED;
    }
    if (row >= 0) { this.nextRows.cells[row * this.vocabSize + state]++; return; }
    const id = this.pairs.getOrInsert(node * this.vocabSize + state, this.pairNode.length);
    if (id === this.pairNode.length) {
      this.pairNode.push(node);
      this.pairState.push(state);
      this.pairCount.push(1);
    } else {
      this.pairCount.data[id]++;
    }
  }

  /** The child of `node` along `s` (depth d), created when new. */
  child(node: number, s: number, d: number): number {
    const first = this.firstChildState.data[node];
    if (first === s) return this.firstChild.data[node];
    if (first === -1) {
      const id = this.addNode(node, s, d);
      this.firstChildState.data[node] = s;
      this.firstChild.data[node] = id;
      return id;
    }
    let row = this.childRow.data[node];
    if (row === -1) {
      row = this.childRows.add();
      if (row >= 0) this.childRows.cells[row * this.vocabSize + first] = this.firstChild.data[node];
      this.childRow.data[node] = row >= 0 ? row : HASHED;
    }
    if (row >= 0) {
      const cell = row * this.vocabSize + s;
      let id = this.childRows.cells[cell];
      if (id < 0) {
        id = this.addNode(node, s, d);
        this.childRows.cells[cell] = id;
      }
      return id;
    }
    const id = this.children.getOrInsert(node * this.vocabSize + s, this.nodeCount);
    return id === this.nodeCount ? this.addNode(node, s, d) : id;
  }
}

/**
 * Counts every context of length 0…order of every sequence of state indices (0…vocabSize−1).
 * No context reaches across the start of a sequence, so sequences stay independent.
 * `denseBudget` (cells per dense table) trades memory for speed; the trie is the same for any value.
 * @example
 * const trie = buildContextTrie([Int32Array.from([0, 1, 0, 1])], 2, 2);
 */
export function buildContextTrie(
  sequences: readonly ArrayLike<number>[], vocabSize: number, order: number, denseBudget = DENSE_BUDGET,
): ContextTrie {
  let events = 0;
  for (const seq of sequences) events += seq.length;
  const b = new TrieBuilder(vocabSize, Math.min(events * order, 1 << 20) + 1, denseBudget);
  for (const seq of sequences) {
    for (let t = 0; t < seq.length; t++) {
      const target = seq[t];
      b.bump(0, target);
      let node = 0;
      const maxDepth = Math.min(order, t);
      for (let j = 1; j <= maxDepth; j++) {
        node = b.child(node, seq[t - j], j);
        b.bump(node, target);
      }
    }
  }
  const nodeCount = b.nodeCount;
  for (let node = 0; node < nodeCount; node++) {
    const row = b.nextRow.data[node];
    if (row >= 0) {
      for (let s = 0, cell = row * vocabSize; s < vocabSize; s++, cell++) {
        const c = b.nextRows.cells[cell];
        if (c > 0) { b.pairNode.push(node); b.pairState.push(s); b.pairCount.push(c); }
      }
    } else if (b.firstNextState.data[node] >= 0) {
      b.pairNode.push(node);
      b.pairState.push(b.firstNextState.data[node]);
      b.pairCount.push(b.firstNextCount.data[node]);
    }
  }
  const parent = b.parent.view().subarray(1);
  const edge = b.edge.view().subarray(1);
  const kids = csrOrder(parent, edge, nodeCount, vocabSize);
  const childState = new Int32Array(kids.order.length);
  const childNode = new Int32Array(kids.order.length);
  for (let j = 0; j < kids.order.length; j++) {
    childState[j] = edge[kids.order[j]];
    childNode[j] = kids.order[j] + 1;
  }
  const pairNode = b.pairNode.view();
  const pairState = b.pairState.view();
  const pairCount = b.pairCount.view();
  const next = csrOrder(pairNode, pairState, nodeCount, vocabSize);
  const nextState = new Int32Array(next.order.length);
  const nextCount = new Int32Array(next.order.length);
  const total = new Int32Array(nodeCount);
  for (let j = 0; j < next.order.length; j++) {
    const i = next.order[j];
    nextState[j] = pairState[i];
    nextCount[j] = pairCount[i];
    total[pairNode[i]] += pairCount[i];
  }
  return {
    order, vocabSize, nodeCount,
    depth: Uint8Array.from(b.depth.view()),
    total, childStart: kids.start, childState, childNode,
    nextStart: next.start, nextState, nextCount,
  };
}

function search(sorted: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid];
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/** The child of `node` along `state` (the context one step longer), or -1 if never seen. */
export function childOf(trie: ContextTrie, node: number, state: number): number {
  const i = search(trie.childState, trie.childStart[node], trie.childStart[node + 1], state);
  return i < 0 ? -1 : trie.childNode[i];
}

/** How often `state` followed the context of `node`. */
export function countOf(trie: ContextTrie, node: number, state: number): number {
  const i = search(trie.nextState, trie.nextStart[node], trie.nextStart[node + 1], state);
  return i < 0 ? 0 : trie.nextCount[i];
}

/**
 * Walks the contexts ending before `end` in `history`, longest last: writes the node of every
 * context length into `path` (path[0] = root) and returns the longest length seen in training.
 * Unknown states (index < 0) end the walk.
 */
export function contextPath(trie: ContextTrie, history: ArrayLike<number>, end: number, path: Int32Array): number {
  path[0] = 0;
  const maxDepth = Math.min(trie.order, end);
  let node = 0;
  let d = 0;
  while (d < maxDepth) {
    const s = history[end - 1 - d];
    if (s < 0) break;
    const child = childOf(trie, node, s);
    if (child < 0) break;
    node = child;
    path[++d] = node;
  }
  return d;
}
