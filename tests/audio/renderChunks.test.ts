import { describe, expect, it } from 'vitest';
import type { NoteEvent } from '../../src/audio/noteEvents';
import { planChunks } from '../../src/audio/renderChunks';

const note = (time: number, duration = 1): NoteEvent => ({ pitch: 60, frequency: 261.6, velocity: 1, time, duration, voice: 0 });
const RATE = 1000;

describe('planChunks', () => {
  it('puts each note in the chunk it starts in, with times relative to the chunk', () => {
    const chunks = planChunks([note(0.5), note(9.5, 3), note(10), note(25)], RATE, 40 * RATE, (e) => e.duration + 0.5, 10);
    expect(chunks.map((c) => c.offset)).toEqual([0, 10000, 20000]);
    expect(chunks[0].events.map((e) => e.time)).toEqual([0.5, 9.5]);
    expect(chunks[1].events.map((e) => e.time)).toEqual([0]);
    expect(chunks[2].events.map((e) => e.time)).toEqual([5]);
  });

  it('renders each chunk until its last note has rung out, even past the next chunk start', () => {
    const [first, second] = planChunks([note(0.5), note(9.5, 3), note(10)], RATE, 40 * RATE, (e) => e.duration + 0.5, 10);
    expect(first.length).toBe(13000); // 9.5 + 3 + 0.5
    expect(second.length).toBe(1500);
  });

  it('stops at the end of the output and skips nothing but empty chunks', () => {
    const chunks = planChunks([note(1, 30)], RATE, 5 * RATE, (e) => e.duration, 10);
    expect(chunks).toEqual([{ offset: 0, length: 5000, events: [note(1, 30)] }]);
    expect(planChunks([], RATE, 5 * RATE, () => 1)).toEqual([]);
  });
});
