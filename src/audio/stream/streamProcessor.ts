/**
 * The AudioWorklet processor 'genpatch-stream': plays a Worker's blocks from the shared ring (or from
 * messages), counts underruns and reports where control changes were heard. Loaded by
 * `createAudioStream` through Vite's `?worker&url`, so it is bundled with its imports.
 */
import { listen, type PortLike } from './messagePort';
import { PortSource } from './portSource';
import { STREAM_PROCESSOR, type FromWorklet, type StreamProcessorOptions, type ToWorklet, type WorkerToWorklet } from './protocol';
import { AudioRingBuffer } from './ringBuffer';
import { StreamReader } from './streamReader';

// AudioWorkletGlobalScope members (not in TypeScript's DOM lib).
declare const currentFrame: number;
declare function registerProcessor(name: string, ctor: new (options: { processorOptions: StreamProcessorOptions }) => unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

class StreamProcessor extends AudioWorkletProcessor {
  private readonly options: StreamProcessorOptions;
  private readonly ring: AudioRingBuffer | null;
  private readonly reader: StreamReader;
  private portSource: PortSource | null = null;
  private alive = true;

  constructor({ processorOptions }: { processorOptions: StreamProcessorOptions }) {
    super();
    this.options = processorOptions;
    this.ring = processorOptions.ring ? new AudioRingBuffer(processorOptions.ring) : null;
    const source = this.ring ?? {
      read: (t: readonly Float32Array[], f: number) => this.portSource?.read(t, f) ?? 0,
      availableRead: () => this.portSource?.availableRead() ?? 0,
    };
    const stats = processorOptions.stats ? new Int32Array(processorOptions.stats) : null;
    this.reader = new StreamReader(source, (seq, emitFrame) => this.toPage({ type: 'marker', seq, emitFrame }), stats, processorOptions.prerollFrames);
    listen(this.port as unknown as PortLike, (data) => this.fromPage(data as ToWorklet));
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    this.reader.render(outputs[0], currentFrame);
    this.ring?.notifyRead();
    return this.alive;
  }

  private toPage(msg: FromWorklet): void {
    this.port.postMessage(msg);
  }

  private fromPage(msg: ToWorklet): void {
    if (msg.type === 'stats') this.toPage({ type: 'stats', id: msg.id, ...this.reader.stats() });
    else if (msg.type === 'close') this.alive = false;
    else this.connectWorker(msg.port as unknown as PortLike);
  }

  /** Takes the Worker's end of the channel: markers always, blocks when there is no shared ring. */
  private connectWorker(worker: PortLike): void {
    const { channels, bufferFrames, blockFrames } = this.options;
    if (!this.ring) this.portSource = new PortSource(worker, channels, bufferFrames, blockFrames);
    listen(worker, (data) => {
      const m = data as WorkerToWorklet;
      if (m.type === 'marker') this.reader.addMarker(m.seq, m.frame);
      else this.portSource?.push(m.data);
    });
  }
}

registerProcessor(STREAM_PROCESSOR, StreamProcessor);
