/** `live.follower`: the level of an audio signal as a control value (an envelope follower). */
import { defineNode } from '../../src/engine/node';
import type { AudioClip } from '../../src/engine/values';
import { EnvelopeFollower, onePoleCoefficient } from '../../src/dsp/control';
import type { ValuesOf } from '../audio/instrumentRender';
import { mapTravel, rangeParams } from './controlRange';
import { getLiveAudio } from './liveServices';

const params = {
  mode: { kind: 'enum', options: ['peak', 'rms'], default: 'rms', doc: 'Follow the peaks, or the power (RMS, closer to loudness).' },
  attack: { kind: 'float', default: 10, min: 0, max: 2000, step: 1, unit: 'ms', doc: 'How fast the level rises.' },
  release: { kind: 'float', default: 200, min: 0, max: 5000, step: 1, unit: 'ms', doc: 'How fast it falls back.' },
  gain: { kind: 'float', default: 0, min: -24, max: 48, step: 0.5, unit: 'dB', doc: 'Gain applied to the level before mapping (full scale = top of the range).' },
  ...rangeParams,
} as const;

type Values = ValuesOf<typeof params>;

const output = (level: number, p: Values): number => mapTravel(level * 10 ** (p.gain / 20), p);

/** The mean follower level over a clip (its channels mixed to mono). */
function meanLevel(clip: AudioClip, p: Values): number {
  const n = clip.channels[0]?.length ?? 0;
  if (n === 0) return 0;
  const follower = new EnvelopeFollower({ sampleRate: clip.sampleRate, attackMs: p.attack, releaseMs: p.release, mode: p.mode as 'peak' | 'rms' });
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let x = 0;
    for (const ch of clip.channels) x += ch[i];
    sum += follower.next(x / clip.channels.length);
  }
  return sum / n;
}

/** Level of the newest `count` samples of `block`: peak or RMS. */
function blockLevel(block: Float32Array, count: number, mode: string): number {
  let acc = 0;
  const from = Math.max(0, block.length - count);
  for (let i = from; i < block.length; i++) {
    const x = Number.isFinite(block[i]) ? block[i] : 0;
    acc = mode === 'peak' ? Math.max(acc, Math.abs(x)) : acc + x * x;
  }
  return mode === 'peak' ? acc : Math.sqrt(acc / Math.max(1, block.length - from));
}

/** Turns loudness into control: ducking, auto-wah, visuals that breathe with the music. */
export const followerNode = defineNode({
  type: 'live.follower',
  title: 'Envelope follower',
  category: 'live',
  doc: 'An envelope follower, as in the auto-wah and the compressor\'s side chain: it rectifies an audio signal (peak, or RMS for loudness) and smooths it with separate attack and release times, giving a control that rises when the music gets loud and falls when it gets quiet. The level (after the gain, full scale at the top) is mapped onto min…max. Live, it listens to whatever audio is wired in (a playing clip, a live synth) and updates every frame; rendered, it gives the mean level of the clip.',
  inputs: { audio: { type: 'audio', doc: 'The signal to follow.' } },
  outputs: { value: { type: 'number', doc: 'The followed level, min…max.' } },
  params,
  run: ({ audio }, p) => ({ outputs: { value: output(meanLevel(audio, p), p) } }),
  live: {
    create(ctx) {
      const tap = getLiveAudio(ctx).tap(0.05);
      let p: Values | null = null;
      let level = 0;
      return {
        audio: { inputs: { audio: tap.input } },
        update(next) { p = next as Values; },
        tick(frame) {
          if (!p || frame.dt <= 0) return p ? { value: output(level, p) } : undefined;
          const x = blockLevel(tap.read(), Math.round(frame.dt * tap.sampleRate), p.mode);
          const a = onePoleCoefficient((x > level ? p.attack : p.release) / 1000, 1 / frame.dt);
          level = x + a * (level - x);
          return { value: output(level, p) };
        },
        dispose() { tap.dispose(); },
      };
    },
  },
});
