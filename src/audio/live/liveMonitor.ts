/**
 * What live mode tells the performer: problems by node (a NaN muted, a node that cannot keep up,
 * a node that failed to start, a render-only node in a live path) and the session's health
 * (late events, long frames, output latency). The UI reads the stores; the runtime and the audio
 * host write them.
 */
import { createStore, type Store } from '../../engine/observable';
import { MsHistogram, type MsSummary } from '../stream/msHistogram';

/** The kinds of problem live mode reports. */
export type LiveProblemKind = 'nan' | 'slow' | 'error' | 'bypass' | 'late';

/** One reported problem of one node. */
export interface LiveProblem {
  nodeId: string;
  kind: LiveProblemKind;
  message: string;
}

/** The session's timing health. */
export interface LiveHealth {
  /** Clip iterations or notes that had to be scheduled after their time (the music was late). */
  lateEvents: number;
  /** Frames that came more than 50 ms after the previous one (controls stalled). */
  longFrames: number;
  /** Output latency of the audio device in ms (base + output), when the browser tells it. */
  latencyMs: number | null;
  /** Underruns reported by streaming nodes (AudioWorklet ring buffers). */
  underruns: number;
  /**
   * Streaming nodes' control → sound: ms from a control change (a note, a moved param) to its first
   * sample leaving the stream's worklet, over the session (the device's output latency comes on top).
   */
  streamLatency: MsSummary | null;
  /** Main-thread ms of a control frame: mean of the last second, and the most since the start. */
  frameMs: number;
  frameMaxMs: number;
  /** Main-thread ms of applying an edit or new results (diff, instances, clip hand-over): last, and most. */
  applyMs: number;
  applyMaxMs: number;
}

/** Problems and health of one live session. */
export interface LiveMonitor {
  problems: Store<LiveProblem[]>;
  health: Store<LiveHealth>;
  /** Reports (or re-words) the problem of `kind` of `nodeId`. */
  report(nodeId: string, kind: LiveProblemKind, message: string): void;
  /** Clears a node's problem of `kind`, or all its problems. */
  clear(nodeId: string, kind?: LiveProblemKind): void;
  /** Adds to the health counters. */
  count(field: 'lateEvents' | 'longFrames' | 'underruns', by?: number): void;
  setLatency(ms: number | null): void;
  /** Records how long a streaming node's control change took to be heard (published with the frame costs). */
  streamHeard(ms: number): void;
  /** Records what one control frame cost (published about once a second). */
  frameCost(ms: number): void;
  /** Records what one apply cost. */
  applyCost(ms: number): void;
}

/**
 * Creates an empty monitor.
 * @example
 * const monitor = createLiveMonitor(); monitor.report('lfo1', 'slow', 'tick takes 9 ms');
 */
export function createLiveMonitor(): LiveMonitor {
  const problems = createStore<LiveProblem[]>([]);
  const health = createStore<LiveHealth>({
    lateEvents: 0, longFrames: 0, latencyMs: null, underruns: 0, streamLatency: null, frameMs: 0, frameMaxMs: 0, applyMs: 0, applyMaxMs: 0,
  });
  const streamLatency = new MsHistogram(0.1, 5000); // 0–500 ms
  let frameSum = 0;
  let frameCount = 0;
  let frameMax = 0;
  return {
    problems,
    health,
    report(nodeId, kind, message) {
      const list = problems.get();
      const at = list.findIndex((p) => p.nodeId === nodeId && p.kind === kind);
      if (at >= 0 && list[at].message === message) return;
      const next = list.filter((_, i) => i !== at);
      problems.set([...next, { nodeId, kind, message }]);
    },
    clear(nodeId, kind) {
      const list = problems.get();
      const next = list.filter((p) => p.nodeId !== nodeId || (kind !== undefined && p.kind !== kind));
      if (next.length !== list.length) problems.set(next);
    },
    count(field, by = 1) {
      health.set((h) => ({ ...h, [field]: h[field] + by }));
    },
    setLatency(ms) {
      health.set((h) => (h.latencyMs === ms ? h : { ...h, latencyMs: ms }));
    },
    streamHeard(ms) {
      streamLatency.add(ms);
    },
    frameCost(ms) {
      frameSum += ms;
      frameMax = Math.max(frameMax, ms);
      if (++frameCount < 60) return;
      const mean = frameSum / frameCount;
      frameSum = 0;
      frameCount = 0;
      const heard = streamLatency.summary();
      health.set((h) => ({ ...h, frameMs: mean, frameMaxMs: frameMax, streamLatency: heard.count ? heard : h.streamLatency }));
    },
    applyCost(ms) {
      health.set((h) => ({ ...h, applyMs: ms, applyMaxMs: Math.max(h.applyMaxMs, ms) }));
    },
  };
}
