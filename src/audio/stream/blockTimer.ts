/** Timing of `generate` calls: a 10 µs histogram, so percentiles cover every block of a long run in fixed memory. */
import type { ProducerTiming } from './protocol';

const BIN_MS = 0.01;
const BINS = 5000; // 0–50 ms; slower blocks land in the last bin (the max stays exact)

/** The render quantum the timings are normalised to. */
export const QUANTUM_FRAMES = 128;

/**
 * Collects per-block durations and reports them per 128-frame quantum.
 * @example
 * const t = new BlockTimer(512); t.add(1.2); t.summary().meanMs; // 0.3
 */
export class BlockTimer {
  private readonly bins = new Uint32Array(BINS);
  private readonly scale: number;
  private count = 0;
  private sum = 0;
  private max = 0;

  constructor(private readonly blockFrames: number) {
    this.scale = QUANTUM_FRAMES / blockFrames;
  }

  /** Records one block that took `ms`. */
  add(ms: number): void {
    const perQuantum = ms * this.scale;
    this.count++;
    this.sum += perQuantum;
    if (perQuantum > this.max) this.max = perQuantum;
    this.bins[Math.min(BINS - 1, Math.floor(perQuantum / BIN_MS))]++;
  }

  /** Count, mean, median, p99 and max, in ms per 128 frames. */
  summary(): ProducerTiming {
    return {
      blocks: this.count,
      blockFrames: this.blockFrames,
      meanMs: this.count ? this.sum / this.count : 0,
      p50Ms: this.quantile(0.5),
      p99Ms: this.quantile(0.99),
      maxMs: this.max,
    };
  }

  private quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.ceil(q * this.count);
    let seen = 0;
    for (let i = 0; i < BINS; i++) {
      seen += this.bins[i];
      if (seen >= rank) return Math.min(this.max, (i + 1) * BIN_MS);
    }
    return this.max;
  }
}
