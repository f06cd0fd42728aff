/** Arpeggiation: held chords → one note at a time, in an order, over one or more octaves. */
import type { Chords, Note, NoteSequence } from '../../src/engine/values';
import type { Rng } from '../../src/engine/rng';
import { closeVoicing } from '../conditioning/chordVoicing';

/** Arpeggio orders. */
export const ARP_PATTERNS = ['up', 'down', 'up-down', 'random', 'as-played'] as const;
/** One of ARP_PATTERNS. */
export type ArpPattern = (typeof ARP_PATTERNS)[number];

/** A set of held pitches over a span of beats, in the order they were played. */
export interface HeldSpan {
  start: number;
  end: number;
  pitches: number[];
}

/** Spans of a progression: each chord voiced in close position from its root in `octave`. */
export function spansFromChords(chords: Chords, octave: number): HeldSpan[] {
  return chords.chords.map((c) => ({ start: c.start, end: c.start + c.duration, pitches: closeVoicing(c.pitchClasses, octave) }));
}

/**
 * Spans of held notes, as a hardware arpeggiator hears the keys: between every two consecutive
 * note starts/ends, the notes sounding, in the order they started (ties by pitch).
 */
export function spansFromNotes(seq: NoteSequence): HeldSpan[] {
  const ordered = seq.notes.slice().sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  const edges = [...new Set(ordered.flatMap((n) => [n.start, n.start + n.duration]))].sort((a, b) => a - b);
  const spans: HeldSpan[] = [];
  let held: Note[] = [];
  let next = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const [start, end] = [edges[i], edges[i + 1]];
    held = held.filter((n) => n.start + n.duration > start);
    while (next < ordered.length && ordered[next].start <= start) held.push(ordered[next++]);
    const pitches = [...new Set(held.map((n) => n.pitch))];
    if (pitches.length === 0) continue;
    const last = spans[spans.length - 1];
    if (last && last.end === start && last.pitches.join() === pitches.join()) last.end = end;
    else spans.push({ start, end, pitches });
  }
  return spans;
}

/**
 * The cycle of pitches one span plays: its pitches extended over `octaves` octaves, then ordered.
 * up-down turns at the ends without repeating them (C E G C' G E …).
 * @example
 * arpeggioCycle([60, 64, 67], 'up-down', 1); // [60, 64, 67, 64]
 */
export function arpeggioCycle(pitches: readonly number[], pattern: ArpPattern, octaves: number): number[] {
  const spread = (list: readonly number[]): number[] =>
    Array.from({ length: octaves }, (_, o) => list.map((p) => p + 12 * o)).flat().filter((p) => p <= 127);
  const sorted = spread([...pitches].sort((a, b) => a - b));
  switch (pattern) {
    case 'up': case 'random': return sorted;
    case 'down': return sorted.slice().reverse();
    case 'up-down': return sorted.length < 3 ? sorted : [...sorted, ...sorted.slice(1, -1).reverse()];
    case 'as-played': return spread(pitches);
  }
}

/** Options of `arpeggiate`. */
export interface ArpOptions {
  pattern: ArpPattern;
  octaves: number;
  /** Beats between arpeggio notes. */
  rate: number;
  /** Fraction of the rate each note sounds. */
  gate: number;
  velocity: number;
  rng: Rng;
}

/** Plays every span as an arpeggio from its start, restarting the cycle at each new span. */
export function arpeggiate(spans: readonly HeldSpan[], o: ArpOptions): Note[] {
  const notes: Note[] = [];
  for (const span of spans) {
    const cycle = arpeggioCycle(span.pitches, o.pattern, o.octaves);
    if (cycle.length === 0) continue;
    for (let i = 0, t = span.start; t < span.end - 1e-9; i++, t = span.start + i * o.rate) {
      const pitch = o.pattern === 'random' ? o.rng.pick(cycle) : cycle[i % cycle.length];
      const duration = Math.min(o.rate * o.gate, span.end - t);
      notes.push({ pitch, velocity: o.velocity, start: t, duration });
    }
  }
  return notes;
}
