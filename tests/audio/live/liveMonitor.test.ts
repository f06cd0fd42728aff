import { describe, expect, it } from 'vitest';
import { createLiveMonitor } from '../../../src/audio/live/liveMonitor';

describe('live monitor', () => {
  it('publishes streams\' control → sound latency with the frame costs, once a second, over the whole session', () => {
    const monitor = createLiveMonitor();
    for (const ms of [21, 22, 23, 24, 80]) monitor.streamHeard(ms);
    expect(monitor.health.get().streamLatency).toBeNull(); // not yet published: no re-render per control
    for (let i = 0; i < 60; i++) monitor.frameCost(0.5);
    const first = monitor.health.get().streamLatency!;
    expect(first).toMatchObject({ count: 5, maxMs: 80 });
    expect(first.p50Ms).toBeCloseTo(23.1, 6);
    for (let i = 0; i < 60; i++) monitor.frameCost(0.5); // nothing new heard: the figures stay
    expect(monitor.health.get().streamLatency).toEqual(first);
  });

  it('adds stream underruns to the health counters', () => {
    const monitor = createLiveMonitor();
    monitor.count('underruns', 3);
    monitor.count('underruns', 2);
    expect(monitor.health.get().underruns).toBe(5);
  });
});
