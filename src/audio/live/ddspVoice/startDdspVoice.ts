/**
 * The page side of the live DDSP instrument on the audio thread: loads and checks the decoder's
 * weights (nodes/ddsp/live/workletDecoder.ts), starts the 'genpatch-ddsp' processor with them,
 * answers its requests for other instruments' weights, and times each control change to the first
 * sample it can change.
 */
import processorUrl from './ddspProcessor?worker&url';
import type { LiveDdspParams } from '../../../../nodes/ddsp/live/ddspGenerator';
import { loadWorkletDecoder } from '../../../../nodes/ddsp/live/workletDecoder';
import type { ModelSource } from '../../../ml/modelFiles';
import { addWorkletModuleOnce } from '../../workletModules';
import { controlLatency, type ControlLatency, type ControlMessage } from '../../stream';
import type { DecoderWeights } from '../../../../nodes/ddsp/live/decoderWeights';
import { DDSP_PROCESSOR, type DdspProcessorOptions, type FromDdspProcessor, type ToDdspProcessor } from './protocol';

/** A running voice: the worklet node to connect, and controls timed to their first sample. */
export interface DdspVoice {
  readonly node: AudioWorkletNode;
  /** Resolves once the processor has warmed its decoder up and plays (the node is silent until then); rejects if it fails first. */
  readonly ready: Promise<void>;
  control(message: ControlMessage): Promise<ControlLatency>;
  close(): void;
}

/** What the voice plays: the stream's seed and the instrument's params; where shipped models are read. */
export interface DdspVoiceOptions {
  seed: number;
  params: LiveDdspParams;
  models: ModelSource;
  /** Problems once it plays: a failing decoder, an instrument that cannot be loaded (earlier ones reject `ready`). */
  onError?(message: string): void;
}

/** How long the processor may take to warm up (it needs about half a second; a stalled machine, more). */
const READY_TIMEOUT_MS = 15_000;

/**
 * Starts the instrument on the audio thread; rejects (saying why) when its decoder cannot run there.
 * @example
 * const voice = await startDdspVoice(ctx, { seed: 1, params, models: fetchSource('/models/') });
 * voice.node.connect(ctx.destination);
 * await voice.control({ type: 'on', pitch: 67, velocity: 0.8 });
 */
export async function startDdspVoice(ctx: AudioContext, options: DdspVoiceOptions): Promise<DdspVoice> {
  // Each instrument's weights are loaded and checked once per voice, however often it is chosen again.
  const decoders = new Map<string, Promise<DecoderWeights>>();
  const weightsOf = (instrument: string): Promise<DecoderWeights> => {
    let w = decoders.get(instrument);
    if (!w) {
      w = loadWorkletDecoder(options.models, instrument);
      decoders.set(instrument, w);
      w.catch(() => decoders.delete(instrument));
    }
    return w;
  };
  const [, weights] = await Promise.all([addWorkletModuleOnce(ctx, processorUrl), weightsOf(options.params.instrument)]);
  const processorOptions: DdspProcessorOptions = { seed: options.seed, params: options.params, weights };
  const node = new AudioWorkletNode(ctx, DDSP_PROCESSOR, { numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [1], processorOptions });
  const post = (msg: ToDdspProcessor): void => node.port.postMessage(msg);
  const heard = new Map<number, { sendFrame: number; resolve(l: ControlLatency): void; reject(e: Error): void }>();
  let seq = 0;
  let closed = false;
  let failed = false;
  let settle: { resolve(): void; reject(e: Error): void } | null = null;
  const ready = new Promise<void>((resolve, reject) => { settle = { resolve, reject }; });
  const timer = setTimeout(() => fail(new Error(`DDSP voice: the audio thread did not warm the ${options.params.instrument} decoder up within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);

  /** Refuses everything still waiting with `err` (`ready` too, if the voice has not played yet). */
  function settleAll(err: Error): void {
    clearTimeout(timer);
    if (settle) settle.reject(err);
    settle = null;
    for (const w of heard.values()) w.reject(err);
    heard.clear();
  }
  /** A failure: before the voice played, `ready` rejects and its awaiter reports it; after, onError says it. */
  function fail(err: Error): void {
    if (failed || closed) return;
    failed = true;
    const beforeReady = settle !== null;
    settleAll(err);
    if (!beforeReady) options.onError?.(err.message);
  }

  node.onprocessorerror = () => fail(new Error('DDSP voice: the audio-thread processor stopped with an error'));
  node.port.onmessage = (e: MessageEvent<FromDdspProcessor>) => {
    const msg = e.data;
    if (msg.type === 'marker') {
      const wait = heard.get(msg.seq);
      if (!wait) return;
      heard.delete(msg.seq);
      wait.resolve(controlLatency(ctx, msg.seq, Math.max(0, msg.emitFrame - wait.sendFrame)));
    } else if (msg.type === 'need') {
      weightsOf(msg.instrument).then(
        (w) => post({ type: 'weights', instrument: msg.instrument, weights: w }),
        (err: Error) => post({ type: 'refused', instrument: msg.instrument, message: err.message }));
    } else if (msg.type === 'ready') {
      clearTimeout(timer);
      settle?.resolve();
      settle = null;
    } else if (msg.type === 'error') fail(new Error(msg.message));
  };

  return {
    node,
    ready,
    control(message) {
      if (closed || failed) return Promise.reject(new Error(`DDSP voice: control after ${closed ? 'close' : 'a failure'}`));
      const id = ++seq;
      const sendFrame = Math.round(ctx.currentTime * ctx.sampleRate);
      const result = new Promise<ControlLatency>((resolve, reject) => heard.set(id, { sendFrame, resolve, reject }));
      post({ type: 'control', seq: id, message });
      return result;
    },
    close() {
      if (closed) return;
      settleAll(new Error('DDSP voice: closed'));
      closed = true;
      post({ type: 'close' });
      node.disconnect();
    },
  };
}
