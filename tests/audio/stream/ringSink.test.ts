/**
 * The ring producer's adaptive lead: it keeps only the lead buffered, lengthens it by one step per
 * new underrun the worklet counts, never past the ring, shortens it by a block after a calm stretch,
 * never below its floor, starts from a longer start lead if given, and without a lead fills the whole ring.
 */
import { describe, expect, it } from 'vitest';
import { RingSink, type AdaptiveLead } from '../../../src/audio/stream/blockSinks';
import { allocateRingBuffer, AudioRingBuffer } from '../../../src/audio/stream/ringBuffer';

const BLOCK = 128;

/** Pushes blocks while the sink has space; returns the frames now buffered. */
function fill(sink: RingSink, ring: AudioRingBuffer): number {
  while (sink.space() >= BLOCK) sink.push(sink.block(), BLOCK);
  return ring.availableRead();
}

/** Reads `frames` frames, as the worklet would. */
function play(ring: AudioRingBuffer, frames: number): void {
  ring.read([new Float32Array(frames)], frames);
}

/** The sink's lead after each of `times` rounds of playing `frames` frames and refilling. */
function leadsWhilePlaying(sink: RingSink, ring: AudioRingBuffer, times: number, frames: number): number[] {
  const leads: number[] = [];
  for (let i = 0; i < times; i++) {
    play(ring, frames);
    fill(sink, ring);
    leads.push(sink.leadFrames());
  }
  return leads;
}

describe('RingSink lead', () => {
  it('without a lead fills the whole ring', () => {
    const ring = new AudioRingBuffer(allocateRingBuffer(4096, 1));
    const sink = new RingSink(ring, BLOCK);
    expect(fill(sink, ring)).toBe(4096);
    expect(sink.leadFrames()).toBe(4096);
  });

  it('keeps only the lead ahead, and lengthens it by a step for each new underrun, up to the ring', () => {
    const ring = new AudioRingBuffer(allocateRingBuffer(4096, 1));
    let underruns = 0;
    const lead: AdaptiveLead = { frames: 1024, step: 512, relaxFrames: 1e9, underruns: () => underruns };
    const sink = new RingSink(ring, BLOCK, lead);
    expect(fill(sink, ring)).toBe(1024);
    play(ring, 256);
    expect(fill(sink, ring)).toBe(1024);

    underruns = 1;
    expect(fill(sink, ring)).toBe(1536);
    expect(sink.leadFrames()).toBe(1536);
    expect(fill(sink, ring)).toBe(1536);

    underruns = 2;
    play(ring, 1536);
    expect(fill(sink, ring)).toBe(2048);
    for (let i = 3; i < 12; i++) {
      underruns = i;
      fill(sink, ring);
    }
    expect(sink.leadFrames()).toBe(4096);
    expect(ring.availableRead()).toBe(4096);
  });

  it('shortens the lead by a block after each calm stretch, down to where it started', () => {
    const ring = new AudioRingBuffer(allocateRingBuffer(4096, 1));
    let underruns = 0;
    const sink = new RingSink(ring, BLOCK, { frames: 1024, step: 512, relaxFrames: 4096, underruns: () => underruns });
    underruns = 2;
    expect(fill(sink, ring)).toBe(1536);
    const leads = leadsWhilePlaying(sink, ring, 40, 512);
    expect(leads[0]).toBe(1536);
    expect(leads.some((l) => l > 1024 && l < 1536)).toBe(true);
    expect(leads.at(-1)).toBe(1024);
    expect(Math.min(...leads)).toBe(1024);
    underruns = 3;
    play(ring, 512);
    fill(sink, ring);
    expect(sink.leadFrames()).toBe(1536);
  });

  it('starts at its start lead and falls from there to the floor while it keeps up', () => {
    const ring = new AudioRingBuffer(allocateRingBuffer(4096, 1));
    const sink = new RingSink(ring, BLOCK, { frames: 1024, startFrames: 2048, step: 512, relaxFrames: 4096, underruns: () => 0 });
    expect(fill(sink, ring)).toBe(2048);
    const leads = leadsWhilePlaying(sink, ring, 200, 256);
    expect(leads[0]).toBeGreaterThan(1024);
    expect(leads.at(-1)).toBe(1024);
    expect(leads.every((l, i) => i === 0 || l <= leads[i - 1])).toBe(true);
    expect(new RingSink(ring, BLOCK, { frames: 1024, startFrames: 512, step: 512, relaxFrames: 1, underruns: () => 0 }).leadFrames()).toBe(1024);
  });

  it('holds at least one block and at most the ring', () => {
    const ring = new AudioRingBuffer(allocateRingBuffer(2048, 1));
    expect(new RingSink(ring, BLOCK, { frames: 16, step: 512, relaxFrames: 1e9, underruns: () => 0 }).leadFrames()).toBe(BLOCK);
    expect(new RingSink(ring, BLOCK, { frames: 9000, step: 512, relaxFrames: 1e9, underruns: () => 0 }).leadFrames()).toBe(2048);
  });
});
