/** The synthesizer instrument nodes: poly (subtractive-style), FM and AM, and their spec builders. */
import { defineNode } from '../../src/engine/node';
import { envelopeParams, renderNotes, renderParams, waveformPreview, type ValuesOf } from './instrumentRender';
import { OSCILLATOR_TYPES, type AmSpec, type FmSpec, type PolySpec } from './instrumentSpec';

const notesIn = { notes: { type: 'notes', doc: 'The notes to play.' } } as const;
const audioOut = { audio: { type: 'audio', doc: 'Stereo audio, peak at most −1 dBFS.' } } as const;

/** Params of the poly synth's sound. */
export const polyParams = {
  oscillator: { kind: 'enum', options: OSCILLATOR_TYPES, default: 'triangle', doc: 'Waveform: sine is pure, sawtooth brightest.' },
  ...envelopeParams(0.01, 0.2, 0.6, 0.4),
  volume: renderParams.volume,
} as const;

/** Params of the FM synth's sound. */
export const fmParams = {
  harmonicity: { kind: 'float', default: 3, min: 0.1, max: 16, step: 0.01, doc: 'Modulator frequency ÷ carrier frequency.' },
  modulationIndex: { kind: 'float', default: 10, min: 0, max: 50, step: 0.1, doc: 'Peak frequency deviation ÷ note frequency: brightness.' },
  modulationType: { kind: 'enum', options: OSCILLATOR_TYPES, default: 'sine', doc: 'Waveform of the modulator.' },
  modulationDecay: { kind: 'float', default: 0.5, min: 0, max: 5, step: 0.01, unit: 's', doc: 'Time for the brightness to fall to its sustain.' },
  modulationSustain: { kind: 'float', default: 0.5, min: 0, max: 1, step: 0.01, doc: 'Brightness held while the note is down (0–1).' },
  ...envelopeParams(0.01, 0.3, 0.5, 0.5),
  volume: renderParams.volume,
} as const;

/** Params of the AM synth's sound. */
export const amParams = {
  harmonicity: { kind: 'float', default: 2, min: 0.1, max: 16, step: 0.01, doc: 'Modulator frequency ÷ carrier frequency.' },
  oscillator: { kind: 'enum', options: OSCILLATOR_TYPES, default: 'sine', doc: 'Waveform of the carrier.' },
  modulationType: { kind: 'enum', options: OSCILLATOR_TYPES, default: 'square', doc: 'Waveform of the modulator.' },
  ...envelopeParams(0.01, 0.2, 0.6, 0.5),
  volume: renderParams.volume,
} as const;

const envelopeOf = (p: { attack: number; decay: number; sustain: number; release: number }) =>
  ({ attack: p.attack, decay: p.decay, sustain: p.sustain, release: p.release });

/** The PolySpec of poly-synth param values. */
export function polySpec(p: ValuesOf<typeof polyParams>): PolySpec {
  return { kind: 'poly', oscillator: p.oscillator, envelope: envelopeOf(p), volumeDb: p.volume };
}

/** The FmSpec of FM-synth param values. */
export function fmSpec(p: ValuesOf<typeof fmParams>): FmSpec {
  return {
    kind: 'fm', harmonicity: p.harmonicity, modulationIndex: p.modulationIndex, modulationType: p.modulationType,
    envelope: envelopeOf(p), volumeDb: p.volume,
    modulationEnvelope: { attack: 0.005, decay: p.modulationDecay, sustain: p.modulationSustain, release: p.release },
  };
}

/** The AmSpec of AM-synth param values. */
export function amSpec(p: ValuesOf<typeof amParams>): AmSpec {
  return {
    kind: 'am', harmonicity: p.harmonicity, oscillator: p.oscillator, modulationType: p.modulationType,
    envelope: envelopeOf(p), volumeDb: p.volume,
    modulationEnvelope: { attack: 0.005, decay: 0, sustain: 1, release: p.release },
  };
}

/** Notes → audio on a polyphonic oscillator-and-envelope synth. */
export const polySynthNode = defineNode({
  type: 'instrument.poly',
  title: 'Poly synth',
  category: 'audio',
  doc: 'Plays notes on a polyphonic synthesizer: each note is a band-limited oscillator (sine, triangle, square or sawtooth) shaped by an ADSR amplitude envelope, the voice architecture of analog polysynths such as the Prophet-5, without the filter. Velocity scales each note\'s level and the tempo map of the notes sets the timing. Rendered offline by Tone.js, faster than real time.',
  inputs: notesIn,
  outputs: audioOut,
  params: { ...polyParams, tail: renderParams.tail, sampleRate: renderParams.sampleRate },
  async run({ notes }, p, ctx) {
    const audio = await renderNotes(ctx, notes, polySpec(p), p);
    return { outputs: { audio }, previews: [waveformPreview()] };
  },
});

/** Notes → audio by two-operator FM synthesis. */
export const fmSynthNode = defineNode({
  type: 'instrument.fm',
  title: 'FM synth',
  category: 'audio',
  doc: 'Plays notes by frequency modulation (John Chowning, 1973; the Yamaha DX7): a modulator oscillator at harmonicity × the note frequency swings a sine carrier\'s frequency by modulation index × the note frequency. Integer harmonicities give harmonic spectra (brass, organ), others inharmonic ones (bells); the index sets the brightness, and the modulation envelope makes it change over each note, as in Chowning\'s brass and bell tones.',
  inputs: notesIn,
  outputs: audioOut,
  params: { ...fmParams, tail: renderParams.tail, sampleRate: renderParams.sampleRate },
  async run({ notes }, p, ctx) {
    const audio = await renderNotes(ctx, notes, fmSpec(p), p);
    return { outputs: { audio }, previews: [waveformPreview()] };
  },
});

/** Notes → audio by amplitude modulation. */
export const amSynthNode = defineNode({
  type: 'instrument.am',
  title: 'AM synth',
  category: 'audio',
  doc: 'Plays notes by amplitude modulation: a modulator at harmonicity × the note frequency multiplies the carrier\'s amplitude, adding sidebands at the carrier ± modulator frequencies (the sound of ring modulators; tremolo when the modulator is slow). Carrier and modulator waveforms are selectable; an ADSR envelope shapes each note and velocity scales its level.',
  inputs: notesIn,
  outputs: audioOut,
  params: { ...amParams, tail: renderParams.tail, sampleRate: renderParams.sampleRate },
  async run({ notes }, p, ctx) {
    const audio = await renderNotes(ctx, notes, amSpec(p), p);
    return { outputs: { audio }, previews: [waveformPreview()] };
  },
});
