import { describe, expect, it } from 'vitest';
import { AudioRingBuffer, allocateRingBuffer, ringBufferBytes } from '../../../src/audio/stream/ringBuffer';
import { createRng } from '../../../src/engine/rng';
import { startTsWorker } from './tsWorker';

/** Frames [from, from + n) of a two-channel ramp: channel 0 counts up, channel 1 counts down. */
const ramp = (from: number, n: number): Float32Array[] => [
  Float32Array.from({ length: n }, (_, i) => from + i),
  Float32Array.from({ length: n }, (_, i) => -(from + i)),
];

describe('AudioRingBuffer', () => {
  it('tells full from empty and copies planar frames in order', () => {
    const ring = new AudioRingBuffer(allocateRingBuffer(8, 2));
    expect([ring.capacity, ring.channels, ring.availableRead(), ring.availableWrite()]).toEqual([8, 2, 0, 8]);
    const out = [new Float32Array(8), new Float32Array(8)];
    expect(ring.read(out, 8)).toBe(0);
    expect(ring.write(ramp(0, 5))).toBe(5);
    expect(ring.write(ramp(5, 5))).toBe(3); // only three fit
    expect([ring.availableRead(), ring.availableWrite()]).toEqual([8, 0]);
    expect(ring.write(ramp(8, 1))).toBe(0);
    expect(ring.read(out, 8)).toBe(8);
    expect([...out[0]]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...out[1]]).toEqual([-0, -1, -2, -3, -4, -5, -6, -7]);
    expect(ring.availableRead()).toBe(0);
  });

  it('wraps around with chunks of every size, in shared and plain memory', () => {
    for (const shared of [true, false]) {
      const ring = new AudioRingBuffer(allocateRingBuffer(7, 2, shared));
      const rng = createRng(3);
      let written = 0;
      let read = 0;
      const out = [new Float32Array(7), new Float32Array(7)];
      for (let step = 0; step < 2000; step++) {
        written += ring.write(ramp(written, 1 + rng.int(7)));
        const want = 1 + rng.int(7);
        const got = ring.read(out, want);
        expect(got).toBe(Math.min(want, written - read));
        for (let i = 0; i < got; i++) {
          expect(out[0][i]).toBe(read + i);
          expect(out[1][i]).toBe(-(read + i));
        }
        read += got;
      }
      expect(read).toBeGreaterThan(2000 * 2);
    }
  });

  it('reads into and writes from an offset', () => {
    const ring = new AudioRingBuffer(allocateRingBuffer(4, 1));
    expect(ring.write([Float32Array.from([9, 1, 2, 3])], 2, 1)).toBe(2);
    const out = [new Float32Array(4)];
    expect(ring.read(out, 4, 2)).toBe(2);
    expect([...out[0]]).toEqual([0, 0, 1, 2]);
  });

  it('says what is wrong with bad arguments', () => {
    expect(() => ringBufferBytes(0, 1)).toThrow(/capacity must be a positive integer/);
    expect(() => ringBufferBytes(8, 0)).toThrow(/channels must be an integer/);
    const ring = new AudioRingBuffer(allocateRingBuffer(8, 2));
    expect(() => ring.write([new Float32Array(2)])).toThrow(/write got 1 channels, the ring has 2/);
    expect(() => ring.read([new Float32Array(2)])).toThrow(/read got 1 channels/);
    const memory = allocateRingBuffer(8, 2);
    expect(() => new AudioRingBuffer(memory.slice(0, 64))).toThrow(/does not match its header/);
  });

  it('carries 200k frames intact from a producer thread to a consumer thread', async () => {
    const capacity = 1000;
    const total = 200_000;
    const memory = allocateRingBuffer(capacity, 2);
    const ring = new AudioRingBuffer(memory);
    const worker = startTsWorker(new URL('./ringProducer.worker.ts', import.meta.url), { memory, total, seed: 11 });
    const finished = new Promise<{ waits: number }>((resolve, reject) => {
      worker.on('message', resolve);
      worker.on('error', reject);
    });
    const rng = createRng(12);
    const out = [new Float32Array(512), new Float32Array(512)];
    let read = 0;
    let mismatches = 0;
    let fullSeen = 0;
    while (read < total) {
      if (ring.availableWrite() === 0) fullSeen++;
      const got = ring.read(out, 1 + rng.int(512));
      ring.notifyRead();
      for (let i = 0; i < got; i++) {
        if (out[0][i] !== read + i || out[1][i] !== -(read + i)) mismatches++;
      }
      read += got;
      if (got === 0 || rng.int(8) === 0) await new Promise((r) => setImmediate(r));
    }
    const { waits } = await finished;
    await worker.terminate();
    expect(mismatches).toBe(0);
    expect(read).toBe(total);
    // The producer outran the consumer at times and had to wait for room: both ends were exercised.
    expect(waits + fullSeen).toBeGreaterThan(0);
  });
});
