/**
 * InstrumentSpec: the plain-data description of an instrument that instrument nodes hand to the
 * host's note renderer. It says *what* to play with (oscillator, envelopes, drum pieces…), never
 * *how* (no Tone.js here), so nodes stay pure and the page, a Worker and the CLI agree on it.
 */

/** Basic oscillator waveforms (band-limited in Web Audio). */
export const OSCILLATOR_TYPES = ['sine', 'triangle', 'square', 'sawtooth'] as const;
/** One basic oscillator waveform. */
export type OscillatorKind = (typeof OSCILLATOR_TYPES)[number];

/** An ADSR envelope: attack, decay and release in seconds, sustain level 0–1. */
export interface Envelope {
  attack: number;
  decay: number;
  sustain: number;
  release: number;
}

/** A subtractive-style polyphonic synth: one oscillator through an ADSR amplitude envelope. */
export interface PolySpec {
  kind: 'poly';
  oscillator: OscillatorKind;
  envelope: Envelope;
  /** Output level in dB (0 = unity). */
  volumeDb: number;
}

/**
 * Two-operator FM (Chowning 1973): a modulator at `harmonicity` × the note frequency drives a sine
 * carrier's frequency with depth `modulationIndex` × the note frequency.
 */
export interface FmSpec {
  kind: 'fm';
  harmonicity: number;
  modulationIndex: number;
  modulationType: OscillatorKind;
  envelope: Envelope;
  modulationEnvelope: Envelope;
  volumeDb: number;
}

/** Amplitude modulation: a modulator at `harmonicity` × the note frequency scales the carrier's gain. */
export interface AmSpec {
  kind: 'am';
  harmonicity: number;
  oscillator: OscillatorKind;
  modulationType: OscillatorKind;
  envelope: Envelope;
  modulationEnvelope: Envelope;
  volumeDb: number;
}

/** A pitched membrane (kick, toms, congas): a sine swept down `octaves` (0–8) octaves to `frequency` in `pitchDecay` s. */
export interface MembranePiece {
  synth: 'membrane';
  frequency: number;
  octaves: number;
  pitchDecay: number;
  decay: number;
  gain: number;
}

/** A filtered noise burst (snare wires, claps, shakers). */
export interface NoisePiece {
  synth: 'noise';
  filter: 'lowpass' | 'highpass' | 'bandpass';
  filterFrequency: number;
  decay: number;
  gain: number;
}

/** A snare: a membrane body layered with a filtered noise burst. */
export interface SnarePiece {
  synth: 'snare';
  frequency: number;
  decay: number;
  noiseFrequency: number;
  gain: number;
}

/** A metallic voice (hats, cymbals, bells): six inharmonic squares from `frequency` up, TR-808 style, high-passed at `resonance`. */
export interface MetalPiece {
  synth: 'metal';
  frequency: number;
  resonance: number;
  decay: number;
  gain: number;
}

/** One drum piece of a kit. */
export type DrumPiece = MembranePiece | NoisePiece | SnarePiece | MetalPiece;

/** A drum kit: General MIDI drum note numbers (as strings) → pieces. Unmapped notes are silent. */
export interface DrumsSpec {
  kind: 'drums';
  pieces: Record<string, DrumPiece>;
  volumeDb: number;
}

/** A sampled grand piano (Salamander Grand Piano V3). */
export interface PianoSpec {
  kind: 'piano';
  /** Fade-out after a note ends, in seconds. */
  release: number;
  volumeDb: number;
}

/** Any instrument a note renderer can play. */
export type InstrumentSpec = PolySpec | FmSpec | AmSpec | DrumsSpec | PianoSpec;
/** The kinds of instrument. */
export type InstrumentKind = InstrumentSpec['kind'];

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkRange(where: string, v: unknown, lo: number, hi: number): string | null {
  return finite(v) && v >= lo && v <= hi ? null : `${where}: expected a number in ${lo}–${hi}, got ${String(v)}`;
}

function checkEnvelope(where: string, env: unknown): string | null {
  if (typeof env !== 'object' || env === null) return `${where}: expected {attack, decay, sustain, release}`;
  const e = env as Record<string, unknown>;
  return checkRange(`${where}.attack`, e.attack, 0, 10) ?? checkRange(`${where}.decay`, e.decay, 0, 10)
    ?? checkRange(`${where}.sustain`, e.sustain, 0, 1) ?? checkRange(`${where}.release`, e.release, 0, 20);
}

function checkOscillator(where: string, v: unknown): string | null {
  return OSCILLATOR_TYPES.includes(v as OscillatorKind) ? null : `${where}: expected one of ${OSCILLATOR_TYPES.join(', ')}, got ${String(v)}`;
}

function checkPiece(where: string, p: DrumPiece): string | null {
  const common = checkRange(`${where}.decay`, p.decay, 0.001, 10) ?? checkRange(`${where}.gain`, p.gain, 0, 4);
  if (common) return common;
  switch (p.synth) {
    case 'membrane':
      return checkRange(`${where}.frequency`, p.frequency, 10, 5000) ?? checkRange(`${where}.octaves`, p.octaves, 0, 8)
        ?? checkRange(`${where}.pitchDecay`, p.pitchDecay, 0, 1);
    case 'noise':
      return ['lowpass', 'highpass', 'bandpass'].includes(p.filter) ? checkRange(`${where}.filterFrequency`, p.filterFrequency, 20, 20000)
        : `${where}.filter: expected lowpass, highpass or bandpass`;
    case 'snare':
      return checkRange(`${where}.frequency`, p.frequency, 20, 2000) ?? checkRange(`${where}.noiseFrequency`, p.noiseFrequency, 20, 20000);
    case 'metal':
      return checkRange(`${where}.frequency`, p.frequency, 20, 5000) ?? checkRange(`${where}.resonance`, p.resonance, 100, 20000);
    default:
      return `${where}.synth: expected membrane, noise, snare or metal`;
  }
}

/**
 * Why `spec` is not a playable InstrumentSpec, or null when it is.
 * @example
 * checkInstrumentSpec({ kind: 'piano', release: 1, volumeDb: 0 }); // null
 */
export function checkInstrumentSpec(spec: unknown): string | null {
  if (typeof spec !== 'object' || spec === null) return 'instrument: expected an object with a kind';
  const s = spec as InstrumentSpec;
  const volume = checkRange('instrument.volumeDb', s.volumeDb, -80, 24);
  if (volume) return volume;
  switch (s.kind) {
    case 'poly':
      return checkOscillator('instrument.oscillator', s.oscillator) ?? checkEnvelope('instrument.envelope', s.envelope);
    case 'fm':
    case 'am':
      return checkRange('instrument.harmonicity', s.harmonicity, 0.01, 32)
        ?? (s.kind === 'fm' ? checkRange('instrument.modulationIndex', s.modulationIndex, 0, 100) : checkOscillator('instrument.oscillator', s.oscillator))
        ?? checkOscillator('instrument.modulationType', s.modulationType)
        ?? checkEnvelope('instrument.envelope', s.envelope) ?? checkEnvelope('instrument.modulationEnvelope', s.modulationEnvelope);
    case 'drums': {
      if (typeof s.pieces !== 'object' || s.pieces === null) return 'instrument.pieces: expected a map from GM note to drum piece';
      for (const [note, piece] of Object.entries(s.pieces)) {
        if (!/^\d+$/.test(note) || Number(note) > 127) return `instrument.pieces["${note}"]: key must be a MIDI note 0–127`;
        const problem = checkPiece(`instrument.pieces["${note}"]`, piece);
        if (problem) return problem;
      }
      return null;
    }
    case 'piano':
      return checkRange('instrument.release', s.release, 0, 10);
    default:
      return `instrument.kind: expected poly, fm, am, drums or piano, got ${String((s as { kind: unknown }).kind)}`;
  }
}
