/**
 * The device's underruns reach the live session once a second, only the new ones, where the
 * context has Chromium's playbackStats; where it has none nothing is counted and nothing runs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deviceUnderrunEvents, watchDeviceUnderruns } from '../../../src/audio/live/deviceUnderruns';

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('watchDeviceUnderruns', () => {
  it('reports the underrun events counted since the last read, once a second, until stopped', () => {
    const stats = { underrunEvents: 2 };
    const ctx = { playbackStats: stats } as unknown as BaseAudioContext;
    const heard: number[] = [];
    const stop = watchDeviceUnderruns(ctx, (n) => heard.push(n));
    vi.advanceTimersByTime(1000);
    expect(heard).toEqual([]); // the two before the session are not its own
    stats.underrunEvents = 5;
    vi.advanceTimersByTime(1000);
    stats.underrunEvents = 6;
    vi.advanceTimersByTime(1000);
    expect(heard).toEqual([3, 1]);
    stop();
    stats.underrunEvents = 9;
    vi.advanceTimersByTime(5000);
    expect(heard).toEqual([3, 1]);
  });

  it('counts nothing where the browser does not say', () => {
    const ctx = {} as BaseAudioContext;
    expect(deviceUnderrunEvents(ctx)).toBeNull();
    const onNew = vi.fn();
    watchDeviceUnderruns(ctx, onNew)();
    vi.advanceTimersByTime(3000);
    expect(onNew).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
