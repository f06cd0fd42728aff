/** `ddsp.synth`: synth controls → audio by the harmonic-plus-filtered-noise synthesizer of DDSP. */
import { defineNode, type Preview } from '../../src/engine/node';
import { renderControls, SYNTH_RATES } from './controls';

/** Output rate, room and seed of the synth (shared with ddsp.instrument). */
export const synthParams = {
  sampleRate: { kind: 'enum', options: SYNTH_RATES, default: '44100', doc: 'Output sample rate in Hz. The model works up to 8 kHz, so higher rates add no content, only compatibility.' },
  reverb: { kind: 'float', default: 0, min: 0, max: 1, step: 0.01, doc: 'Level of a synthetic room (decaying noise impulse response) added to the dry sound; 0 = dry.' },
  reverbTime: { kind: 'float', default: 1.5, min: 0.1, max: 6, step: 0.1, unit: 's', doc: 'Seconds for the room to fall by 60 dB.' },
  seed: { kind: 'seed', default: 1, doc: 'Seed of the noise and of the room.' },
} as const;

/** The waveform and spectrogram previews of the audio output. */
export const audioPreviews: Preview[] = [
  { kind: 'waveform', title: 'Waveform', port: 'audio' },
  { kind: 'spectrogram', title: 'Spectrogram', port: 'audio' },
];

/** Controls → audio. */
export const synthNode = defineNode({
  type: 'ddsp.synth',
  title: 'DDSP synth',
  category: 'ddsp',
  doc: 'The signal-processing half of DDSP (Engel, Hantrakul, Gu & Roberts, "DDSP: Differentiable '
    + 'Digital Signal Processing", ICLR 2020): classic synthesis with every knob turned by a network '
    + 'instead of a hand. A bank of 60 sine waves at whole multiples of f0 (additive synthesis) takes '
    + 'the amplitude and harmonic distribution of each frame, smoothly interpolated between frames; '
    + 'white noise shaped by a time-varying filter (subtractive synthesis) adds breath, bow and '
    + 'attack noise; an optional room adds reverberation. Because the sound is built from oscillators, '
    + 'pitch is exact and the audio is clean at any output rate (16, 44.1 or 48 kHz) even though the '
    + 'model knows nothing above 8 kHz. The noise is seeded, so a render is repeatable.',
  inputs: { controls: { type: 'ddsp-controls', doc: 'From a DDSP decoder: f0, amplitude, harmonics and noise per frame.' } },
  outputs: { audio: { type: 'audio', doc: 'Mono audio at the chosen rate.' } },
  params: synthParams,
  heavy: true,
  run: ({ controls }, { sampleRate, reverb, reverbTime }, ctx) => {
    ctx.progress(0, 'synthesizing');
    const audio = renderControls(controls, { sampleRate: Number(sampleRate), reverb, reverbTime, seed: ctx.seed });
    ctx.progress(1);
    return { outputs: { audio }, previews: audioPreviews };
  },
});
