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

/**
 * How far ahead of the worklet a ring producer keeps: `startFrames` at first (default `frames`),
 * raised by `step` each time the underrun count grows, up to the ring's size, and lowered by one
 * block after every `relaxFrames` frames produced without an underrun, down to `frames` — a jitter
 * buffer that starts safe, stays short (quick controls) where the machine keeps up and lengthens
 * itself where it does not.
 */
export interface AdaptiveLead {
  frames: number;
  /** The lead at the start, while the stream's first blocks meet cold code and caches (≥ frames). */
  startFrames?: number;
  step: number;
  relaxFrames: number;
  /** The worklet's underrun count so far. */
  underruns(): number;
}

/** Writes into a SharedArrayBuffer ring, keeping at most the lead buffered; reuses one scratch block. */
export class RingSink implements BlockSink {
  private readonly scratch: Float32Array[];
  private readonly floor: number;
  private frames: number;
  private seenUnderruns = 0;
  private calmFrames = 0;

  constructor(private readonly ring: AudioRingBuffer, private readonly blockFrames: number, private readonly lead: AdaptiveLead | null = null) {
    this.scratch = Array.from({ length: ring.channels }, () => new Float32Array(blockFrames));
    this.floor = lead ? Math.max(blockFrames, Math.min(ring.capacity, lead.frames)) : ring.capacity;
    this.frames = lead ? Math.max(this.floor, Math.min(ring.capacity, lead.startFrames ?? this.floor)) : this.floor;
  }

  /** Frames the producer keeps ahead now (the ring's size when the lead is not adaptive). */
  leadFrames(): number {
    return this.frames;
  }

  space(): number {
    const free = this.ring.availableWrite();
    if (!this.lead) return free;
    const underruns = this.lead.underruns();
    if (underruns > this.seenUnderruns) {
      this.seenUnderruns = underruns;
      this.calmFrames = 0;
      this.frames = Math.min(this.ring.capacity, this.frames + this.lead.step);
    } else if (this.calmFrames >= this.lead.relaxFrames) {
      this.calmFrames = 0;
      this.frames = Math.max(this.floor, this.frames - this.blockFrames);
    }
    return Math.max(0, Math.min(free, this.frames - this.ring.availableRead()));
  }

  block(): Float32Array[] {
    return this.scratch;
  }

  push(block: Float32Array[], frames: number): void {
    const written = this.ring.write(block, frames);
    if (written !== frames) throw new Error(`stream producer: the ring took ${written} of ${frames} frames (it checked for space first)`);
    this.calmFrames += frames;
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
