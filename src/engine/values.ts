/**
 * Value shapes carried on edges. They are plain, serializable data; each port type in
 * `portTypes.ts` validates one of them at run time. The engine owns these shapes so that
 * every other layer (music, dsp, nodes, ui) agrees on them without importing each other.
 */

/** One note: pitch 0–127, velocity 0–1, start and duration in beats, optional voice/track index. */
export interface Note {
  pitch: number;
  velocity: number;
  start: number;
  duration: number;
  voice?: number;
}

/** A time signature as numerator/denominator, in force from `beat` on. */
export interface TimeSignature {
  numerator: number;
  denominator: number;
}

/** A tempo change at `beat`, in quarter-note beats per minute. */
export interface TempoChange {
  beat: number;
  bpm: number;
}

/** Notes with their tempo, meter and length in beats (the `notes` port type). */
export interface NoteSequence {
  notes: Note[];
  /** Tempo in BPM at beat 0. */
  tempo: number;
  /** Later tempo changes, if any (from a MIDI tempo map). */
  tempoChanges?: TempoChange[];
  timeSignature: TimeSignature;
  /** Length in beats (at least the end of the last note). */
  length: number;
  /** Optional per-voice metadata: names, General MIDI programs, drum flag. */
  voices?: VoiceInfo[];
}

/** What a voice (track) is: its name, GM program and whether it is a drum track. */
export interface VoiceInfo {
  name?: string;
  program?: number;
  drums?: boolean;
}

/** Audio samples, one Float32Array per channel (the `audio` port type). */
export interface AudioClip {
  sampleRate: number;
  channels: Float32Array[];
}

/** Frame-rate control curves (the `features` port type): f0 in Hz and loudness in dB, plus others. */
export interface Features {
  frameRate: number;
  f0: Float32Array;
  loudness: Float32Array;
  /** Optional extra curves by name (voicing, centroid…), each the same length as f0. */
  extra?: Record<string, Float32Array>;
}

/**
 * Frame-rate controls of a harmonic-plus-filtered-noise synthesizer (the `ddsp-controls` port type,
 * docs/ddsp.md): per frame an f0 in Hz, an overall amplitude, a harmonic distribution and noise-band
 * magnitudes (frames × harmonicCount and frames × noiseBands, row-major).
 */
export interface SynthControls {
  frameRate: number;
  f0: Float32Array;
  amplitude: Float32Array;
  harmonicCount: number;
  harmonics: Float32Array;
  noiseBands: number;
  noise: Float32Array;
}

/** A latent trajectory: frames × dims, row-major, with its frame rate and model space. */
export interface Latent {
  space: string;
  frames: number;
  dims: number;
  frameRate: number;
  data: Float32Array;
}

/** Codec tokens: codebooks × frames, row-major, with the codec id and frame rate. */
export interface Tokens {
  codec: string;
  codebooks: number;
  frames: number;
  frameRate: number;
  data: Int32Array;
}

/** A cellular-automaton history: `steps` rows of `width` cells (0 dead, 1+ alive/state). */
export interface Grid {
  width: number;
  steps: number;
  cells: Uint8Array;
}

/** A key and scale (the `scale` port type): tonic pitch class name and scale name, e.g. C major. */
export interface Scale {
  tonic: string;
  name: string;
  /** Pitch classes 0–11 of the scale, ascending from the tonic. */
  pitchClasses: number[];
}

/** One chord over a span of beats. */
export interface ChordSpan {
  symbol: string;
  start: number;
  duration: number;
  /** Pitch classes 0–11 of the chord, root first. */
  pitchClasses: number[];
}

/** A chord progression over beats (the `chords` port type). */
export interface Chords {
  chords: ChordSpan[];
  length: number;
}

/** A trained model value (the `model:<kind>` port types): its kind plus kind-specific data. */
export interface ModelValue {
  kind: string;
  [key: string]: unknown;
}
