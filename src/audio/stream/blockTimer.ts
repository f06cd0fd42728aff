/** Timing of `generate` calls: a 10 µs histogram, so percentiles cover every block of a long run in fixed memory. */
import { MsHistogram } from './msHistogram';
import type { ProducerTiming } from './protocol';

/** The render quantum the timings are normalised to. */
export const QUANTUM_FRAMES = 128;

/**
 * Collects per-block durations and reports them per 128-frame quantum (0–50 ms in 10 µs bins).
 * @example
 * const t = new BlockTimer(512); t.add(1.2); t.summary().meanMs; // 0.3
 */
export class BlockTimer {
  private readonly histogram = new MsHistogram(0.01, 5000);
  private readonly scale: number;

  constructor(private readonly blockFrames: number) {
    this.scale = QUANTUM_FRAMES / blockFrames;
  }

  /** Records one block that took `ms`. */
  add(ms: number): void {
    this.histogram.add(ms * this.scale);
  }

  /** Count, mean, median, p99 and max, in ms per 128 frames. */
  summary(): ProducerTiming {
    const s = this.histogram.summary();
    return { blocks: s.count, blockFrames: this.blockFrames, meanMs: s.meanMs, p50Ms: s.p50Ms, p99Ms: s.p99Ms, maxMs: s.maxMs };
  }
}
