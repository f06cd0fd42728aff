/** A histogram of durations in ms: percentiles over any number of samples in fixed memory. */

/** Count, mean, median, 95th and 99th percentile and max of what a histogram holds. */
export interface MsSummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Bins of `binMs` from 0 to `binMs × bins`; longer values land in the last bin (the max stays exact).
 * Percentiles are the upper edge of their bin, capped by the max.
 * @example
 * const h = new MsHistogram(0.1, 5000); h.add(21.4); h.summary().p50Ms; // 21.5
 */
export class MsHistogram {
  private readonly counts: Uint32Array;
  private count = 0;
  private sum = 0;
  private max = 0;

  constructor(private readonly binMs: number, bins: number) {
    this.counts = new Uint32Array(bins);
  }

  /** Records one value. */
  add(ms: number): void {
    this.count++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
    this.counts[Math.max(0, Math.min(this.counts.length - 1, Math.floor(ms / this.binMs)))]++;
  }

  /** The figures so far (zeros when empty). */
  summary(): MsSummary {
    return {
      count: this.count,
      meanMs: this.count ? this.sum / this.count : 0,
      p50Ms: this.quantile(0.5),
      p95Ms: this.quantile(0.95),
      p99Ms: this.quantile(0.99),
      maxMs: this.max,
    };
  }

  private quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.ceil(q * this.count);
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(this.max, (i + 1) * this.binMs);
    }
    return this.max;
  }
}
