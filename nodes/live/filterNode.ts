/** `live.filter`: a resonant biquad filter whose cutoff can move at frame rate while the music plays. */
import { defineNode } from '../../src/engine/node';
import { paramDefaults, waveformPreview, type ValuesOf } from '../audio/instrumentRender';
import { FILTER_TYPES, filterClip, type FilterSpec } from './biquad';
import { getLiveAudio } from './liveServices';

const params = {
  type: { kind: 'enum', options: FILTER_TYPES, default: 'lowpass', doc: 'Low-pass keeps what is below the cutoff, high-pass what is above, band-pass what is near it.' },
  cutoff: { kind: 'float', default: 1200, min: 20, max: 18000, step: 1, unit: 'Hz', doc: 'Cutoff (or centre) frequency.' },
  resonance: { kind: 'float', default: 6, min: -10, max: 24, step: 0.5, unit: 'dB', doc: 'Emphasis at the cutoff (for band-pass, higher is narrower).' },
} as const;

type Values = ValuesOf<typeof params>;

/** Seconds a live filter takes to reach new settings: a little over one frame, so steps never click. */
const GLIDE_SECONDS = 0.025;

const specOf = (p: Values): FilterSpec => ({ type: p.type, frequency: p.cutoff, resonanceDb: p.resonance });

/** Shapes the spectrum of audio; the classic target of an LFO sweep. */
export const filterNode = defineNode({
  type: 'live.filter',
  title: 'Filter',
  category: 'live',
  doc: 'A resonant two-pole (biquad) filter, the Web Audio BiquadFilterNode with the coefficients of Robert Bristow-Johnson\'s Audio EQ Cookbook: low-pass darkens, high-pass thins, band-pass keeps a band; resonance emphasises the cutoff. Sweeping the cutoff is the oldest trick of electronic music — expose cutoff as an input and wire an LFO, slider or XY pad into it: live, the filter glides to each new value every frame while a clip keeps playing through it. Rendered, the clip is filtered offline with the same coefficients at the control\'s rendered value.',
  inputs: { audio: { type: 'audio', doc: 'The audio to filter.' } },
  outputs: { audio: { type: 'audio', doc: 'The filtered audio.' } },
  params,
  run: ({ audio }, p) => ({ outputs: { audio: filterClip(audio, specOf(p)) }, previews: [waveformPreview()] }),
  live: {
    create(ctx) {
      const f = getLiveAudio(ctx).filter(specOf(paramDefaults(params)));
      return {
        audio: { inputs: { audio: f.input }, outputs: { audio: f.output } },
        update(p) { f.set(specOf(p as Values), GLIDE_SECONDS); },
        dispose() { f.dispose(); },
      };
    },
  },
});
