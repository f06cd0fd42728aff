/** Where a producer puts its blocks: the shared ring, or messages to the worklet paid for with credits. */
import { listen, type PortLike } from './messagePort';
import type { CreditMessage } from './protocol';
import type { AudioRingBuffer } from './ringBuffer';

/** How long a producer waits before looking again, so a suspended consumer never leaves it stuck. */
const WAIT_MS = 50;

/** A destination for generated blocks. */
export interface BlockSink {
  /** Frames that can be pushed now. */
  space(): number;
  /** Arrays to generate the next block into (channels × blockFrames). */
  block(): Float32Array[];
  /** Hands over `frames` frames of `block`. */
  push(block: Float32Array[], frames: number): void;
  /** Resolves when space may have grown. */
  waitForSpace(): Promise<void>;
}

/** Writes into a SharedArrayBuffer ring; reuses one scratch block. */
export class RingSink implements BlockSink {
  private readonly scratch: Float32Array[];

  constructor(private readonly ring: AudioRingBuffer, blockFrames: number) {
    this.scratch = Array.from({ length: ring.channels }, () => new Float32Array(blockFrames));
  }

  space(): number {
    return this.ring.availableWrite();
  }

  block(): Float32Array[] {
    return this.scratch;
  }

  push(block: Float32Array[], frames: number): void {
    const written = this.ring.write(block, frames);
    if (written !== frames) throw new Error(`stream producer: the ring took ${written} of ${frames} frames (it checked for space first)`);
  }

  waitForSpace(): Promise<void> {
    return this.ring.waitForRead(WAIT_MS);
  }
}

/**
 * Posts each block (transferred, not copied) to the worklet. The worklet's buffer holds `bufferFrames`;
 * the sink starts with that much credit and gets it back as the worklet plays.
 */
export class PortSink implements BlockSink {
  private credit: number;
  private wake: (() => void) | null = null;

  constructor(private readonly port: PortLike, private readonly channels: number, private readonly blockFrames: number, bufferFrames: number) {
    this.credit = bufferFrames;
    listen(port, (data) => {
      const msg = data as CreditMessage;
      if (msg.type !== 'credit') return;
      this.credit += msg.frames;
      this.wake?.();
    });
  }

  space(): number {
    return this.credit;
  }

  block(): Float32Array[] {
    return Array.from({ length: this.channels }, () => new Float32Array(this.blockFrames));
  }

  push(block: Float32Array[], frames: number): void {
    const data = frames === this.blockFrames ? block : block.map((b) => b.slice(0, frames));
    this.port.postMessage({ type: 'block', data }, data.map((b) => b.buffer as ArrayBuffer));
    this.credit -= frames;
  }

  waitForSpace(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, WAIT_MS);
      this.wake = done;
    });
  }
}
