/** `ddsp.audio-features`: the f0 and loudness curves of a recording, the input of a DDSP decoder. */
import { defineNode } from '../../src/engine/node';
import { extractFeatures } from '../../src/dsp/features';
import { cleanPitch } from './cleanPitch';
import { featurePreviews } from './previews';

/** Audio → DDSP features (YIN f0 with voicing, A-weighted loudness) at 250 frames per second. */
export const audioFeaturesNode = defineNode({
  type: 'ddsp.audio-features',
  title: 'DDSP audio features',
  category: 'ddsp',
  doc: 'Listens to a recording and writes down what a DDSP decoder needs to play it again: its pitch '
    + 'and its loudness, 250 times a second. This is the encoder side of timbre transfer in DDSP '
    + '(Engel, Hantrakul, Gu & Roberts, "DDSP: Differentiable Digital Signal Processing", ICLR 2020): '
    + 'a voice or a flute is reduced to these two curves, and a decoder trained on another instrument '
    + 'turns them back into sound. The audio is mixed to mono and resampled to 16 kHz; the pitch (f0) '
    + 'comes from YIN (de Cheveigné & Kawahara 2002) and reads 0 Hz where the sound has no clear '
    + 'pitch, with the confidence kept as the "voicing" curve; the loudness is the A-weighted power '
    + 'in dB (a full-scale 1 kHz sine reads about −3 dB, silence −100 dB). The numbers are those of '
    + 'docs/ddsp.md, the same the models were trained with. YIN is least sure where notes change, '
    + 'and there it may jump an octave or more down for a few frames, which a decoder turns into a '
    + 'click; so frames whose voicing is below "confidence" are marked unvoiced (0 Hz, later filled '
    + 'from their neighbours; 0.85 keeps every frame YIN calls voiced) and the pitch is median-filtered '
    + 'over "smoothing" frames, which removes jumps shorter than half of them (1 = off).',
  inputs: { audio: { type: 'audio', doc: 'Any recording, at any rate; one melodic line works best.' } },
  outputs: { features: { type: 'features', doc: 'f0 (Hz, 0 where unvoiced, cleaned) and loudness (dB) at 250 frames/s, plus extra.voicing (0–1, as YIN gave it).' } },
  params: {
    confidence: { kind: 'float', default: 0.92, min: 0.85, max: 1, step: 0.01, doc: 'Frames whose YIN voicing (1 − d′) is below this are marked unvoiced.' },
    smoothing: { kind: 'int', default: 15, min: 1, max: 51, step: 2, unit: 'frames', doc: 'Width of the median filter on the pitch (15 frames = 60 ms; 1 = off).' },
  },
  heavy: true,
  run: ({ audio }, { confidence, smoothing }, ctx) => {
    ctx.progress(0, 'pitch and loudness');
    const raw = extractFeatures(audio);
    const features = { ...raw, f0: cleanPitch(raw.f0, raw.extra!.voicing, confidence, smoothing) };
    ctx.progress(1);
    return { outputs: { features }, previews: featurePreviews(features) };
  },
});
