/** `live.mix`: sums audio — rendered clips and live nodes alike — while the patch plays. */
import { defineNode } from '../../src/engine/node';
import { applyGainDb, mixClips } from '../audio/clipOps';
import { waveformPreview, type ValuesOf } from '../audio/instrumentRender';
import { getLiveAudio } from './liveServices';

const params = {
  level: { kind: 'float', default: 0, min: -60, max: 12, step: 0.5, unit: 'dB', doc: 'Gain applied to the sum.' },
} as const;

/** Seconds a level change takes live. */
const GLIDE_SECONDS = 0.025;

/** The live counterpart of the Mix node. */
export const liveMixNode = defineNode({
  type: 'live.mix',
  title: 'Live mix',
  category: 'live',
  doc: 'Sums any number of audio inputs into one, like the Mix node, but also while the patch plays live: a looping clip, a keyboard-played synth and a filtered loop meet here on their way to the output, and the level can be moved (or driven by a control) without re-rendering. Rendered, it mixes the clips (as long as the longest, as wide as the widest) and applies the level.',
  inputs: { audio: { type: 'audio', multiple: true, doc: 'The signals to sum.' } },
  outputs: { audio: { type: 'audio', doc: 'The sum.' } },
  params,
  run({ audio }, { level }) {
    if (audio.length === 0) throw new Error('live.mix: connect at least one audio input');
    return { outputs: { audio: applyGainDb(mixClips(audio), level) }, previews: [waveformPreview()] };
  },
  live: {
    create(ctx) {
      const gain = getLiveAudio(ctx).gain(params.level.default);
      return {
        audio: { inputs: { audio: gain.input }, outputs: { audio: gain.output } },
        update(p) { gain.set((p as ValuesOf<typeof params>).level, GLIDE_SECONDS); },
        dispose() { gain.dispose(); },
      };
    },
  },
});
