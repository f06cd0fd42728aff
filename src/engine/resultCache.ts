/** A least-recently-used cache of node results, bounded by their estimated size in bytes. */
import type { Preview } from './node';

/** One cached node result (a node's 'done' outcome serves as one). */
export interface CachedResult {
  outputs?: Record<string, unknown>;
  previews?: Preview[];
}

const INITIAL_CAPACITY = 16;
/** `clear` keeps tables up to this many slots. */
const KEEP_CAPACITY = 1 << 16;
// Each slot's fields side by side in one 32-byte row (two rows per cache line): the key's two
// halves, the slot's state, the position of its latest entry in the recency queue, and (as a
// float64 at `SIZE_F64` of a Float64Array view) the result's size in bytes.
const KEY_A = 0, KEY_B = 1, STATE = 2, QUEUE_AT = 3, ROW_INTS = 8, SIZE_F64 = 2, ROW_F64 = 4;
const EMPTY = 0, USED = 1, DELETED = 2;

/**
 * LRU map from a 64-bit cache key (its two 32-bit halves, as the scheduler hashes them) to a
 * result, whose total size never exceeds the budget. An open-addressing table over a typed array
 * (linear probing, tombstones) with recency kept as an append-only queue of slots: a use appends
 * the slot (its older entries go stale), eviction pops the oldest live entry. A lookup compares
 * two integers instead of hashing and comparing key strings, and recording a use touches no other
 * entry, so a lookup costs one cache line of the table.
 * @example
 * const cache = new ResultCache(1 << 20);
 * cache.set(a, b, { outputs: { out: 1 } }, 8);
 * cache.get(a, b)?.outputs?.out; // 1
 */
export class ResultCache {
  private mask = 0;
  private rows = new Int32Array(0);
  private sizes = new Float64Array(0);
  private results: (CachedResult | undefined)[] = [];
  private queue = new Int32Array(0);
  private head = 0;
  private tail = 0;
  private entries = 0;
  private deleted = 0;
  private total = 0;

  constructor(readonly budgetBytes: number) {
    this.rebuild(INITIAL_CAPACITY, false);
  }

  /** The result for key (`a`, `b`), marking it most recently used. */
  get(a: number, b: number): CachedResult | undefined {
    const slot = this.find(a, b);
    if (slot < 0) return undefined;
    this.touch(slot);
    return this.results[slot];
  }

  /** Whether key (`a`, `b`) is cached (without touching its recency). */
  has(a: number, b: number): boolean {
    return this.find(a, b) >= 0;
  }

  /** Stores a result of about `bytes` bytes; evicts the least recently used ones past the budget. Oversized results are not kept. */
  set(a: number, b: number, result: CachedResult, bytes: number): void {
    if (bytes > this.budgetBytes) return;
    let slot = this.find(a, b);
    if (slot >= 0) {
      this.total -= this.sizes[slot * ROW_F64 + SIZE_F64];
    } else {
      slot = ~slot;
      const row = slot * ROW_INTS;
      if (this.rows[row + STATE] === DELETED) this.deleted--;
      this.rows[row + KEY_A] = a;
      this.rows[row + KEY_B] = b;
      this.rows[row + STATE] = USED;
      this.entries++;
    }
    this.results[slot] = result;
    this.sizes[slot * ROW_F64 + SIZE_F64] = bytes;
    this.total += bytes;
    this.touch(slot);
    while (this.total > this.budgetBytes && this.entries > 0) this.evictOldest();
    if ((this.entries + this.deleted) * 2 > this.mask) this.rebuild(this.entries * 4 > this.mask ? 2 * (this.mask + 1) : this.mask + 1);
  }

  /** Bytes currently held. */
  get size(): number {
    return this.total;
  }

  /** Number of entries. */
  get count(): number {
    return this.entries;
  }

  /** Drops everything (keeping the table's capacity, unless it grew large). */
  clear(): void {
    this.rebuild(this.mask < KEEP_CAPACITY ? this.mask + 1 : INITIAL_CAPACITY, false);
  }

  /** The slot holding (`a`, `b`), or `~slot` of the slot where it would go (the first deleted one on its probe path, else the empty one). */
  private find(a: number, b: number): number {
    const { rows, mask } = this;
    let free = -1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const row = slot * ROW_INTS;
      const state = rows[row + STATE];
      if (state === EMPTY) return ~(free >= 0 ? free : slot);
      if (state === DELETED) {
        if (free < 0) free = slot;
      } else if (rows[row + KEY_A] === a && rows[row + KEY_B] === b) {
        return slot;
      }
    }
  }

  /** Records a use of `slot`: appends it to the recency queue (its earlier entries go stale). */
  private touch(slot: number): void {
    if (this.tail === this.queue.length) this.compactQueue();
    this.rows[slot * ROW_INTS + QUEUE_AT] = this.tail;
    this.queue[this.tail++] = slot;
  }

  /** Removes the least recently used entry: the oldest queue entry that is still its slot's latest. */
  private evictOldest(): void {
    for (;;) {
      const at = this.head++;
      const slot = this.queue[at];
      const row = slot * ROW_INTS;
      if (this.rows[row + STATE] !== USED || this.rows[row + QUEUE_AT] !== at) continue;
      this.rows[row + STATE] = DELETED;
      this.results[slot] = undefined;
      this.total -= this.sizes[slot * ROW_F64 + SIZE_F64];
      if (--this.entries === 0) this.total = 0; // no rounding residue of estimated sizes outlives the entries
      this.deleted++;
      return;
    }
  }

  /** Makes room at the queue's end: drops stale entries (keeping order), growing the queue when most are live. */
  private compactQueue(): void {
    const { queue, rows } = this;
    const target = this.entries * 2 + 16 > queue.length ? new Int32Array(queue.length * 2 + 16) : queue;
    let kept = 0;
    for (let at = this.head; at < this.tail; at++) {
      const slot = queue[at];
      const row = slot * ROW_INTS;
      if (rows[row + STATE] !== USED || rows[row + QUEUE_AT] !== at) continue;
      rows[row + QUEUE_AT] = kept;
      target[kept++] = slot;
    }
    this.queue = target;
    this.head = 0;
    this.tail = kept;
  }

  /** Moves every entry (least recently used first, so recency is kept) into a table of `capacity` slots, or drops them all. */
  private rebuild(capacity: number, keep = true): void {
    const { rows, sizes, results, queue, head, tail } = this;
    this.mask = capacity - 1;
    this.rows = new Int32Array(capacity * ROW_INTS);
    this.sizes = new Float64Array(this.rows.buffer);
    this.results = new Array(capacity).fill(undefined);
    this.queue = new Int32Array(keep ? Math.max(16, this.entries * 2) : 16);
    this.head = this.tail = this.entries = this.deleted = this.total = 0;
    if (!keep) return;
    for (let at = head; at < tail; at++) {
      const slot = queue[at];
      const row = slot * ROW_INTS;
      if (rows[row + STATE] !== USED || rows[row + QUEUE_AT] !== at) continue;
      this.set(rows[row + KEY_A], rows[row + KEY_B], results[slot]!, sizes[slot * ROW_F64 + SIZE_F64]);
    }
  }
}
