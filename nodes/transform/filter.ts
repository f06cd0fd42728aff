/** The `notes.filter` node: keeps the notes inside a pitch, velocity, time and voice window. */
import { defineNode } from '../../src/engine/node';
import type { Note, NoteSequence } from '../../src/engine/values';

/** Inclusive ranges a note must fall in to be kept; `toBeat` 0 means to the end, `voice` -1 any. */
export interface NoteWindow {
  minPitch: number;
  maxPitch: number;
  minVelocity: number;
  maxVelocity: number;
  /** Notes starting at or after this beat… */
  fromBeat: number;
  /** …and before this one (0 = to the end). */
  toBeat: number;
  voice: number;
}

/** Whether `n` lies inside `w`. */
export function inWindow(n: Note, w: NoteWindow): boolean {
  return n.pitch >= w.minPitch && n.pitch <= w.maxPitch
    && n.velocity >= w.minVelocity && n.velocity <= w.maxVelocity
    && n.start >= w.fromBeat && (w.toBeat <= 0 || n.start < w.toBeat)
    && (w.voice < 0 || (n.voice ?? 0) === w.voice);
}

/**
 * Keeps the notes inside the window (timing and length unchanged); `invert` keeps the others.
 * @example
 * filterNotes(seq, { ...ALL_NOTES, maxPitch: 59 }); // the notes below middle C
 */
export function filterNotes(seq: NoteSequence, w: NoteWindow, invert = false): NoteSequence {
  return { ...seq, notes: seq.notes.filter((n) => inWindow(n, w) !== invert).map((n) => ({ ...n })) };
}

/** A window that keeps every note. */
export const ALL_NOTES: NoteWindow = {
  minPitch: 0, maxPitch: 127, minVelocity: 0, maxVelocity: 1, fromBeat: 0, toBeat: 0, voice: -1,
};

/** Keeps notes by pitch, velocity, time and voice. */
export const filterNode = defineNode({
  type: 'notes.filter',
  title: 'Filter notes',
  category: 'transform',
  doc: 'Keeps only the notes inside a window of pitch, velocity, start time and voice, and drops '
    + 'the rest without moving anything — like the event filters of MIDI sequencers (Cubase\'s '
    + 'Logical Editor, Max\'s split object). Use it to split a keyboard part at middle C, pull one '
    + 'voice out of a chorale, keep only accented notes, or cut a few bars out of a long piece; '
    + '"invert" keeps exactly the notes that would be dropped.',
  inputs: { notes: { type: 'notes' } },
  outputs: { notes: { type: 'notes' } },
  params: {
    minPitch: { kind: 'int', default: 0, min: 0, max: 127, doc: 'Lowest pitch kept (MIDI).' },
    maxPitch: { kind: 'int', default: 127, min: 0, max: 127, doc: 'Highest pitch kept (MIDI).' },
    minVelocity: { kind: 'float', default: 0, min: 0, max: 1, step: 0.01, doc: 'Softest velocity kept.' },
    maxVelocity: { kind: 'float', default: 1, min: 0, max: 1, step: 0.01, doc: 'Loudest velocity kept.' },
    fromBeat: { kind: 'float', default: 0, min: 0, max: 100000, unit: 'beats', doc: 'Keep notes starting at or after this beat.' },
    toBeat: { kind: 'float', default: 0, min: 0, max: 100000, unit: 'beats', doc: 'Keep notes starting before this beat (0 = to the end).' },
    voice: { kind: 'int', default: -1, min: -1, max: 255, doc: 'Keep one voice (-1 = every voice).' },
    invert: { kind: 'bool', default: false, doc: 'Keep the notes outside the window instead.' },
  },
  run: ({ notes }, { invert, ...window }) => {
    const kept = filterNotes(notes, window, invert);
    return {
      outputs: { notes: kept },
      previews: [{ kind: 'pianoroll', title: `${kept.notes.length} of ${notes.notes.length} notes`, port: 'notes' }],
    };
  },
});
