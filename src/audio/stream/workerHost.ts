/**
 * The Worker side of a stream: a Worker entry calls `hostBlockGenerators` with the generators it
 * offers; the page's `createAudioStream` picks one by name and drives it with messages.
 */
import type { BlockGeneratorFactory, ControlMessage } from './blockGenerator';
import { PortSink, RingSink, type AdaptiveLead, type BlockSink } from './blockSinks';
import { listen, type PortLike } from './messagePort';
import type { FromWorker, InitMessage, ToWorker } from './protocol';
import { AudioRingBuffer } from './ringBuffer';
import { StreamProducer } from './streamProducer';
import { STATS } from './streamReader';

/** The adaptive lead a ring stream asked for (leadFrames and the worklet's counters), else null. */
function adaptiveLead(init: InitMessage): AdaptiveLead | null {
  if (!init.leadFrames || !init.stats || init.leadFrames >= init.bufferFrames) return null;
  const counters = new Int32Array(init.stats);
  // +4 blocks per underrun; −1 block per half second of output without one.
  return {
    frames: init.leadFrames, startFrames: init.startLeadFrames, step: 4 * init.blockFrames, relaxFrames: init.sampleRate / 2,
    underruns: () => Atomics.load(counters, STATS.underruns),
  };
}

/**
 * Serves `factories` on `scope` (the Worker's global scope, or Node's parentPort in tests).
 * @example
 * // myDecoderWorker.ts — a Worker entry
 * hostBlockGenerators({ ddsp: createDdspGenerator });
 */
export function hostBlockGenerators(factories: Readonly<Record<string, BlockGeneratorFactory>>, scope: PortLike = self as unknown as PortLike): void {
  let producer: StreamProducer | null = null;
  let workletPort: PortLike | null = null;
  const early: { seq: number; message: ControlMessage }[] = [];
  const post = (msg: FromWorker): void => scope.postMessage(msg);

  listen(scope, (data) => {
    const msg = data as ToWorker;
    switch (msg.type) {
      case 'init':
        workletPort = msg.port;
        start(msg).then((p) => {
          producer = p;
          for (const c of early.splice(0)) p.control(c.seq, c.message);
        }, (err: Error) => post({ type: 'error', message: err.message }));
        return;
      case 'control':
        if (producer) producer.control(msg.seq, msg.message);
        else early.push({ seq: msg.seq, message: msg.message });
        return;
      case 'timing':
        if (producer) post({ type: 'timing', ...producer.timing() });
        return;
      case 'stop':
        producer?.stop();
        workletPort?.close?.();
        return;
    }
  });

  async function start(init: InitMessage): Promise<StreamProducer> {
    const factory = factories[init.generator];
    if (!factory) throw new Error(`stream worker: no generator "${init.generator}" (this worker offers: ${Object.keys(factories).join(', ') || 'none'})`);
    const generator = await factory({ sampleRate: init.sampleRate, channels: init.channels, blockFrames: init.blockFrames, options: init.options });
    const port = init.port as unknown as PortLike;
    const sink: BlockSink = init.ring
      ? new RingSink(new AudioRingBuffer(init.ring), init.blockFrames, adaptiveLead(init))
      : new PortSink(port, init.channels, init.blockFrames, init.bufferFrames);
    const p = new StreamProducer(generator, sink, {
      blockFrames: init.blockFrames,
      onMarker: (seq, frame) => port.postMessage({ type: 'marker', seq, frame }),
      onError: (message) => post({ type: 'error', message: `generator "${init.generator}": ${message}` }),
      now: () => performance.now(),
    });
    post({ type: 'ready' });
    void p.run();
    return p;
  }
}
