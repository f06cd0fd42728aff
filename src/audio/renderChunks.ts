/**
 * Splits a render into chunks of a few seconds, each rendered on its own offline context and
 * added into the output at its offset. Web Audio keeps every node of an offline graph alive to the
 * end of the render (node-web-audio-api frees them only on JS garbage collection), so one graph
 * with a node per note costs time × notes; chunks keep that product small, make render time linear
 * in length, and give cancellation and progress a point between chunks.
 */
import type { NoteEvent } from './noteEvents';

/** Length of a chunk in seconds (a whole number of samples at every common rate). */
export const CHUNK_SECONDS = 10;

/** The notes starting in one chunk, with times relative to the chunk, and the span it renders. */
export interface RenderChunk {
  /** First sample of the chunk in the output. */
  offset: number;
  /** Samples rendered: until the last of its notes has rung out (or the output ends). */
  length: number;
  events: NoteEvent[];
}

/**
 * The chunks of a render of `events`: each note goes to the chunk it starts in and is rendered
 * there whole, for `ringSeconds(note)` from its start (duration plus release or decay).
 * @example
 * planChunks(events, 44100, totalSamples, (e) => e.duration + 0.5); // [{ offset: 0, length, events }, …]
 */
export function planChunks(
  events: readonly NoteEvent[], sampleRate: number, totalLength: number, ringSeconds: (e: NoteEvent) => number,
  chunkSeconds = CHUNK_SECONDS,
): RenderChunk[] {
  const chunkSamples = Math.round(chunkSeconds * sampleRate);
  const groups = new Map<number, NoteEvent[]>();
  for (const e of events) {
    const index = Math.floor((e.time * sampleRate) / chunkSamples);
    groups.set(index, [...(groups.get(index) ?? []), e]);
  }
  return [...groups.keys()].sort((a, b) => a - b).flatMap((index) => {
    const offset = index * chunkSamples;
    if (offset >= totalLength) return [];
    const group = groups.get(index)!;
    const until = Math.max(...group.map((e) => Math.ceil((e.time + ringSeconds(e)) * sampleRate)));
    const start = offset / sampleRate;
    return [{
      offset,
      length: Math.max(1, Math.min(until, totalLength) - offset),
      events: group.map((e) => ({ ...e, time: e.time - start })),
    }];
  });
}
