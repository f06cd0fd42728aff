/** Note sequences and specs shared by the audio tests. */
import type { NoteSequence } from '../../src/engine/values';
import { createSequence } from '../../src/music/noteSequence';
import type { Envelope } from '../../nodes/audio/instrumentSpec';

/** C major scale C4–C5, eighth notes at 120 BPM (0.25 s each), starting at `startBeat`. */
export function cMajorScale(startBeat = 0): NoteSequence {
  return createSequence(
    [60, 62, 64, 65, 67, 69, 71, 72].map((pitch, i) => ({ pitch, velocity: 0.8, start: startBeat + i * 0.5, duration: 0.5 })),
    { tempo: 120 },
  );
}

/** One note of `pitch` lasting `beats` at 120 BPM from beat 0. */
export function singleNote(pitch: number, beats = 2): NoteSequence {
  return createSequence([{ pitch, velocity: 0.8, start: 0, duration: beats }], { tempo: 120 });
}

/** A plain envelope for tests. */
export const testEnvelope: Envelope = { attack: 0.01, decay: 0.1, sustain: 0.7, release: 0.2 };
