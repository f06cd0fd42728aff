import { describe, expect, it } from 'vitest';
import { BlockTimer } from '../../../src/audio/stream/blockTimer';
import { MsHistogram } from '../../../src/audio/stream/msHistogram';

describe('MsHistogram', () => {
  it('gives percentiles to its bin width, the exact max, and zeros when empty', () => {
    const h = new MsHistogram(0.1, 1000);
    expect(h.summary()).toEqual({ count: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 });
    for (let i = 1; i <= 100; i++) h.add(i); // 1 … 100 ms: beyond 100 ms lands in the last bin
    h.add(250);
    const s = h.summary();
    expect(s.count).toBe(101);
    expect(s.p50Ms).toBeCloseTo(51.1, 6);
    expect(s.p95Ms).toBeCloseTo(96.1, 6);
    expect(s.maxMs).toBe(250);
    expect(s.p99Ms).toBe(100); // the last bin's edge
    expect(s.meanMs).toBeCloseTo((5050 + 250) / 101, 9);
  });

  it('BlockTimer scales block times to a 128-frame quantum', () => {
    const t = new BlockTimer(512);
    t.add(1.2);
    t.add(4);
    expect(t.summary()).toMatchObject({ blocks: 2, blockFrames: 512, meanMs: (0.3 + 1) / 2, maxMs: 1 });
  });
});
