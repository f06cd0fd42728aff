/** The worklet's frame source when the page is not cross-origin isolated: blocks arrive as messages into a local ring, and credits go back. */
import type { PortLike } from './messagePort';
import { AudioRingBuffer, allocateRingBuffer } from './ringBuffer';
import type { FrameSource } from './streamReader';

/**
 * Buffers posted blocks and returns credit to the producer once a block's worth has been played.
 * @example
 * const source = new PortSource(workerPort, 2, 4096, 128);
 * source.push(message.data); // on each { type: 'block' }
 */
export class PortSource implements FrameSource {
  private readonly ring: AudioRingBuffer;
  private owed = 0;

  constructor(private readonly port: PortLike, channels: number, bufferFrames: number, private readonly creditFrames: number) {
    this.ring = new AudioRingBuffer(allocateRingBuffer(bufferFrames, channels, false));
  }

  /** Takes a block that came from the producer (credits keep it within the buffer, so it always fits). */
  push(data: Float32Array[]): void {
    this.ring.write(data, data[0]?.length ?? 0);
  }

  /** Frames buffered and not yet played. */
  availableRead(): number {
    return this.ring.availableRead();
  }

  read(target: readonly Float32Array[], frames: number): number {
    const n = this.ring.read(target, frames);
    this.owed += n;
    if (this.owed >= this.creditFrames) {
      this.port.postMessage({ type: 'credit', frames: this.owed });
      this.owed = 0;
    }
    return n;
  }
}
