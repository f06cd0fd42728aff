/** Assigns overlapping notes to monophonic voices so each voice plays its notes one after another. */

/** A span a voice is busy for, in seconds. */
export interface BusySpan {
  time: number;
  /** When the voice is free again (note end plus release). */
  until: number;
}

/** Which voice plays each span, and how many voices that takes. */
export interface VoiceAssignment {
  voiceOf: number[];
  voiceCount: number;
}

/**
 * Greedy interval colouring: each span (in time order) takes the lowest-numbered voice that is free
 * by its start, so the voice count equals the largest number of spans sounding at once.
 * @example
 * allocateVoices([{ time: 0, until: 1 }, { time: 0.5, until: 2 }, { time: 1.2, until: 2 }]);
 * // { voiceOf: [0, 1, 0], voiceCount: 2 }
 */
export function allocateVoices(spans: readonly BusySpan[]): VoiceAssignment {
  const freeAt: number[] = [];
  const order = spans.map((_, i) => i).sort((a, b) => spans[a].time - spans[b].time || a - b);
  const voiceOf = new Array<number>(spans.length);
  for (const i of order) {
    let voice = freeAt.findIndex((t) => t <= spans[i].time);
    if (voice < 0) { voice = freeAt.length; freeAt.push(0); }
    freeAt[voice] = spans[i].until;
    voiceOf[i] = voice;
  }
  return { voiceOf, voiceCount: freeAt.length };
}
