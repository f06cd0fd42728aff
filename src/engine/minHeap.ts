/** A binary min-heap of small integers for the scheduler's re-planning queue. */

/**
 * A binary min-heap of non-negative integers over a fixed-capacity typed array (no allocation per use).
 * @example
 * const heap = new MinHeap(8);
 * heap.push(5); heap.push(2);
 * heap.pop(); // 2
 */
export class MinHeap {
  size = 0;
  private items: Int32Array;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
  }

  push(v: number): void {
    const items = this.items;
    let k = this.size++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (items[parent] <= v) break;
      items[k] = items[parent];
      k = parent;
    }
    items[k] = v;
  }

  /** Removes and returns the smallest item (the heap must not be empty). */
  pop(): number {
    const items = this.items;
    const top = items[0];
    const n = --this.size;
    const last = items[n];
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= n) break;
      if (child + 1 < n && items[child + 1] < items[child]) child++;
      if (items[child] >= last) break;
      items[k] = items[child];
      k = child;
    }
    items[k] = last;
    return top;
  }
}
