/**
 * The per-node outcomes of one evaluation, stored by node index and read as a Map. Successive
 * evaluations of the same graph structure share one slot array (a persistent array): a
 * re-evaluation derives its table from the last one in O(1) and pays only for the slots it writes.
 */
import type { NodeOutcome } from './scheduler-types';

/** Past this many newer versions, reading an old table copies its slots back once. */
const MAX_WALK = 16;

/** What all versions of one table share: the slots (as the newest version sees them) and write stamps. */
interface Lineage {
  slots: (NodeOutcome | undefined)[];
  /** Version that last wrote each slot. */
  writtenBy: Int32Array;
  versions: number;
}

/**
 * Slots a newer version overwrote, with the values the older version saw, as flat pairs
 * `[index, value, index, value, …]`: appended by the newer version, read by the older one.
 */
type UndoLog = (number | NodeOutcome | undefined)[];

/**
 * A read-only Map view over outcome slots indexed by node. Only the newest table of a lineage
 * writes the shared slots; its first write to a slot logs the value the previous table saw, so
 * every table keeps reading what it had when its evaluation finished — without copying the whole
 * array per evaluation. Old tables are rarely read; reading one walks the logs of newer versions.
 */
export class OutcomeTable implements ReadonlyMap<string, NodeOutcome> {
  /** The next version and the log of what it overwrote (null while this is the newest). */
  private newer: OutcomeTable | null = null;
  private undo: UndoLog | null = null;
  /** The undo log by slot, built on the first read of this old version; covers `undo[0 … indexed)`. */
  private undoBySlot: Map<number, NodeOutcome | undefined> | null = null;
  private indexed = 0;
  /** The log this version appends to (the previous version's), null for a first version. */
  private older: UndoLog | null = null;
  /** Own copy of the slots, once an old table stopped walking newer versions. */
  private own: (NodeOutcome | undefined)[] | null = null;
  private readonly version: number;

  /**
   * @param ids node id of each index
   * @param indexOf index of each node id
   * @param order indices of the evaluation's nodes, in the order iteration reports them
   */
  constructor(
    private readonly ids: readonly string[],
    private readonly indexOf: ReadonlyMap<string, number>,
    private readonly order: ArrayLike<number>,
    private readonly lineage: Lineage = { slots: new Array(ids.length), writtenBy: new Int32Array(ids.length), versions: 0 },
    private filled = 0,
  ) {
    this.version = ++lineage.versions;
  }

  /** The next version: same outcomes, writable; this table keeps reading what it has now. */
  derive(): OutcomeTable {
    if (this.newer || this.own) throw new Error('outcome table: a newer version was already derived from this one');
    const next = new OutcomeTable(this.ids, this.indexOf, this.order, this.lineage, this.filled);
    next.older = this.undo = [];
    this.newer = next;
    return next;
  }

  /** The outcome of node `i`. */
  at(i: number): NodeOutcome | undefined {
    if (this.newer) return this.walk(i, true);
    return (this.own ?? this.lineage.slots)[i];
  }

  /** Sets the outcome of node `i` (the scheduler's side, on the newest table; readers see a ReadonlyMap). */
  setAt(i: number, outcome: NodeOutcome): void {
    if (this.newer || this.own) throw new Error('outcome table: an older evaluation cannot change');
    const { slots, writtenBy } = this.lineage;
    const before = slots[i];
    if (this.older && writtenBy[i] !== this.version) this.older.push(i, before);
    writtenBy[i] = this.version;
    if (before === undefined) this.filled++;
    slots[i] = outcome;
  }

  /** Reads slot `i` as this version saw it: from the first newer version's log that has it, else the shared slots. */
  private walk(i: number, mayDetach: boolean): NodeOutcome | undefined {
    let table: OutcomeTable = this;
    for (let walked = 0; table.newer; walked++) {
      if (mayDetach && walked === MAX_WALK) return this.detach()[i];
      const bySlot = table.indexUndo();
      if (bySlot.has(i)) return bySlot.get(i);
      table = table.newer;
    }
    return (table.own ?? table.lineage.slots)[i];
  }

  /** Gives this old table its own copy of its slots, so reads stop walking newer versions. */
  private detach(): (NodeOutcome | undefined)[] {
    const own: (NodeOutcome | undefined)[] = new Array(this.ids.length);
    for (let k = 0; k < this.order.length; k++) own[this.order[k]] = this.walk(this.order[k], false);
    this.own = own;
    this.newer = null;
    this.undo = null;
    this.undoBySlot = null;
    return own;
  }

  /** This old version's undo log by slot (the first entry of a slot wins), indexing what was appended since the last read. */
  private indexUndo(): Map<number, NodeOutcome | undefined> {
    const log = this.undo!;
    const bySlot = (this.undoBySlot ??= new Map());
    for (; this.indexed < log.length; this.indexed += 2) {
      const i = log[this.indexed] as number;
      if (!bySlot.has(i)) bySlot.set(i, log[this.indexed + 1] as NodeOutcome | undefined);
    }
    return bySlot;
  }

  get size(): number {
    return this.filled;
  }

  get(id: string): NodeOutcome | undefined {
    const i = this.indexOf.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  *entries(): MapIterator<[string, NodeOutcome]> {
    for (let k = 0; k < this.order.length; k++) {
      const s = this.at(this.order[k]);
      if (s) yield [this.ids[this.order[k]], s];
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
