/**
 * A live session: one audio context, the transport clock, the master bus, the recorder, the note
 * input hub, the audio host and the runtime, with a frame loop at about 60 Hz. The page makes one
 * over a real AudioContext; the tests make one over node-web-audio-api's OfflineAudioContext,
 * where the frames are driven by Tone's offline clock, so the same code runs headless.
 */
import type { NodeServices } from '../../engine/node';
import type { NodeRegistry } from '../../engine/registry';
import type { GraphSpec } from '../../engine/scheduler-types';
import { LIVE_AUDIO_SERVICE, NOTE_INPUT_SERVICE } from '../../../nodes/live/liveServices';
import type { ToneModule } from '../toneModule';
import type { LiveDiff } from './liveDiff';
import { createLiveMonitor, type LiveMonitor } from './liveMonitor';
import { LiveRecorder } from './liveRecorder';
import { LiveRuntime, type OutputsOf } from './liveRuntime';
import type { StreamPlacement } from './liveStreams';
import { LiveTransport } from './liveTransport';
import { loadLiveWorklets } from './liveWorklets';
import { createMasterBus, globalWorkletFactory, type MasterBus, type WorkletFactory } from './masterBus';
import { createNoteInputHub, type NoteInputHub } from './noteInputHub';
import { createToneLiveHost, type ToneLiveHost } from './toneLiveHost';
import { createWebAudioLive } from './webAudioLive';
import { watchDeviceUnderruns } from './deviceUnderruns';

/** A Tone.js context (real-time or offline) wrapping the session's native context. */
export type ToneContext = InstanceType<ToneModule['Context']> | InstanceType<ToneModule['OfflineContext']>;

/** Frames per second of the control loop. */
export const FRAME_RATE = 60;
/** A frame later than this (seconds after the previous one) counts as a long frame. */
const LONG_FRAME = 0.05;

/** What a session is made from. */
export interface LiveSessionOptions {
  registry: NodeRegistry;
  /** The native context the session plays on. */
  context: BaseAudioContext;
  /** Tone's context wrapping `context` (its transport is the clock). */
  toneContext: ToneContext;
  /** Makes AudioWorkletNodes (default: the global constructor). */
  worklet?: WorkletFactory;
  /** Drives `tick` about 60 times a second; returns the stop function (default: setInterval). */
  frames?: (tick: () => void) => () => void;
  /** More services for instances (a MIDI output, …). */
  services?: NodeServices;
  /** Where the master output goes (default: the context's destination). */
  destination?: AudioNode;
  /** A millisecond clock for the tick budget of each node (default `performance.now`). */
  cpuNow?: () => number;
  /**
   * NaN guards after every source (default true). node-web-audio-api renders offline ~1000× slower
   * with any AudioWorklet present, so offline tests that are not about the guard turn them off.
   */
  guards?: boolean;
  /** Where generators that can run on the audio thread (the DDSP instrument) run: 'worklet' (default) or 'worker'. */
  streams?: StreamPlacement;
}

/** A running live session. */
export interface LiveSession {
  transport: LiveTransport;
  runtime: LiveRuntime;
  monitor: LiveMonitor;
  recorder: LiveRecorder;
  master: MasterBus;
  notes: NoteInputHub;
  /** The clip swaps so far: node, audio time and transport beat (for the tests and the UI). */
  swaps: { nodeId: string; time: number; beat: number }[];
  /** Applies the patch and its latest render results (call after every edit and every run). */
  apply(graph: GraphSpec, outputsOf: OutputsOf): LiveDiff;
  /** Runs one control frame now. */
  frame(): void;
  /** The audio clock in seconds. */
  now(): number;
  /** Stops everything and disconnects (the context is the caller's to close). */
  dispose(): void;
}

const intervalFrames = (tick: () => void): (() => void) => {
  const id = setInterval(tick, 1000 / FRAME_RATE);
  return () => clearInterval(id);
};

/**
 * Creates a session (loads the worklets first).
 * @example
 * const ctx = new AudioContext(); const toneContext = new Tone.Context(ctx);
 * const session = await createLiveSession({ registry, context: ctx, toneContext });
 * session.apply(patch, outputsOf); session.transport.start();
 */
export async function createLiveSession(options: LiveSessionOptions): Promise<LiveSession> {
  const { context: ctx, toneContext } = options;
  await loadLiveWorklets(ctx);
  const now = (): number => toneContext.currentTime;
  const cpuNow = options.cpuNow ?? (() => performance.now());
  const worklet = options.worklet ?? globalWorkletFactory;
  const monitor = createLiveMonitor();
  const transport = new LiveTransport(toneContext.transport, now);
  const master = createMasterBus(ctx, options.destination, now);
  const recorder = new LiveRecorder({
    ctx,
    worklet,
    bpm: () => transport.state.get().bpm,
    meter: () => transport.state.get().meter,
    tap: (node, on) => master.tap(node, on),
  });
  const notes = createNoteInputHub(now);
  const swaps: LiveSession['swaps'] = [];
  const services: NodeServices = { ...options.services, [LIVE_AUDIO_SERVICE]: createWebAudioLive(ctx, now, {}, {
    underruns: (count) => monitor.count('underruns', count),
    heard: (latency) => monitor.streamHeard(latency.ms),
  }, options.streams), [NOTE_INPUT_SERVICE]: notes };
  let runtime: LiveRuntime;
  const host: ToneLiveHost = createToneLiveHost({
    ctx, now, transport, master, recorder, monitor, worklet, services, guards: options.guards ?? true,
    titleOf: (id) => runtime.title(id),
    onSwap: (nodeId, time) => swaps.push({ nodeId, time, beat: transport.beat(time) }),
  });
  runtime = new LiveRuntime({ registry: options.registry, host, monitor, cpuNow });
  let last = now();
  const frame = (): void => {
    const time = now();
    const dt = Math.max(0, time - last);
    if (dt > LONG_FRAME) monitor.count('longFrames');
    last = time;
    const { bpm, playing } = transport.state.get();
    const t0 = cpuNow();
    runtime.frame({ time, dt, beat: transport.beat(time), bpm, playing });
    monitor.frameCost(cpuNow() - t0);
  };
  const stopFrames = (options.frames ?? intervalFrames)(frame);
  const stopDeviceWatch = watchDeviceUnderruns(ctx, (count) => monitor.count('underruns', count));
  const audio = ctx as BaseAudioContext & { baseLatency?: number; outputLatency?: number };
  if (audio.baseLatency !== undefined) monitor.setLatency(Math.round(((audio.baseLatency ?? 0) + (audio.outputLatency ?? 0)) * 1000));
  return {
    transport, runtime, monitor, recorder, master, notes, swaps,
    apply(graph, outputsOf) {
      const t0 = cpuNow();
      const diff = runtime.apply(graph, outputsOf);
      monitor.applyCost(cpuNow() - t0);
      return diff;
    },
    frame,
    now,
    dispose() {
      stopFrames();
      stopDeviceWatch();
      transport.dispose();
      runtime.dispose();
      host.dispose();
      master.dispose();
    },
  };
}
