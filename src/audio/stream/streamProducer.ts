/** The Worker's loop: keep the sink full with generated blocks, apply control changes between blocks, and say where each took effect. */
import type { BlockGenerator, ControlMessage } from './blockGenerator';
import type { BlockSink } from './blockSinks';
import { BlockTimer } from './blockTimer';
import type { ProducerTiming } from './protocol';

/** Options of `new StreamProducer`. */
export interface StreamProducerOptions {
  blockFrames: number;
  /** Called when control `seq` is applied: its first affected frame is stream frame `frame`. */
  onMarker(seq: number, frame: number): void;
  /** Called when a control or a block fails; a failed block stops the producer. */
  onError(message: string): void;
  /** Milliseconds clock for the timings (performance.now). */
  now(): number;
}

/**
 * Runs a generator into a sink until stopped.
 * @example
 * const p = new StreamProducer(generator, new RingSink(ring, 128), { blockFrames: 128, onMarker, onError, now: () => performance.now() });
 * void p.run(); p.control(1, { frequency: 660 });
 */
export class StreamProducer {
  private readonly pending: { seq: number; message: ControlMessage }[] = [];
  private readonly timer: BlockTimer;
  private framesWritten = 0;
  private stopped = false;

  constructor(private readonly generator: BlockGenerator, private readonly sink: BlockSink, private readonly options: StreamProducerOptions) {
    this.timer = new BlockTimer(options.blockFrames);
  }

  /** Queues a control change for the next block. */
  control(seq: number, message: ControlMessage): void {
    this.pending.push({ seq, message });
  }

  /** Generation time per 128 frames. */
  timing(): ProducerTiming {
    return this.timer.summary();
  }

  /** Ends the loop after the block in progress. */
  stop(): void {
    this.stopped = true;
  }

  /** Produces until `stop()` or a failed block. */
  async run(): Promise<void> {
    const { blockFrames, now, onMarker, onError } = this.options;
    while (!this.stopped) {
      if (this.sink.space() < blockFrames) {
        await this.sink.waitForSpace();
        continue;
      }
      for (const { seq, message } of this.pending.splice(0)) {
        try {
          this.generator.control(message);
          onMarker(seq, this.framesWritten);
        } catch (err) {
          onError(`control ${seq} ${JSON.stringify(message)} was refused: ${(err as Error).message}`);
        }
      }
      const block = this.sink.block();
      const t0 = now();
      try {
        await this.generator.generate(block, blockFrames);
      } catch (err) {
        onError(`the generator failed on the block at frame ${this.framesWritten}: ${(err as Error).message}`);
        return;
      }
      this.timer.add(now() - t0);
      this.sink.push(block, blockFrames);
      this.framesWritten += blockFrames;
    }
  }
}
