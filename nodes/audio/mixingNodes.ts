/** Audio utility nodes: gain, mix and the patch's audio output. */
import { defineNode } from '../../src/engine/node';
import { applyGainDb, mixClips } from './clipOps';
import { waveformPreview } from './instrumentRender';
import { limitClip, peakOf } from './masterLimiter';

/** Scales audio by a gain in decibels. */
export const gainNode = defineNode({
  type: 'audio.gain',
  title: 'Gain',
  category: 'audio',
  doc: 'Makes audio louder or quieter by a gain in decibels: every sample is multiplied by 10^(dB/20), so −6 dB is about half the amplitude and +6 dB about double. This is the fader of a mixing desk. Peaks above 0 dBFS are allowed here; the audio output node limits them.',
  inputs: { audio: { type: 'audio' } },
  outputs: { audio: { type: 'audio' } },
  params: { gain: { kind: 'float', default: 0, min: -60, max: 24, step: 0.5, unit: 'dB', doc: 'Gain in decibels (0 = unchanged).' } },
  run: ({ audio }, { gain }) => ({ outputs: { audio: applyGainDb(audio, gain) }, previews: [waveformPreview()] }),
});

/** Sums several audio inputs into one. */
export const mixNode = defineNode({
  type: 'audio.mix',
  title: 'Mix',
  category: 'audio',
  doc: 'Sums any number of audio inputs into one signal, as a mixing desk\'s bus does: the result is as long as the longest input and as wide as the widest (mono inputs feed both channels). All inputs must share one sample rate. Set levels with gain nodes before the mix; the level param trims the sum.',
  inputs: { audio: { type: 'audio', multiple: true, doc: 'The signals to sum.' } },
  outputs: { audio: { type: 'audio' } },
  params: { level: { kind: 'float', default: 0, min: -60, max: 12, step: 0.5, unit: 'dB', doc: 'Gain applied to the sum.' } },
  run({ audio }, { level }) {
    if (audio.length === 0) throw new Error('audio.mix: connect at least one audio input');
    return { outputs: { audio: applyGainDb(mixClips(audio), level) }, previews: [waveformPreview()] };
  },
});

/** The patch's audio output: limits and passes its input through. */
export const audioOutputNode = defineNode({
  type: 'audio.output',
  title: 'Audio output',
  category: 'audio',
  doc: 'The audio output of the patch — what the page plays and the CLI writes to a WAV file. Like the master bus of a studio it guards the speakers: invalid samples (NaN, infinity) become silence and a look-ahead brick-wall limiter keeps every peak at or below the ceiling (−1 dBFS by default), so a loud patch is turned down smoothly instead of clipping.',
  inputs: { audio: { type: 'audio' } },
  outputs: { audio: { type: 'audio', doc: 'The limited audio, as played.' } },
  params: { ceiling: { kind: 'float', default: -1, min: -12, max: 0, step: 0.1, unit: 'dBFS', doc: 'Highest peak the output may reach.' } },
  sink: true,
  run({ audio }, { ceiling }, ctx) {
    const limited = limitClip(audio, { ceilingDb: ceiling });
    const inputPeak = peakOf(audio.channels);
    if (inputPeak > 10 ** (ceiling / 20)) ctx.log.info(`limiter engaged: input peak ${(20 * Math.log10(inputPeak)).toFixed(1)} dBFS`);
    return { outputs: { audio: limited }, previews: [waveformPreview()] };
  },
});
