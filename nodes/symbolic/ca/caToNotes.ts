/** Turning a CA history into notes: one step per grid row, live cells mapped onto scale degrees. */
import type { Note, Scale } from '../../../src/engine/values';
import { clampPitch } from '../../../src/music/noteSequence';
import { scaleDegreeToPitch } from '../../../src/music/theory';
import type { CellWindow } from './frames';

/** Mapping modes of ca.to-notes. */
export const NOTE_MODES = ['melody', 'chords', 'rhythm'] as const;
/** Which live cell (or statistic) picks the melody note. */
export const MELODY_PICKS = ['lowest', 'highest', 'centroid', 'count', 'binary'] as const;

/** Options of `profileToNotes` for one step. */
export interface StepMapping {
  mode: (typeof NOTE_MODES)[number];
  pick: (typeof MELODY_PICKS)[number];
  window: CellWindow;
  scale: Scale;
  /** MIDI pitch of scale degree 0 (the tonic in the chosen octave). */
  root: number;
  /** Scale degrees the window is spread over. */
  degrees: number;
  maxVoices: number;
  hitPitch: number;
}

/** The scale degree of window position j (0 = lowest cell). */
function degreeOf(j: number, m: StepMapping): number {
  return Math.floor((j * m.degrees) / m.window.size);
}

function pitchOf(degree: number, m: StepMapping): number {
  return clampPitch(scaleDegreeToPitch(m.scale, degree, m.root));
}

/** Positions (0-based in the window) of live cells. */
function liveIn(profile: ArrayLike<number>, w: CellWindow): number[] {
  const live: number[] = [];
  for (let j = 0; j < w.size; j++) if (profile[w.start + j] !== 0) live.push(j);
  return live;
}

/** The melody degree of a step, or null for a rest (no live cell in the window). */
export function melodyDegree(profile: ArrayLike<number>, m: StepMapping): number | null {
  const live = liveIn(profile, m.window);
  if (live.length === 0) return null;
  switch (m.pick) {
    case 'lowest': return degreeOf(live[0], m);
    case 'highest': return degreeOf(live[live.length - 1], m);
    case 'centroid': return degreeOf(Math.round(live.reduce((a, b) => a + b, 0) / live.length), m);
    case 'count': return (live.length - 1) % m.degrees;
    case 'binary': {
      let value = 0;
      for (const j of live) if (j < 31) value += 2 ** j;
      return value % m.degrees;
    }
  }
}

/** Picks `max` items spread evenly from a sorted list (first and last kept). */
export function spreadPick<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return items.slice();
  if (max === 1) return [items[0]];
  return Array.from({ length: max }, (_, i) => items[Math.round((i * (items.length - 1)) / (max - 1))]);
}

/** The pitches one step sounds (empty for silence). */
export function stepPitches(profile: ArrayLike<number>, m: StepMapping): number[] {
  if (m.mode === 'melody') {
    const degree = melodyDegree(profile, m);
    return degree === null ? [] : [pitchOf(degree, m)];
  }
  const live = liveIn(profile, m.window);
  if (m.mode === 'rhythm') return live.length ? [clampPitch(m.hitPitch)] : [];
  const pitches = [...new Set(live.map((j) => pitchOf(degreeOf(j, m), m)))];
  return spreadPick(pitches, m.maxVoices);
}

/**
 * Notes from per-step pitch sets: step t starts at t × stepDuration; with `tie`, a melody pitch
 * repeated on consecutive steps becomes one longer note.
 * @example
 * stepsToNotes([[60], [60], [], [62]], 0.5, 0.8, true); // C4 for 1 beat, rest, D4
 */
export function stepsToNotes(steps: readonly number[][], stepDuration: number, velocity: number, tie: boolean): Note[] {
  const notes: Note[] = [];
  let held: Note | null = null;
  steps.forEach((pitches, t) => {
    const start = t * stepDuration;
    if (tie && held && pitches.length === 1 && pitches[0] === held.pitch && Math.abs(held.start + held.duration - start) < 1e-9) {
      held.duration += stepDuration;
      return;
    }
    held = null;
    for (const pitch of pitches) {
      const note: Note = { pitch, velocity, start, duration: stepDuration };
      notes.push(note);
      if (pitches.length === 1) held = note;
    }
  });
  return notes;
}
