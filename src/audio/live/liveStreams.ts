/**
 * Worker-generated streams for live instances (`LiveAudio.stream`, nodes/live/liveServices.ts): the
 * workers a node may name, and an endpoint that exists at once while the Worker and the
 * AudioWorklet of src/audio/stream start behind it (controls sent meanwhile are queued).
 */
import type { LiveStream, LiveStreamSpec } from '../../../nodes/live/liveServices';
import { createAudioStream, type AudioStream, type ControlLatency, type ControlMessage } from '../stream';

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

/** The generator workers live nodes can ask for, by name. */
const STREAM_WORKERS: Readonly<Record<string, () => Worker>> = {
  ddsp: () => new Worker(new URL('./ddspStreamWorker.ts', import.meta.url), { type: 'module', name: 'genpatch DDSP stream' }),
};

/** True where streams can run: a real-time AudioContext with AudioWorklets, and Workers. */
export function canStream(ctx: BaseAudioContext): ctx is AudioContext {
  return typeof Worker !== 'undefined' && typeof AudioContext !== 'undefined' && ctx instanceof AudioContext && 'audioWorklet' in ctx;
}

/**
 * A stream endpoint: a gain node that the stream's worklet joins once it runs; `watch` hears its underruns and latencies.
 * @example
 * const s = createLiveStream(ctx, { worker: 'ddsp', generator: 'ddsp', options: { seed: 1 } });
 * s.control({ type: 'on', pitch: 60, velocity: 0.8 });
 */
export function createLiveStream(ctx: AudioContext, spec: LiveStreamSpec, watch?: StreamWatch): LiveStream {
  const makeWorker = STREAM_WORKERS[spec.worker];
  if (!makeWorker) throw new Error(`live stream: no worker "${spec.worker}" (there are: ${Object.keys(STREAM_WORKERS).join(', ')})`);
  const worker = makeWorker();
  const output = ctx.createGain();
  const queued: ControlMessage[] = [];
  let stream: AudioStream | null = null;
  let closed = false;
  let counted = 0;
  let poll: ReturnType<typeof setInterval> | undefined;
  const send = (s: AudioStream, message: ControlMessage): void => {
    s.control(message).then((latency) => watch?.heard(latency), () => undefined);
  };
  const readUnderruns = (s: AudioStream): void => {
    s.stats().then((stats) => {
      if (stats.underruns > counted) watch?.underruns(stats.underruns - counted);
      counted = Math.max(counted, stats.underruns);
    }, () => undefined);
  };
  createAudioStream(ctx, { generator: spec.generator, options: spec.options, worker, bufferFrames: BUFFER_FRAMES, leadFrames: LEAD_FRAMES, startLeadFrames: START_LEAD_FRAMES, onError: spec.onError }).then((s) => {
    if (closed) { s.close(); return; }
    stream = s;
    s.node.connect(output);
    for (const message of queued.splice(0)) send(s, message);
    if (watch) poll = setInterval(() => readUnderruns(s), STATS_EVERY_MS);
  }, (err: Error) => spec.onError?.(err.message));
  return {
    output,
    control(message) {
      if (stream) send(stream, message);
      else if (!closed) queued.push(message);
    },
    dispose() {
      closed = true;
      clearInterval(poll);
      stream?.close();
      worker.terminate();
      output.disconnect();
    },
  };
}
