/** The per-node outcomes of one evaluation, stored by topological position and read as a Map. */
import type { NodeOutcome } from './scheduler-types';

/**
 * A read-only Map view over outcome slots indexed by each node's position in a topological order
 * that evaluations of the same graph structure share. Copying a table is one array slice, so a
 * re-evaluation does not pay a Map copy per node.
 */
export class OutcomeTable implements ReadonlyMap<string, NodeOutcome> {
  constructor(
    private readonly order: readonly string[],
    private readonly position: ReadonlyMap<string, number>,
    private readonly slots: (NodeOutcome | undefined)[] = new Array(order.length),
    private filled = 0,
  ) {}

  /** A table with the same outcomes, which the copy can change without touching this one. */
  copy(): OutcomeTable {
    return new OutcomeTable(this.order, this.position, this.slots.slice(), this.filled);
  }

  get size(): number {
    return this.filled;
  }

  get(id: string): NodeOutcome | undefined {
    const p = this.position.get(id);
    return p === undefined ? undefined : this.slots[p];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Sets the outcome of a node of the order (the scheduler's side; readers see a ReadonlyMap). */
  set(id: string, outcome: NodeOutcome): this {
    const p = this.position.get(id);
    if (p === undefined) throw new Error(`outcome table: node "${id}" is not part of this evaluation`);
    if (!this.slots[p]) this.filled++;
    this.slots[p] = outcome;
    return this;
  }

  /** Forgets the outcome of a node (it is about to run again). */
  delete(id: string): void {
    const p = this.position.get(id);
    if (p !== undefined && this.slots[p]) {
      this.slots[p] = undefined;
      this.filled--;
    }
  }

  *entries(): MapIterator<[string, NodeOutcome]> {
    for (let i = 0; i < this.order.length; i++) {
      const s = this.slots[i];
      if (s) yield [this.order[i], s];
    }
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<NodeOutcome> {
    for (const [, outcome] of this.entries()) yield outcome;
  }

  [Symbol.iterator](): MapIterator<[string, NodeOutcome]> {
    return this.entries();
  }

  forEach(callback: (value: NodeOutcome, key: string, map: ReadonlyMap<string, NodeOutcome>) => void, thisArg?: unknown): void {
    for (const [id, outcome] of this.entries()) callback.call(thisArg, outcome, id, this);
  }
}
