/**
 * The page side of audio-rate streaming: a Worker generates blocks, an AudioWorklet plays them, and
 * they meet in a SharedArrayBuffer ring (or, when the page is not cross-origin isolated, in messages).
 * Control changes go to the Worker; each resolves with the latency until its first sample was played.
 */
import processorUrl from './streamProcessor?worker&url';
import type { ControlMessage } from './blockGenerator';
import { listen, type PortLike } from './messagePort';
import {
  STREAM_PROCESSOR, type ConsumerStats, type FromWorker, type FromWorklet, type ProducerTiming,
  type StreamProcessorOptions, type StreamTransport, type ToWorker, type ToWorklet,
} from './protocol';
import { allocateRingBuffer } from './ringBuffer';
import { FRAME_MODULUS, STATS, frameDelta } from './streamReader';
import { pickTransport } from './transport';
import { addWorkletModuleOnce } from '../workletModules';

/** Options of `createAudioStream`. */
export interface AudioStreamOptions {
  /** Generator name, as offered by the worker. */
  generator: string;
  /** Options handed to the generator's factory. */
  options?: Record<string, unknown>;
  /** A Worker running `hostBlockGenerators`; default: a new worker with the built-in generators (closed with the stream). */
  worker?: Worker;
  /** Output channels (default 1). */
  channels?: number;
  /** Frames per `generate` call (default 128). */
  blockFrames?: number;
  /** Frames buffered between the Worker and the worklet (default 2048): more is safer, less is quicker. */
  bufferFrames?: number;
  /**
   * Shared transport only: keep just this many frames ahead at first, lengthen the lead by 512
   * frames at each underrun up to bufferFrames, shorten it by a block per half second without one
   * (default: always bufferFrames ahead).
   */
  leadFrames?: number;
  /** Shared transport only: the lead at the start (default leadFrames), shortened as above; the worklet pre-rolls it. */
  startLeadFrames?: number;
  /** 'auto' (default) uses 'shared' when the page is cross-origin isolated, else 'messages'. */
  transport?: 'auto' | StreamTransport;
  /** Called with problems the Worker reports after the start (refused controls, a failing generator). */
  onError?(message: string): void;
}

/** How long a control change took to be heard. */
export interface ControlLatency {
  seq: number;
  /** Render frames from the change to its first sample leaving the worklet. */
  frames: number;
  /** The same in ms. */
  ms: number;
  /** The context's baseLatency + outputLatency in ms, where the browser knows them (else 0). */
  outputMs: number;
  /** ms + outputMs: from the change to the speaker. */
  totalMs: number;
}

/**
 * The latency of control `seq`, heard `frames` render frames after it was sent, with the
 * context's output latency where the browser reports it.
 */
export function controlLatency(ctx: AudioContext, seq: number, frames: number): ControlLatency {
  const ms = (1000 * frames) / ctx.sampleRate;
  const outputMs = 1000 * ((ctx.baseLatency || 0) + (ctx.outputLatency || 0));
  return { seq, frames, ms, outputMs, totalMs: ms + outputMs };
}

/** Counters of a running stream. */
export interface StreamStats extends ConsumerStats {
  transport: StreamTransport;
  bufferFrames: number;
  /** Generation time per 128 frames in the Worker. */
  producer: ProducerTiming | null;
}

/** A running stream. */
export interface AudioStream {
  /** The worklet node: connect it where the audio should go. */
  readonly node: AudioWorkletNode;
  readonly transport: StreamTransport;
  readonly bufferFrames: number;
  /** Sends a control change to the generator; resolves once its first affected sample has been played. */
  control(message: ControlMessage): Promise<ControlLatency>;
  /** Underruns and timings so far. */
  stats(): Promise<StreamStats>;
  /** Stops the Worker and the worklet, and disconnects the node. */
  close(): void;
}

/** A generator's factory may load a model first (the DDSP decoder: fetch, compile, warm up). */
const READY_TIMEOUT_MS = 30_000;

/** What the producer buffers before it waits (its lead, or the whole buffer), in whole blocks: the worklet's pre-roll. */
export function prerollFrames(transport: StreamTransport, bufferFrames: number, blockFrames: number, leadFrames?: number): number {
  const lead = transport === 'shared' && leadFrames ? Math.min(leadFrames, bufferFrames) : bufferFrames;
  return Math.max(blockFrames, Math.floor(lead / blockFrames) * blockFrames);
}

/**
 * Starts a stream and resolves once its Worker is producing.
 * @example
 * const stream = await createAudioStream(ctx, { generator: 'sine', options: { frequency: 440 } });
 * stream.node.connect(ctx.destination);
 * const { totalMs } = await stream.control({ frequency: 660 });
 */
export async function createAudioStream(ctx: AudioContext, opts: AudioStreamOptions): Promise<AudioStream> {
  const channels = opts.channels ?? 1;
  const blockFrames = opts.blockFrames ?? 128;
  const bufferFrames = opts.bufferFrames ?? 2048;
  if (bufferFrames < blockFrames) throw new Error(`audio stream: bufferFrames (${bufferFrames}) must hold at least one block (${blockFrames})`);
  const transport = pickTransport(opts.transport);
  await addWorkletModuleOnce(ctx, processorUrl);

  const ownWorker = !opts.worker;
  const worker = opts.worker ?? new Worker(new URL('./generatorWorker.ts', import.meta.url), { type: 'module' });
  const ring = transport === 'shared' ? (allocateRingBuffer(bufferFrames, channels) as SharedArrayBuffer) : undefined;
  const statsMemory = transport === 'shared' ? new SharedArrayBuffer(4 * STATS.length) : undefined;
  const shared = statsMemory ? new Int32Array(statsMemory) : null;
  const processorOptions: StreamProcessorOptions = {
    channels, bufferFrames, blockFrames, ring, stats: statsMemory, prerollFrames: prerollFrames(transport, bufferFrames, blockFrames, opts.leadFrames && Math.max(opts.leadFrames, opts.startLeadFrames ?? 0)),
  };
  const node = new AudioWorkletNode(ctx, STREAM_PROCESSOR, { numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [channels], processorOptions });
  const channel = new MessageChannel();
  const toWorklet = (msg: ToWorklet, transfer: Transferable[] = []): void => node.port.postMessage(msg, transfer);
  const toWorker = (msg: ToWorker, transfer: Transferable[] = []): void => worker.postMessage(msg, transfer);
  toWorklet({ type: 'connect', port: channel.port2 }, [channel.port2]);

  const heard = new Map<number, { sendFrame: number; resolve(l: ControlLatency): void; reject(e: Error): void }>();
  const statsWaiting = new Map<number, (s: ConsumerStats) => void>();
  const timingWaiting: ((t: ProducerTiming) => void)[] = [];
  let seq = 0;
  let closed = false;

  listen(node.port as unknown as PortLike, (data) => {
    const msg = data as FromWorklet;
    if (msg.type === 'stats') {
      statsWaiting.get(msg.id)?.(msg);
      statsWaiting.delete(msg.id);
      return;
    }
    const wait = heard.get(msg.seq);
    if (!wait) return;
    heard.delete(msg.seq);
    wait.resolve(controlLatency(ctx, msg.seq, frameDelta(msg.emitFrame % FRAME_MODULUS, wait.sendFrame)));
  });

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`audio stream: the worker did not start generator "${opts.generator}" within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    listen(worker as unknown as PortLike, (data) => {
      const msg = data as FromWorker;
      if (msg.type === 'ready') {
        clearTimeout(timer);
        resolve();
      } else if (msg.type === 'error') {
        clearTimeout(timer);
        reject(new Error(msg.message));
        opts.onError?.(msg.message);
      } else {
        const { type: _type, ...timing } = msg;
        timingWaiting.shift()?.(timing);
      }
    });
    worker.addEventListener('error', (e) => reject(new Error(`audio stream: the worker failed to load: ${e.message}`)));
  });
  toWorker({
    type: 'init', generator: opts.generator, options: opts.options ?? {}, sampleRate: ctx.sampleRate,
    channels, blockFrames, bufferFrames, ring, stats: statsMemory, leadFrames: opts.leadFrames, startLeadFrames: opts.startLeadFrames, port: channel.port1,
  }, [channel.port1]);
  try {
    await ready;
  } catch (err) {
    node.disconnect();
    toWorklet({ type: 'close' });
    if (ownWorker) worker.terminate();
    throw err;
  }

  /** The render frame now, modulo 2³¹: from the worklet's shared counter, or from currentTime. */
  const renderFrameNow = (): number => (shared
    ? Atomics.load(shared, STATS.renderFrame)
    : Math.round(ctx.currentTime * ctx.sampleRate) % FRAME_MODULUS);

  return {
    node,
    transport,
    bufferFrames,
    control(message) {
      if (closed) return Promise.reject(new Error('audio stream: control after close'));
      const id = ++seq;
      const sendFrame = renderFrameNow();
      const result = new Promise<ControlLatency>((resolve, reject) => heard.set(id, { sendFrame, resolve, reject }));
      toWorker({ type: 'control', seq: id, message });
      return result;
    },
    async stats() {
      if (closed) throw new Error('audio stream: stats after close');
      const id = ++seq;
      const consumer = new Promise<ConsumerStats>((resolve) => statsWaiting.set(id, resolve));
      const producer = new Promise<ProducerTiming>((resolve) => timingWaiting.push(resolve));
      toWorklet({ type: 'stats', id });
      toWorker({ type: 'timing' });
      const [c, p] = await Promise.all([consumer, producer]);
      return { ...c, transport, bufferFrames, producer: p };
    },
    close() {
      if (closed) return;
      closed = true;
      toWorker({ type: 'stop' });
      toWorklet({ type: 'close' });
      node.disconnect();
      if (ownWorker) worker.terminate();
      for (const w of heard.values()) w.reject(new Error('audio stream: closed before the change was heard'));
      heard.clear();
    },
  };
}
