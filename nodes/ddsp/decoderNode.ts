/** `ddsp.decoder`: f0 and loudness → the controls of the harmonic-plus-noise synth, by a trained DDSP decoder. */
import { defineNode } from '../../src/engine/node';
import { decodeFeatures } from './controls';
import { DDSP_INSTRUMENTS } from './decoder';
import { amplitudePreview, harmonicHeatmap } from './previews';

/** Pitch and loudness shifts, as DDSP-VST offers them, and the silence gate (shared with ddsp.instrument). */
export const shiftParams = {
  pitchShift: { kind: 'float', default: 0, min: -2, max: 2, step: 1 / 12, unit: 'octaves', doc: 'Moves the pitch the decoder hears by octaves (1/12 = a semitone): bring a low voice into the instrument\'s range.' },
  loudnessShift: { kind: 'float', default: 0, min: -40, max: 20, step: 0.5, unit: 'dB', doc: 'Adds decibels to the loudness the decoder hears: louder input plays brighter, not only louder.' },
  gate: { kind: 'float', default: -50, min: -100, max: 0, step: 1, unit: 'dB', doc: 'Where the input is quieter than this, the output is turned down by the difference, so pauses stay silent (−100 = off).' },
} as const;

/** The instrument choice (shared with ddsp.instrument). */
export const instrumentParam = {
  instrument: { kind: 'enum', options: DDSP_INSTRUMENTS, default: 'sax', doc: 'Which trained decoder plays: the alto saxophone or the violin (public/models/ddsp-<instrument>).' },
} as const;

/** Features → synth controls through a DDSP decoder. */
export const decoderNode = defineNode({
  type: 'ddsp.decoder',
  title: 'DDSP decoder',
  category: 'ddsp',
  doc: 'The neural half of DDSP (Engel, Hantrakul, Gu & Roberts, "DDSP: Differentiable Digital Signal '
    + 'Processing", ICLR 2020): a small recurrent network, trained on recordings of one instrument, '
    + 'reads pitch and loudness frame by frame and answers how that instrument would sound there — '
    + 'an overall amplitude, how the energy spreads over 60 harmonics, and the colour of the breath '
    + 'or bow noise in 65 bands. It never outputs audio: the synth node turns these controls into '
    + 'sound, so the network stays small (one GRU layer between a few dense layers) and runs many '
    + 'times faster than real time. Choose the saxophone or the violin; shift the pitch by octaves and the '
    + 'loudness by dB, as in the DDSP-VST plugin, to bring any voice into the instrument\'s range. '
    + 'Unvoiced frames take the pitch of the nearest voiced one; below the gate loudness the output '
    + 'is turned down, so pauses stay silent. The decoder runs one second at a '
    + 'time, carrying its GRU state across, so long clips show progress and can be cancelled.',
  inputs: { features: { type: 'features', doc: 'f0 (Hz) and loudness (dB) at 250 frames/s, from audio or from notes.' } },
  outputs: { controls: { type: 'ddsp-controls', doc: 'Per frame: f0, amplitude, 60-harmonic distribution and 65 noise bands.' } },
  params: { ...instrumentParam, ...shiftParams },
  heavy: true,
  run: async ({ features }, { instrument, ...shift }, ctx) => {
    const controls = await decodeFeatures(ctx, features, instrument, shift);
    return { outputs: { controls }, previews: [harmonicHeatmap(controls), amplitudePreview(controls)] };
  },
});
