/**
 * Notes → DDSP features (docs/ddsp.md): the curves a monophonic player (performer.ts) draws from a
 * note sequence, at 250 frames per second, with a tail after the end for the release to ring.
 */
import type { Features, NoteSequence } from '../../src/engine/values';
import { DDSP_FRAME_RATE } from '../../src/dsp/ddspContract';
import { beatsToSeconds } from '../../src/music/noteSequence';
import { Performer, SILENCE_DB, type PerformanceOptions } from './performer';

/** Performance options plus the seconds of frames after the sequence ends. */
export interface NotesFeatureOptions extends PerformanceOptions {
  tail: number;
}

/**
 * Frames of `seconds` at the DDSP frame rate: ⌊seconds · 250⌋ + 1.
 * @example
 * framesFor(1); // 251
 */
export function framesFor(seconds: number): number {
  return Math.floor(seconds * DDSP_FRAME_RATE + 1e-9) + 1;
}

/**
 * Features of `seq` as one monophonic line (the highest sounding note wins); f0 is 0 (unvoiced)
 * before the first note.
 * @example
 * const { f0, loudness } = notesToFeatures(melody, { glide: 0.08, vibratoRate: 5, vibratoDepth: 20, vibratoFadeIn: 0.3,
 *   attack: 0.03, release: 0.15, loudness: -20, dynamics: 20, legato: false, tail: 1 });
 */
export function notesToFeatures(seq: NoteSequence, opts: NotesFeatureOptions): Features {
  const dt = 1 / DDSP_FRAME_RATE;
  const player = new Performer(opts, dt);
  let end = beatsToSeconds(seq, seq.length);
  for (const n of seq.notes) {
    const off = beatsToSeconds(seq, n.start + n.duration);
    player.add({ pitch: n.pitch, velocity: n.velocity, on: beatsToSeconds(seq, n.start), off });
    end = Math.max(end, off);
  }
  const frames = framesFor(end + opts.tail);
  const f0 = new Float32Array(frames);
  const loudness = new Float32Array(frames).fill(SILENCE_DB);
  const voicing = new Float32Array(frames);
  for (let m = 0; m < frames; m++) {
    const frame = player.frame(m * dt);
    f0[m] = frame.f0;
    loudness[m] = frame.loudness;
    voicing[m] = frame.voicing;
  }
  return { frameRate: DDSP_FRAME_RATE, f0, loudness, extra: { voicing } };
}
