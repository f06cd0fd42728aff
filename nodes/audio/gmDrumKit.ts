/**
 * The default drum kit: every General MIDI percussion note (35–81, the GM Level 1 key map) mapped
 * to a synthesized piece — membranes for kicks, toms and hand drums, noise for snares, claps and
 * shakers, TR-808-style metal for hats, cymbals and bells.
 */
import type { DrumPiece, DrumsSpec } from './instrumentSpec';

const membrane = (frequency: number, decay: number, octaves = 1.5, gain = 0.8, pitchDecay = 0.03): DrumPiece =>
  ({ synth: 'membrane', frequency, octaves, pitchDecay, decay, gain });
const noise = (filter: 'lowpass' | 'highpass' | 'bandpass', filterFrequency: number, decay: number, gain = 0.5): DrumPiece =>
  ({ synth: 'noise', filter, filterFrequency, decay, gain });
const metal = (frequency: number, resonance: number, decay: number, gain = 0.25): DrumPiece =>
  ({ synth: 'metal', frequency, resonance, decay, gain });
const snare = (frequency: number, noiseFrequency: number, decay: number, gain = 0.7): DrumPiece =>
  ({ synth: 'snare', frequency, noiseFrequency, decay, gain });

/** GM note → piece; the comment on each line is the GM name. */
export const GM_DRUM_PIECES: Readonly<Record<number, DrumPiece>> = {
  35: membrane(45, 0.5, 4, 1), // Acoustic Bass Drum
  36: membrane(55, 0.45, 4, 1), // Bass Drum 1
  37: membrane(900, 0.05, 0.5, 0.5, 0.005), // Side Stick
  38: snare(185, 3000, 0.22), // Acoustic Snare
  39: noise('bandpass', 1200, 0.15, 0.8), // Hand Clap
  40: snare(220, 5000, 0.18), // Electric Snare
  41: membrane(82, 0.45), // Low Floor Tom
  42: metal(320, 7000, 0.06), // Closed Hi-Hat
  43: membrane(98, 0.42), // High Floor Tom
  44: metal(320, 7000, 0.04, 0.18), // Pedal Hi-Hat
  45: membrane(110, 0.4), // Low Tom
  46: metal(320, 6000, 0.45), // Open Hi-Hat
  47: membrane(131, 0.38), // Low-Mid Tom
  48: membrane(147, 0.35), // Hi-Mid Tom
  49: metal(300, 4000, 1.6, 0.2), // Crash Cymbal 1
  50: membrane(175, 0.32), // High Tom
  51: metal(420, 5000, 1.2, 0.2), // Ride Cymbal 1
  52: metal(250, 3000, 1.4, 0.15), // Chinese Cymbal
  53: metal(620, 3000, 0.8, 0.12), // Ride Bell
  54: noise('highpass', 6000, 0.18, 0.4), // Tambourine
  55: metal(350, 5000, 0.7, 0.25), // Splash Cymbal
  56: metal(540, 1500, 0.25, 0.1), // Cowbell
  57: metal(280, 4000, 1.8, 0.2), // Crash Cymbal 2
  58: noise('bandpass', 2500, 0.5, 0.4), // Vibraslap
  59: metal(460, 5000, 1.2, 0.2), // Ride Cymbal 2
  60: membrane(400, 0.12, 0.5, 0.6), // Hi Bongo
  61: membrane(300, 0.16, 0.5, 0.6), // Low Bongo
  62: membrane(330, 0.08, 0.5, 0.6), // Mute Hi Conga
  63: membrane(330, 0.25, 0.5, 0.6), // Open Hi Conga
  64: membrane(220, 0.3, 0.5, 0.6), // Low Conga
  65: membrane(520, 0.2, 0.5, 0.5, 0.01), // High Timbale
  66: membrane(390, 0.25, 0.5, 0.5, 0.01), // Low Timbale
  67: metal(900, 2000, 0.2, 0.1), // High Agogo
  68: metal(650, 2000, 0.25, 0.1), // Low Agogo
  69: noise('highpass', 7000, 0.09, 0.4), // Cabasa
  70: noise('highpass', 9000, 0.06, 0.4), // Maracas
  71: membrane(2300, 0.12, 0.5, 0.25, 0.002), // Short Whistle
  72: membrane(2300, 0.45, 0.5, 0.25, 0.002), // Long Whistle
  73: noise('bandpass', 3500, 0.08, 0.4), // Short Guiro
  74: noise('bandpass', 3500, 0.3, 0.4), // Long Guiro
  75: membrane(2500, 0.04, 0.5, 0.5, 0.002), // Claves
  76: membrane(1600, 0.06, 0.5, 0.5, 0.003), // Hi Wood Block
  77: membrane(1200, 0.07, 0.5, 0.5, 0.003), // Low Wood Block
  78: membrane(700, 0.1, 1, 0.4), // Mute Cuica
  79: membrane(500, 0.3, 0.5, 0.4), // Open Cuica
  80: metal(1800, 6000, 0.15, 0.08), // Mute Triangle
  81: metal(1800, 6000, 1.2, 0.08), // Open Triangle
};

/** Options that reshape the default kit. */
export interface DrumKitOptions {
  /** Transposes every pitched piece, in semitones. */
  tune?: number;
  /** Multiplies every decay time. */
  decayScale?: number;
  volumeDb?: number;
}

/**
 * The GM kit as a DrumsSpec, tuned and with decays scaled.
 * @example
 * gmDrumKit({ tune: -2, decayScale: 0.5 }).pieces['36']; // a shorter, lower kick
 */
export function gmDrumKit(options: DrumKitOptions = {}): DrumsSpec {
  const ratio = 2 ** ((options.tune ?? 0) / 12);
  const scale = options.decayScale ?? 1;
  const pieces: Record<string, DrumPiece> = {};
  for (const [note, piece] of Object.entries(GM_DRUM_PIECES)) {
    const decay = piece.decay * scale;
    pieces[note] = piece.synth === 'noise' ? { ...piece, decay } : { ...piece, frequency: piece.frequency * ratio, decay };
  }
  return { kind: 'drums', pieces, volumeDb: options.volumeDb ?? 0 };
}
