/** The contract each benchmarked engine adapter fulfils, so the harness times them all the same way. */

/** One timed step: resolves with the sink values, in the order of `Shape.sinks`. */
export type Step = () => Promise<number[]>;

/** An engine with one shape built into it, ready to be timed. */
export interface BenchEngine {
  /** Column title in the printed table. */
  name: string;
  /** A step that evaluates the whole graph from a fresh cache. */
  full(): Step;
  /** Brings the engine to the warm state re-evaluation starts from (untimed): a full evaluation. */
  warm(): Promise<void>;
  /**
   * Prepares (untimed) a step that sets the changed node's bias to `bias` and re-evaluates with the
   * state the previous evaluations left behind. Steps run in the order they were prepared.
   */
  reevaluate(bias: number): Step;
  /** Number of nodes that ran in the last step, when the engine can say. */
  lastRan?(): number;
}
