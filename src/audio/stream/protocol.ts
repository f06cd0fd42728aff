/** Messages between the page, the generator Worker and the stream AudioWorklet. */
import type { ControlMessage } from './blockGenerator';

/** How blocks travel from the Worker to the worklet. */
export type StreamTransport = 'shared' | 'messages';

/** Page → Worker: start producing. */
export interface InitMessage {
  type: 'init';
  generator: string;
  options: Record<string, unknown>;
  sampleRate: number;
  channels: number;
  blockFrames: number;
  /** Frames buffered between the Worker and the worklet. */
  bufferFrames: number;
  /** Ring memory (transport 'shared'); absent for 'messages'. */
  ring?: SharedArrayBuffer;
  /** The worklet's shared counters (transport 'shared'): the Worker reads the underrun count. */
  stats?: SharedArrayBuffer;
  /** Frames the Worker keeps ahead at least (transport 'shared'); each underrun raises it, up to bufferFrames. */
  leadFrames?: number;
  /** Frames it keeps ahead at the start, falling to leadFrames while it keeps up. */
  startLeadFrames?: number;
  /** The Worker's end of its channel to the worklet. */
  port: MessagePort;
}

/** Page → Worker messages. */
export type ToWorker =
  | InitMessage
  | { type: 'control'; seq: number; message: ControlMessage }
  | { type: 'timing' }
  | { type: 'stop' };

/** Per-block generation time in the Worker, normalised to a 128-frame render quantum. */
export interface ProducerTiming {
  blocks: number;
  blockFrames: number;
  /** Mean, median, 99th percentile and max ms of `generate` per 128 frames. */
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Worker → page messages. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  | ({ type: 'timing' } & ProducerTiming);

/** Worker → worklet messages (over their own channel). */
export type WorkerToWorklet =
  | { type: 'marker'; seq: number; frame: number }
  | { type: 'block'; data: Float32Array[] };

/** Worklet → Worker: frames the worklet consumed since the last credit (transport 'messages'). */
export interface CreditMessage {
  type: 'credit';
  frames: number;
}

/** The worklet's counters. */
export interface ConsumerStats {
  /** Render quanta that had to be filled (partly or wholly) with silence after the stream started. */
  underruns: number;
  /** Frames of silence those quanta got. */
  underrunFrames: number;
  /** Frames of stream audio played. */
  streamFrames: number;
  /** Render quanta processed. */
  quanta: number;
}

/** Worklet → page messages. */
export type FromWorklet =
  | ({ type: 'stats'; id: number } & ConsumerStats)
  | { type: 'marker'; seq: number; emitFrame: number };

/** Page → worklet messages. */
export type ToWorklet =
  | { type: 'connect'; port: MessagePort }
  | { type: 'stats'; id: number }
  | { type: 'close' };

/** The name the stream AudioWorklet processor is registered under. */
export const STREAM_PROCESSOR = 'genpatch-stream';

/** What `createAudioStream` passes to the processor as processorOptions. */
export interface StreamProcessorOptions {
  channels: number;
  bufferFrames: number;
  blockFrames: number;
  /** Ring memory (transport 'shared'). */
  ring?: SharedArrayBuffer;
  /** Int32 counters shared with the page (transport 'shared'), laid out as `STATS`. */
  stats?: SharedArrayBuffer;
  /** Frames the worklet waits to have buffered before it starts playing (the producer's lead). */
  prerollFrames: number;
}
