/**
 * An open-addressing hash map from non-negative integer keys (below 2^53) to int32 values, on typed
 * arrays: no allocation per entry, and keys that need no string conversion.
 */

const EMPTY = -1;

/** Integer → int32 map with linear probing; grows at half load. */
export class IntMap {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  /** Number of entries. */
  size = 0;

  constructor(capacity = 1 << 12) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Float64Array(cap).fill(EMPTY);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2f), 0x9e3779b1);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /**
   * The value of `key`; when absent, stores `value` and returns it (compare to tell).
   * @example
   * const id = map.getOrInsert(key, next); if (id === next) next++;
   */
  getOrInsert(key: number, value: number): number {
    let i = this.slot(key);
    for (;;) {
      const k = this.keys[i];
      if (k === key) return this.values[i];
      if (k === EMPTY) break;
      i = (i + 1) & this.mask;
    }
    this.keys[i] = key;
    this.values[i] = value;
    if (++this.size * 2 > this.mask) this.grow();
    return value;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Float64Array(oldKeys.length * 2).fill(EMPTY);
    this.values = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j];
      if (k === EMPTY) continue;
      let i = this.slot(k);
      while (this.keys[i] !== EMPTY) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.values[i] = oldValues[j];
    }
  }
}
