/** The sampled-piano instrument node. */
import { defineNode } from '../../src/engine/node';
import { renderNotes, renderParams, waveformPreview, type ValuesOf } from './instrumentRender';
import type { PianoSpec } from './instrumentSpec';

/** Params of the piano's sound. */
export const pianoParams = {
  release: { kind: 'float', default: 0.8, min: 0, max: 5, step: 0.05, unit: 's', doc: 'Fade after each note ends (how long the damper takes).' },
  volume: { ...renderParams.volume, default: 0 },
} as const;

/** The PianoSpec of piano param values. */
export function pianoSpec(p: ValuesOf<typeof pianoParams>): PianoSpec {
  return { kind: 'piano', release: p.release, volumeDb: p.volume };
}

/** Notes → audio on a sampled grand piano. */
export const pianoNode = defineNode({
  type: 'instrument.piano',
  title: 'Piano',
  category: 'audio',
  doc: 'Plays notes on a sampled grand piano: the Salamander Grand Piano V3 (a Yamaha C5 recorded by Alexander Holm, CC BY 3.0), one recording every minor third from A0 to C8, each note played by the nearest recording resampled to its pitch — the way hardware samplers have worked since the Fairlight CMI. Velocity scales the level; the release sets how fast notes are damped.',
  inputs: { notes: { type: 'notes', doc: 'The notes to play.' } },
  outputs: { audio: { type: 'audio', doc: 'Stereo audio, peak at most −1 dBFS.' } },
  params: { ...pianoParams, tail: { ...renderParams.tail, default: 2 }, sampleRate: renderParams.sampleRate },
  async run({ notes }, p, ctx) {
    const audio = await renderNotes(ctx, notes, pianoSpec(p), p);
    return { outputs: { audio }, previews: [waveformPreview()] };
  },
});
