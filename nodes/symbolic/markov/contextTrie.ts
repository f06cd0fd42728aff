/**
 * The counts of a variable-order Markov chain as a context trie (the structure of PPM and of
 * variable-order Markov models): node 0 is the empty context; the child of a node along state s is
 * that context extended one step further into the past by s. Each node keeps how often every state
 * followed its context. Built without hashing: the positions are sorted by context
 * (contextSort.ts), so each context is a run of sorted positions; one walk over the runs finds the
 * nodes and each run's next states give their counts. Nodes are numbered in the order the training
 * lines first reach them, and stored as sorted CSR typed arrays: plain data (cacheable, cloneable to
 * a Worker), searchable by binary search.
 */
import { sortContexts } from './contextSort';

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

/** Counting-sort buckets per pass by default: about two per event, within 1 Ki … 128 Ki. */
const defaultBucketBudget = (events: number) => Math.min(1 << 17, Math.max(1 << 10, 2 * events));

/** All sequences end to end, with each position's context length (never reaching into the previous sequence). */
function concatenate(sequences: readonly ArrayLike<number>[], order: number) {
  let n = 0;
  for (const seq of sequences) n += seq.length;
  const states = new Int32Array(n);
  const contextLength = new Uint8Array(n);
  let at = 0;
  for (const seq of sequences) {
    for (let t = 0; t < seq.length; t++, at++) {
      states[at] = seq[t];
      contextLength[at] = t < order ? t : order;
    }
  }
  return { states, contextLength };
}

/**
 * The trie's nodes from positions sorted by context: one for each distinct context of each length,
 * numbered depth-first (in sorted order, a context before its extensions), with each node's parent,
 * the state that extends the parent's context, its run of sorted positions, and the
 * earliest position whose context path passes through it.
 */
function walkSortedContexts(states: Int32Array, contextLength: Uint8Array, sorted: Int32Array, order: number) {
  const n = sorted.length;
  // How much of each position's context it shares with the one sorted before it; the rest are new nodes.
  const shared = new Uint8Array(n);
  let nodeCount = 1;
  for (let k = 0; k < n; k++) {
    const t = sorted[k];
    const len = contextLength[t];
    let same = 0;
    if (k > 0) {
      const u = sorted[k - 1];
      const most = Math.min(len, contextLength[u]);
      while (same < most && states[t - 1 - same] === states[u - 1 - same]) same++;
    }
    shared[k] = same;
    nodeCount += len - same;
  }
  const depth = new Uint8Array(nodeCount);
  const parent = new Int32Array(nodeCount);
  const edge = new Int32Array(nodeCount);
  const run = new Int32Array(2 * nodeCount); // run[2·id] … run[2·id + 1] − 1: the node's sorted positions
  run[1] = n;
  const seenAt = new Int32Array(nodeCount).fill(n);
  const path = new Int32Array(order + 1); // the open node of each depth
  let openDepth = 0;
  for (let k = 0, id = 1; k < n; k++) {
    const t = sorted[k];
    const len = contextLength[t];
    const same = shared[k];
    for (let d = openDepth; d > same; d--) run[2 * path[d] + 1] = k;
    for (let d = same + 1; d <= len; d++, id++) {
      depth[id] = d;
      parent[id] = path[d - 1];
      edge[id] = states[t - d];
      run[2 * id] = k;
      path[d] = id;
    }
    openDepth = len;
    if (t < seenAt[path[len]]) seenAt[path[len]] = t;
  }
  for (let d = openDepth; d > 0; d--) run[2 * path[d] + 1] = n;
  // A context is first seen where its earliest extension is (children follow their parent).
  for (let id = nodeCount - 1; id > 0; id--) if (seenAt[id] < seenAt[parent[id]]) seenAt[parent[id]] = seenAt[id];
  return { nodeCount, depth, parent, edge, run, seenAt };
}

type TrieNodes = ReturnType<typeof walkSortedContexts>;

/**
 * The final numbering: nodes in the order training meets them (by first position, then length), as
 * an incremental builder would create them. Generation replays stretches of the training lines, so
 * the contexts of consecutive steps then lie close together in memory. Returns the new id of each
 * depth-first node and the depth-first node of each new id.
 */
function firstSeenOrder(nodes: TrieNodes, events: number) {
  const { nodeCount, seenAt } = nodes;
  const start = new Int32Array(events + 2);
  for (let id = 0; id < nodeCount; id++) start[seenAt[id] + 1]++;
  for (let t = 0; t < events; t++) start[t + 1] += start[t];
  // Nodes first seen at the same position lie on one context path: depth-first order is by length.
  const rank = new Int32Array(nodeCount);
  const byRank = new Int32Array(nodeCount);
  for (let id = 0; id < nodeCount; id++) {
    const r = start[seenAt[id]]++;
    rank[id] = r;
    byRank[r] = id;
  }
  return { rank, byRank };
}

/**
 * Children in CSR form under the new ids: depth-first numbering puts each node's children in
 * order of their state, so one stable pass groups them sorted.
 */
function childLists(nodes: TrieNodes, rank: Int32Array) {
  const { nodeCount, parent, edge } = nodes;
  const childStart = new Int32Array(nodeCount + 1);
  for (let id = 1; id < nodeCount; id++) childStart[rank[parent[id]] + 1]++;
  for (let i = 0; i < nodeCount; i++) childStart[i + 1] += childStart[i];
  const fill = childStart.slice(0, nodeCount);
  const childState = new Int32Array(nodeCount - 1);
  const childNode = new Int32Array(nodeCount - 1);
  for (let id = 1; id < nodeCount; id++) {
    const slot = fill[rank[parent[id]]]++;
    childState[slot] = edge[id];
    childNode[slot] = rank[id];
  }
  return { childStart, childState, childNode };
}

/** Sorts values[0…count−1] ascending: insertion sort for the short lists most nodes have. */
function sortPrefix(values: Int32Array, count: number): void {
  if (count > 16) { values.subarray(0, count).sort(); return; }
  for (let i = 1; i < count; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > v) { values[j + 1] = values[j]; j--; }
    values[j + 1] = v;
  }
}

/**
 * Next-state counts in CSR form under the new ids: each node's histogram of the next states of its
 * run of sorted positions (`targets` holds the next state of each sorted position).
 */
function nextCounts(nodes: TrieNodes, byRank: Int32Array, targets: Int32Array, vocabSize: number) {
  const { nodeCount, run } = nodes;
  const total = new Int32Array(nodeCount);
  const nextStart = new Int32Array(nodeCount + 1);
  // A node has at most as many next states as positions in its run, and as states.
  let room = 0;
  for (let id = 0; id < nodeCount; id++) room += Math.min(run[2 * id + 1] - run[2 * id], vocabSize);
  const nextState = new Int32Array(room);
  const nextCount = new Int32Array(room);
  let pairs = 0;
  const count = new Int32Array(vocabSize);
  const seen = new Int32Array(vocabSize);
  for (let r = 0; r < nodeCount; r++) {
    const a = run[2 * byRank[r]];
    const b = run[2 * byRank[r] + 1];
    total[r] = b - a;
    nextStart[r + 1] = pairs;
    if (a === b) continue; // the root, when there are no events
    const only = targets[a];
    let k = a + 1;
    while (k < b && targets[k] === only) k++;
    let distinct = 1;
    seen[0] = only;
    if (k === b) {
      count[only] = b - a; // one next state, as most long contexts have
    } else {
      count[only] = k - a;
      for (; k < b; k++) if (count[targets[k]]++ === 0) seen[distinct++] = targets[k];
      sortPrefix(seen, distinct);
    }
    for (let i = 0; i < distinct; i++, pairs++) {
      const s = seen[i];
      nextState[pairs] = s;
      nextCount[pairs] = count[s];
      count[s] = 0;
    }
    nextStart[r + 1] = pairs;
  }
  return { total, nextStart, nextState: nextState.slice(0, pairs), nextCount: nextCount.slice(0, pairs) };
}

/**
 * Counts every context of length 0…order of every sequence of state indices (0…vocabSize−1).
 * No context reaches across the start of a sequence, so sequences stay independent.
 * `bucketBudget` (counting-sort buckets per pass) trades memory for passes; the trie is the same for any value.
 * @example
 * const trie = buildContextTrie([Int32Array.from([0, 1, 0, 1])], 2, 2);
 */
export function buildContextTrie(
  sequences: readonly ArrayLike<number>[], vocabSize: number, order: number, bucketBudget?: number,
): ContextTrie {
  const { states, contextLength } = concatenate(sequences, order);
  const budget = bucketBudget ?? defaultBucketBudget(states.length);
  const sorted = sortContexts(states, contextLength, vocabSize, order, budget);
  const nodes = walkSortedContexts(states, contextLength, sorted, order);
  const targets = new Int32Array(sorted.length);
  for (let k = 0; k < sorted.length; k++) targets[k] = states[sorted[k]];
  const { nodeCount } = nodes;
  const { rank, byRank } = firstSeenOrder(nodes, states.length);
  const depth = new Uint8Array(nodeCount);
  for (let id = 0; id < nodeCount; id++) depth[rank[id]] = nodes.depth[id];
  const { childStart, childState, childNode } = childLists(nodes, rank);
  const { total, nextStart, nextState, nextCount } = nextCounts(nodes, byRank, targets, vocabSize);
  return { order, vocabSize, nodeCount, depth, total, childStart, childState, childNode, nextStart, nextState, nextCount };
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
