/** Turns a NoteSequence (beats) into timed note events (seconds) for the Tone.js renderer. */
import type { NoteSequence } from '../engine/values';
import { beatsToSeconds, endBeat } from '../music/noteSequence';

/** One note to play: start and duration in seconds, frequency in Hz, velocity 0–1. */
export interface NoteEvent {
  pitch: number;
  frequency: number;
  velocity: number;
  time: number;
  duration: number;
  voice: number;
}

/** Equal-tempered frequency of a MIDI pitch (A4 = 69 = 440 Hz). */
export function midiToFrequency(pitch: number): number {
  return 440 * 2 ** ((pitch - 69) / 12);
}

/**
 * The notes of `seq` in seconds, following its tempo map, sorted by time then pitch.
 * @example
 * noteEvents(seq)[0]; // { pitch: 60, frequency: 261.6, velocity: 0.8, time: 0, duration: 0.5, voice: 0 }
 */
export function noteEvents(seq: NoteSequence): NoteEvent[] {
  return seq.notes
    .map((n) => {
      const time = beatsToSeconds(seq, n.start);
      return {
        pitch: n.pitch,
        frequency: midiToFrequency(n.pitch),
        velocity: n.velocity,
        time,
        duration: Math.max(0.005, beatsToSeconds(seq, n.start + n.duration) - time),
        voice: n.voice ?? 0,
      };
    })
    .sort((a, b) => a.time - b.time || a.pitch - b.pitch);
}

/** Seconds a render of `seq` lasts: its length (or last note end, if later) plus the tail. */
export function renderSeconds(seq: NoteSequence, tailSeconds: number): number {
  return beatsToSeconds(seq, Math.max(seq.length, endBeat(seq.notes))) + Math.max(0, tailSeconds);
}
