/**
 * Generated audio streams for live instances (`LiveAudio.stream`, nodes/live/liveServices.ts): the
 * generators a node may name, and an endpoint that exists at once while the stream starts behind it
 * (controls sent meanwhile are queued). A generator runs where it is quickest to hear: the DDSP
 * instrument on the audio thread itself (src/audio/live/ddspVoice) when its decoder can run there,
 * otherwise — and for every generator when asked — in a Worker that feeds an AudioWorklet through
 * the ring of src/audio/stream.
 */
import type { LiveDdspParams } from '../../../nodes/ddsp/live/ddspGenerator';
import { WorkletDecoderRefused } from '../../../nodes/ddsp/live/workletDecoder';
import type { LiveStream, LiveStreamSpec } from '../../../nodes/live/liveServices';
import { shippedModelSource } from '../../ml/browserModels';
import { createAudioStream, type ControlLatency, type ControlMessage } from '../stream';
import { startDdspVoice } from './ddspVoice/startDdspVoice';

/**
 * The most a stream's Worker keeps ahead of its worklet: 4096 frames (85 ms at 48 kHz) was the only
 * fixed size that never underran on a loaded 2-core machine (`npm run bench -- ddsp`).
 */
const BUFFER_FRAMES = 4096;

/**
 * What it keeps ahead at first: 1024 frames (21 ms at 48 kHz); each underrun adds 512, so a machine
 * that keeps up plays with a short delay and one that does not settles where it stops underrunning.
 */
const LEAD_FRAMES = 1024;

/**
 * What it keeps ahead when it starts: a stream's first second meets cold code, caches and a busy
 * page (in the bench, a few underruns just after the start with 1024); it falls to LEAD_FRAMES by a
 * block per calm half second.
 */
const START_LEAD_FRAMES = 2048;

/** How often a stream's underrun count is read. */
const STATS_EVERY_MS = 1000;

/** Where live streams say how they run: new underruns as they are counted, and how long each control took to be heard. */
export interface StreamWatch {
  underruns(count: number): void;
  heard(latency: ControlLatency): void;
}

/**
 * Where generators that can run on the audio thread run: 'worklet' (the default: a control is heard
 * within a few ms, no Worker to stall) or 'worker' (as every other generator: a Worker and a ring).
 */
export type StreamPlacement = 'worklet' | 'worker';

/** A started stream, whichever way it runs. */
interface PlayingStream {
  readonly node: AudioNode;
  /** Resolves once it plays what it is sent (a voice warming up on the audio thread is silent until then). */
  readonly ready: Promise<void>;
  control(message: ControlMessage): Promise<ControlLatency>;
  /**
   * Its ring's underruns so far; absent on the audio thread, where there is no ring (an instrument
   * that falls behind makes the device underrun, which the session counts: deviceUnderruns.ts).
   */
  underruns?(): Promise<number>;
  close(): void;
}

type Starter = (ctx: AudioContext, spec: LiveStreamSpec) => Promise<PlayingStream>;

/** The generator workers live nodes can ask for, by name. */
const STREAM_WORKERS: Readonly<Record<string, () => Worker>> = {
  ddsp: () => new Worker(new URL('./ddspStreamWorker.ts', import.meta.url), { type: 'module', name: 'genpatch DDSP stream' }),
};

/** The generators that can also run on the audio thread, by worker name. */
const WORKLET_VOICES: Readonly<Record<string, Starter>> = {
  ddsp: (ctx, spec) => startDdspVoice(ctx, {
    seed: Number(spec.options.seed ?? 0),
    params: spec.options.params as LiveDdspParams,
    models: shippedModelSource(),
    onError: spec.onError,
  }),
};

/** Starts `spec` in a Worker feeding an AudioWorklet; the Worker ends with the stream. */
const inWorker: Starter = async (ctx, spec) => {
  const worker = STREAM_WORKERS[spec.worker]();
  try {
    const s = await createAudioStream(ctx, { generator: spec.generator, options: spec.options, worker, bufferFrames: BUFFER_FRAMES, leadFrames: LEAD_FRAMES, startLeadFrames: START_LEAD_FRAMES, onError: spec.onError });
    return {
      node: s.node, ready: Promise.resolve(), control: (m) => s.control(m),
      underruns: () => s.stats().then((stats) => stats.underruns), close: () => { s.close(); worker.terminate(); },
    };
  } catch (err) {
    worker.terminate();
    throw err;
  }
};

/**
 * On the audio thread where the generator can run there; in a Worker (saying why on the console)
 * where its model loads but cannot run there. A model that does not load at all fails as it is.
 */
function starterFor(spec: LiveStreamSpec, placement: StreamPlacement): Starter {
  const voice = WORKLET_VOICES[spec.worker];
  if (!voice || placement === 'worker') return inWorker;
  return (ctx, s) => voice(ctx, s).catch((err: Error) => {
    if (!(err instanceof WorkletDecoderRefused)) throw err;
    console.warn(`live stream "${s.worker}": runs in a Worker, not on the audio thread: ${err.message}`);
    return inWorker(ctx, s);
  });
}

/** True where streams can run: a real-time AudioContext with AudioWorklets, and Workers. */
export function canStream(ctx: BaseAudioContext): ctx is AudioContext {
  return typeof Worker !== 'undefined' && typeof AudioContext !== 'undefined' && ctx instanceof AudioContext && 'audioWorklet' in ctx;
}

/**
 * A stream endpoint: a gain node that the stream's node joins once it runs; `watch` hears its underruns and latencies.
 * @example
 * const s = createLiveStream(ctx, { worker: 'ddsp', generator: 'ddsp', options: { seed: 1 } });
 * s.control({ type: 'on', pitch: 60, velocity: 0.8 });
 */
export function createLiveStream(ctx: AudioContext, spec: LiveStreamSpec, watch?: StreamWatch, placement: StreamPlacement = 'worklet'): LiveStream {
  if (!STREAM_WORKERS[spec.worker]) throw new Error(`live stream: no worker "${spec.worker}" (there are: ${Object.keys(STREAM_WORKERS).join(', ')})`);
  const output = ctx.createGain();
  const queued: ControlMessage[] = [];
  let started: PlayingStream | null = null;
  let stream: PlayingStream | null = null;
  let closed = false;
  let counted = 0;
  let poll: ReturnType<typeof setInterval> | undefined;
  const send = (s: PlayingStream, message: ControlMessage): void => {
    s.control(message).then((latency) => watch?.heard(latency), () => undefined);
  };
  const readUnderruns = (read: () => Promise<number>): void => {
    read().then((underruns) => {
      if (underruns > counted) watch?.underruns(underruns - counted);
      counted = Math.max(counted, underruns);
    }, () => undefined);
  };
  // Controls stay queued until the stream plays, so each is timed from when it can be heard.
  starterFor(spec, placement)(ctx, spec).then(async (s) => {
    if (closed) { s.close(); return; }
    started = s;
    s.node.connect(output);
    try {
      await s.ready;
    } catch (err) {
      s.close();
      if (closed) return; // disposed while it warmed up: nothing to report
      throw err;
    }
    if (closed) return;
    stream = s;
    for (const message of queued.splice(0)) send(s, message);
    const read = s.underruns?.bind(s);
    if (watch && read) poll = setInterval(() => readUnderruns(read), STATS_EVERY_MS);
  }).catch((err: Error) => spec.onError?.(err.message));
  return {
    output,
    control(message) {
      if (stream) send(stream, message);
      else if (!closed) queued.push(message);
    },
    dispose() {
      closed = true;
      clearInterval(poll);
      started?.close();
      output.disconnect();
    },
  };
}
