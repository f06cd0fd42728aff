/** Sample-and-hold: on each rising edge of a trigger, holds the input — or, with no input, a seeded random value. */
import { createRng, type Rng } from '../../engine/rng';

/**
 * Holds a value between triggers. A trigger is a rising edge: the trigger signal goes from ≤ 0 to > 0.
 * @example
 * const sh = new SampleHold({ seed: 7 });
 * sh.next(undefined, 1); // a seeded value in [−1, 1), held until the next rising edge
 */
export class SampleHold {
  private readonly rng: Rng;
  private held: number;
  private lastTrigger: number;

  constructor(options: { seed?: number | string; initial?: number } = {}) {
    this.rng = createRng(options.seed ?? 0);
    this.held = options.initial ?? 0;
    this.lastTrigger = 0;
  }

  /** Feeds one tick: on a rising edge of `trigger` takes `input` (a seeded value in [−1, 1) when undefined); returns the held value. */
  next(input: number | undefined, trigger: number): number {
    if (trigger > 0 && this.lastTrigger <= 0) this.held = input ?? this.rng.range(-1, 1);
    this.lastTrigger = trigger;
    return this.held;
  }

  /** Feeds a block of triggers (with an input block, or null for seeded noise); writes the held values into `out`. */
  process(input: Float32Array | null, trigger: Float32Array, out = new Float32Array(trigger.length)): Float32Array {
    if (input && input.length !== trigger.length) {
      throw new Error(`SampleHold.process: input has ${input.length} samples but trigger has ${trigger.length}`);
    }
    for (let i = 0; i < trigger.length; i++) out[i] = this.next(input ? input[i] : undefined, trigger[i]);
    return out;
  }

  /** The held value. */
  value(): number {
    return this.held;
  }
}
