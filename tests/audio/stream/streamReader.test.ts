import { describe, expect, it } from 'vitest';
import type { PortLike } from '../../../src/audio/stream/messagePort';
import { PortSource } from '../../../src/audio/stream/portSource';
import { AudioRingBuffer, allocateRingBuffer } from '../../../src/audio/stream/ringBuffer';
import { PREROLL_PATIENCE, STATS, StreamReader, frameDelta } from '../../../src/audio/stream/streamReader';
import { prerollFrames } from '../../../src/audio/stream/audioStream';
import { pickTransport } from '../../../src/audio/stream/transport';

const ramp = (from: number, n: number): Float32Array[] => [Float32Array.from({ length: n }, (_, i) => 1 + from + i)];

describe('StreamReader', () => {
  it('counts quanta it had to fill with silence once the stream has started', () => {
    const ring = new AudioRingBuffer(allocateRingBuffer(1024, 1, false));
    const shared = new Int32Array(new SharedArrayBuffer(4 * STATS.length));
    const reader = new StreamReader(ring, () => undefined, shared);
    const out = [new Float32Array(128)];
    reader.render(out, 0); // nothing yet: the stream has not started, no underrun
    expect(reader.stats().underruns).toBe(0);
    ring.write(ramp(0, 300));
    reader.render(out, 128);
    reader.render(out, 256);
    expect(out[0][0]).toBe(129);
    reader.render(out, 384); // 44 frames left
    expect(out[0][43]).toBe(300);
    expect([...out[0].subarray(44)].every((v) => v === 0)).toBe(true);
    reader.render(out, 512); // empty
    expect(reader.stats()).toEqual({ underruns: 2, underrunFrames: 84 + 128, streamFrames: 300, quanta: 5 });
    expect([...shared]).toEqual([2, 212, 640, 300]);
  });

  it('waits for its pre-roll before it starts, so a producer filling its lead does not underrun the first quanta', () => {
    const ring = new AudioRingBuffer(allocateRingBuffer(4096, 1, false));
    const reader = new StreamReader(ring, () => undefined, null, 1024);
    const out = [new Float32Array(128)];
    ring.write(ramp(0, 512)); // half the lead: a producer still warming up
    reader.render(out, 0);
    expect(out[0].every((v) => v === 0)).toBe(true);
    expect(ring.availableRead()).toBe(512); // nothing taken
    ring.write(ramp(512, 512));
    for (let q = 0; q < 8; q++) reader.render(out, 128 * (q + 1));
    expect(out[0][127]).toBe(1024);
    expect(reader.stats()).toMatchObject({ underruns: 0, streamFrames: 1024 });
    reader.render(out, 9 * 128); // now the producer fell behind: that counts
    expect(reader.stats().underruns).toBe(1);
  });

  it('starts with what it has when the pre-roll never fills', () => {
    const ring = new AudioRingBuffer(allocateRingBuffer(4096, 1, false));
    const reader = new StreamReader(ring, () => undefined, null, 1024);
    const out = [new Float32Array(128)];
    ring.write(ramp(0, 256));
    for (let q = 0; q < PREROLL_PATIENCE - 1; q++) reader.render(out, 128 * q);
    expect(reader.stats().streamFrames).toBe(0);
    reader.render(out, 128 * PREROLL_PATIENCE);
    expect(reader.stats().streamFrames).toBe(128);
    expect(out[0][0]).toBe(1);
  });

  it('pre-rolls what the producer keeps ahead, in whole blocks', () => {
    expect(prerollFrames('shared', 4096, 128, 1024)).toBe(1024);
    expect(prerollFrames('shared', 4096, 128, 1000)).toBe(896);
    expect(prerollFrames('shared', 2048, 128)).toBe(2048);
    expect(prerollFrames('messages', 2048, 128, 1024)).toBe(2048); // messages have no adaptive lead
    expect(prerollFrames('shared', 4096, 512, 64)).toBe(512);
  });

  it('reports the render frame where a marked stream frame is played, even when the marker comes late', () => {
    const ring = new AudioRingBuffer(allocateRingBuffer(1024, 1, false));
    const heard: [number, number][] = [];
    const reader = new StreamReader(ring, (seq, frame) => heard.push([seq, frame]));
    const out = [new Float32Array(128)];
    reader.render(out, 1000); // silent start
    ring.write(ramp(0, 100));
    reader.addMarker(1, 50);
    reader.render(out, 1128); // stream frames 0..99 at render 1128..1227
    expect(heard).toEqual([[1, 1178]]);
    ring.write(ramp(100, 400));
    reader.addMarker(2, 300);
    reader.render(out, 1256); // 100..227
    expect(heard).toHaveLength(1);
    reader.render(out, 1384); // 228..355: frame 300 at 1384 + 72
    expect(heard[1]).toEqual([2, 1456]);
    reader.addMarker(3, 120); // already played at 1256 + 20
    expect(heard[2]).toEqual([3, 1276]);
  });

  it('takes differences of frame counters across the 2³¹ wrap', () => {
    expect(frameDelta(5, 2 ** 31 - 3)).toBe(8);
    expect(frameDelta(900, 100)).toBe(800);
  });
});

describe('PortSource', () => {
  it('buffers posted blocks and returns credit per block played', () => {
    const sent: unknown[] = [];
    const port: PortLike = { postMessage: (m) => sent.push(m), addEventListener: () => undefined };
    const source = new PortSource(port, 1, 512, 128);
    source.push(ramp(0, 256));
    expect(source.availableRead()).toBe(256);
    const out = [new Float32Array(100)];
    expect(source.read(out, 100)).toBe(100);
    expect(sent).toEqual([]);
    expect(source.read(out, 100)).toBe(100);
    expect(sent).toEqual([{ type: 'credit', frames: 200 }]);
    expect(out[0][99]).toBe(200);
  });
});

describe('pickTransport', () => {
  it('uses the shared ring only on a cross-origin isolated page', () => {
    expect(pickTransport('auto', true)).toBe('shared');
    expect(pickTransport('auto', false)).toBe('messages');
    expect(pickTransport('messages', true)).toBe('messages');
    expect(() => pickTransport('shared', false)).toThrow(/needs a cross-origin isolated page/);
    // Node is not a cross-origin isolated page.
    expect(pickTransport()).toBe('messages');
  });
});
