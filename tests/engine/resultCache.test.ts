import { describe, expect, it } from 'vitest';
import { ResultCache, type CachedResult } from '../../src/engine/resultCache';
import { createRng } from '../../src/engine/rng';

const result = (bytes: number, out: unknown = bytes): CachedResult & { bytes: number } => ({ outputs: { out }, bytes });

/** The reference behaviour: a Map in recency order (oldest first), evicting from the front. */
class ReferenceLru {
  entries = new Map<string, CachedResult & { bytes: number }>();
  total = 0;
  constructor(private budget: number) {}
  get(key: string): (CachedResult & { bytes: number }) | undefined {
    const hit = this.entries.get(key);
    if (hit) { this.entries.delete(key); this.entries.set(key, hit); }
    return hit;
  }
  set(key: string, r: CachedResult & { bytes: number }): void {
    if (r.bytes > this.budget) return;
    const old = this.entries.get(key);
    if (old) { this.total -= old.bytes; this.entries.delete(key); }
    this.entries.set(key, r);
    this.total += r.bytes;
    for (const [k, v] of this.entries) {
      if (this.total <= this.budget) break;
      this.entries.delete(k);
      this.total -= v.bytes;
    }
  }
}

/** Stores `r` with its own byte count. */
const put = (cache: ResultCache, a: number, b: number, r: CachedResult & { bytes: number }): void => cache.set(a, b, r, r.bytes);

describe('ResultCache', () => {
  it('returns what was stored under a key and nothing under another', () => {
    const cache = new ResultCache(1000);
    put(cache, 1, 2, result(8, 'x'));
    expect(cache.get(1, 2)?.outputs?.out).toBe('x');
    expect(cache.get(1, 3)).toBeUndefined();
    expect(cache.get(2, 2)).toBeUndefined();
    expect(cache.has(1, 2)).toBe(true);
  });

  it('evicts the least recently used entries past the byte budget', () => {
    const cache = new ResultCache(30);
    put(cache, 1, 0, result(10));
    put(cache, 2, 0, result(10));
    put(cache, 3, 0, result(10));
    cache.get(1, 0); // 2 is now the oldest
    put(cache, 4, 0, result(10));
    expect(cache.has(2, 0)).toBe(false);
    expect([1, 3, 4].every((a) => cache.has(a, 0))).toBe(true);
    expect(cache.size).toBe(30);
    expect(cache.count).toBe(3);
  });

  it('never keeps a result larger than the whole budget, and replaces an entry in place', () => {
    const cache = new ResultCache(50);
    put(cache, 1, 1, result(51));
    expect(cache.count).toBe(0);
    put(cache, 1, 1, result(20, 'a'));
    put(cache, 1, 1, result(30, 'b'));
    expect(cache.size).toBe(30);
    expect(cache.get(1, 1)?.outputs?.out).toBe('b');
  });

  it('behaves like a Map-based LRU through growth, collisions and evictions', () => {
    const rng = createRng(7);
    const budget = 4000;
    const cache = new ResultCache(budget);
    const reference = new ReferenceLru(budget);
    // Few distinct low bits in `a` force long probe runs, so backward-shift deletion is exercised.
    const keyOf = (): [number, number] => [rng.int(64) * 1024, rng.int(4)];
    for (let step = 0; step < 20000; step++) {
      const [a, b] = keyOf();
      if (rng.next() < 0.5) {
        const r = result(1 + rng.int(200), step);
        put(cache, a, b, r);
        reference.set(`${a}:${b}`, r);
      } else {
        expect(cache.get(a, b)).toBe(reference.get(`${a}:${b}`));
      }
      if (step % 500 === 0) {
        expect(cache.size).toBe(reference.total);
        expect(cache.count).toBe(reference.entries.size);
        for (const key of reference.entries.keys()) {
          const [ka, kb] = key.split(':').map(Number);
          expect(cache.has(ka, kb)).toBe(true);
        }
      }
    }
  });

  it('is empty after clear and usable again', () => {
    const cache = new ResultCache(1000);
    for (let i = 0; i < 100; i++) put(cache, i, -i, result(5));
    cache.clear();
    expect(cache.count).toBe(0);
    expect(cache.size).toBe(0);
    expect(cache.get(3, -3)).toBeUndefined();
    put(cache, 3, -3, result(5));
    expect(cache.get(3, -3)?.outputs?.out).toBe(5);
    expect(cache.size).toBe(5);
  });
});
