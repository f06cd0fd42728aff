/**
 * A single-producer / single-consumer ring buffer of planar float audio over a SharedArrayBuffer
 * (or a plain ArrayBuffer, for one thread). Lock-free: the producer alone stores the write index,
 * the consumer alone stores the read index, both with Atomics, after copying the samples.
 */

/** Slots of the Int32 header. */
const READ = 0;
const WRITE = 1;
const CAPACITY = 2;
const CHANNELS = 3;
const HEADER_BYTES = 16;

/** `Atomics.waitAsync` (ES2024), typed here because the project's lib is ES2022. */
type WaitAsync = (array: Int32Array, index: number, value: number, timeoutMs?: number) => { async: boolean; value: Promise<string> | string };

/** Bytes a ring of `capacity` frames × `channels` needs (one spare slot tells full from empty). */
export function ringBufferBytes(capacity: number, channels: number): number {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`ring buffer: capacity must be a positive integer of frames, got ${capacity}`);
  if (!Number.isInteger(channels) || channels < 1 || channels > 32) throw new Error(`ring buffer: channels must be an integer in 1..32, got ${channels}`);
  return HEADER_BYTES + 4 * channels * (capacity + 1);
}

/**
 * Allocates and initialises the memory of a ring; shared (SharedArrayBuffer) unless `shared` is false.
 * @example
 * const memory = allocateRingBuffer(4096, 2); // post it to a worker and a worklet
 * const ring = new AudioRingBuffer(memory);
 */
export function allocateRingBuffer(capacity: number, channels: number, shared = true): ArrayBufferLike {
  const bytes = ringBufferBytes(capacity, channels);
  const memory = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  const header = new Int32Array(memory, 0, 4);
  header[CAPACITY] = capacity;
  header[CHANNELS] = channels;
  return memory;
}

/**
 * A view of ring memory made by `allocateRingBuffer`; each thread makes its own view of the same memory.
 * @example
 * const n = ring.write([left, right]);      // producer: copies as many frames as fit
 * const m = ring.read(outputs[0], 128);     // consumer: copies up to 128 frames
 */
export class AudioRingBuffer {
  /** Frames the ring holds when full. */
  readonly capacity: number;
  /** Channels per frame. */
  readonly channels: number;
  private readonly header: Int32Array;
  private readonly data: Float32Array[];
  private readonly slots: number;
  private readonly shared: boolean;

  constructor(memory: ArrayBufferLike) {
    this.header = new Int32Array(memory, 0, 4);
    this.capacity = this.header[CAPACITY];
    this.channels = this.header[CHANNELS];
    this.slots = this.capacity + 1;
    this.shared = typeof SharedArrayBuffer !== 'undefined' && memory instanceof SharedArrayBuffer;
    if (memory.byteLength !== ringBufferBytes(this.capacity, this.channels)) {
      throw new Error(`ring buffer: memory of ${memory.byteLength} bytes does not match its header (${this.capacity} frames × ${this.channels} channels)`);
    }
    this.data = Array.from({ length: this.channels }, (_, c) => new Float32Array(memory, HEADER_BYTES + 4 * c * this.slots, this.slots));
  }

  /** Frames ready to read. */
  availableRead(): number {
    return (Atomics.load(this.header, WRITE) - Atomics.load(this.header, READ) + this.slots) % this.slots;
  }

  /** Frames that can be written now. */
  availableWrite(): number {
    return this.capacity - this.availableRead();
  }

  /** Copies up to `frames` frames of `source` (one array per channel, from `offset`) in; returns how many fitted. */
  write(source: readonly Float32Array[], frames = source[0]?.length ?? 0, offset = 0): number {
    if (source.length !== this.channels) throw new Error(`ring buffer: write got ${source.length} channels, the ring has ${this.channels}`);
    const w = Atomics.load(this.header, WRITE);
    const r = Atomics.load(this.header, READ);
    const free = this.capacity - (w - r + this.slots) % this.slots;
    const n = Math.min(frames, free);
    const first = Math.min(n, this.slots - w);
    for (let c = 0; c < this.channels; c++) {
      const src = source[c];
      this.data[c].set(src.subarray(offset, offset + first), w);
      if (n > first) this.data[c].set(src.subarray(offset + first, offset + n), 0);
    }
    Atomics.store(this.header, WRITE, (w + n) % this.slots);
    return n;
  }

  /** Copies up to `frames` frames out into `target` (one array per channel, from `offset`); returns how many it had. */
  read(target: readonly Float32Array[], frames = target[0]?.length ?? 0, offset = 0): number {
    if (target.length !== this.channels) throw new Error(`ring buffer: read got ${target.length} channels, the ring has ${this.channels}`);
    const r = Atomics.load(this.header, READ);
    const w = Atomics.load(this.header, WRITE);
    const n = Math.min(frames, (w - r + this.slots) % this.slots);
    const first = Math.min(n, this.slots - r);
    for (let c = 0; c < this.channels; c++) {
      const dst = target[c];
      dst.set(this.data[c].subarray(r, r + first), offset);
      if (n > first) dst.set(this.data[c].subarray(0, n - first), offset + first);
    }
    Atomics.store(this.header, READ, (r + n) % this.slots);
    return n;
  }

  /** Wakes a producer blocked in `waitForRead` (the consumer calls it after reading; a no-op on unshared memory). */
  notifyRead(): void {
    if (this.shared) Atomics.notify(this.header, READ);
  }

  /**
   * Resolves once the consumer has read since the call, or after `timeoutMs`, without blocking the
   * thread: `Atomics.waitAsync` where there is one, raced with a timer (Node settles waitAsync only
   * when its event loop wakes for something else).
   */
  waitForRead(timeoutMs: number): Promise<void> {
    const seen = Atomics.load(this.header, READ);
    const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      if (!waitAsync || !this.shared) return;
      const result = waitAsync(this.header, READ, seen, timeoutMs);
      const woken = (): void => {
        clearTimeout(timer);
        resolve();
      };
      if (result.async) void (result.value as Promise<string>).then(woken);
      else woken();
    });
  }
}
