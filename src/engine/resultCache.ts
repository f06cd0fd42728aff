/** A least-recently-used cache of node results, bounded by their estimated size in bytes. */
import type { Preview } from './node';

/** One cached node result. */
export interface CachedResult {
  outputs: Record<string, unknown>;
  previews?: Preview[];
  bytes: number;
}

/** LRU map from cache key to result whose total `bytes` never exceeds the budget. */
export class ResultCache {
  private entries = new Map<string, CachedResult>();
  private total = 0;

  constructor(readonly budgetBytes: number) {}

  /** The result for `key`, marking it most recently used. */
  get(key: string): CachedResult | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Whether `key` is cached (without touching its recency). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Stores a result; evicts the least recently used ones past the budget. Oversized results are not kept. */
  set(key: string, result: CachedResult): void {
    if (result.bytes > this.budgetBytes) return;
    const old = this.entries.get(key);
    if (old) { this.total -= old.bytes; this.entries.delete(key); }
    this.entries.set(key, result);
    this.total += result.bytes;
    if (this.total <= this.budgetBytes) return;
    for (const [k, v] of this.entries) {
      if (this.total <= this.budgetBytes) break;
      this.entries.delete(k);
      this.total -= v.bytes;
    }
  }

  /** Bytes currently held. */
  get size(): number {
    return this.total;
  }

  /** Number of entries. */
  get count(): number {
    return this.entries.size;
  }

  /** Drops everything. */
  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
