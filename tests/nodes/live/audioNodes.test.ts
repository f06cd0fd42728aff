import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeOfflineRenderer } from '../../../src/audio/nodeOfflineRenderer';
import { createRng } from '../../../src/engine/rng';
import type { AudioClip, NoteSequence } from '../../../src/engine/values';
import { parseNotation } from '../../../src/music/notation';
import type { NoteRenderer } from '../../../nodes/audio/renderService';
import { filterClip, webAudioQ, type FilterSpec } from '../../../nodes/live/biquad';
import { filterNode } from '../../../nodes/live/filterNode';
import { liveMixNode } from '../../../nodes/live/mixNode';
import { liveSynthNode } from '../../../nodes/live/synthNode';
import { onsetTimes, rmsBetween } from '../../audio/measure';
import { runNode } from '../runNode';

const RATE = 44100;
const sine = (hz: number, seconds = 1, amp = 0.5): AudioClip =>
  ({ sampleRate: RATE, channels: [Float32Array.from({ length: seconds * RATE }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / RATE))] });
const noise = (seconds = 1): AudioClip => {
  const rng = createRng(5);
  return { sampleRate: RATE, channels: [Float32Array.from({ length: seconds * RATE }, () => rng.range(-0.5, 0.5))] };
};
const steadyRms = (clip: AudioClip): number => rmsBetween(clip.channels[0], RATE, 0.5, 1);
/** Energy of the first difference over energy: a brightness measure. */
const brightness = (x: Float32Array): number => {
  let e = 0; let d = 0;
  for (let i = 1; i < x.length; i++) { e += x[i] * x[i]; d += (x[i] - x[i - 1]) ** 2; }
  return d / e;
};

let renderer: NoteRenderer;
beforeAll(() => { renderer = createNodeOfflineRenderer(); });

describe('biquad filters', () => {
  it('peak at the cutoff by the resonance and fall 12 dB per octave above it (low-pass)', () => {
    const spec: FilterSpec = { type: 'lowpass', frequency: 1000, resonanceDb: 6 };
    expect(steadyRms(filterClip(sine(1000), spec)) / steadyRms(sine(1000))).toBeCloseTo(10 ** (6 / 20), 1);
    const twoOctavesUp = steadyRms(filterClip(sine(4000), spec)) / steadyRms(sine(4000));
    expect(20 * Math.log10(twoOctavesUp)).toBeCloseTo(-24, -1);
    const highpass = steadyRms(filterClip(sine(250), { type: 'highpass', frequency: 1000, resonanceDb: 0 })) / steadyRms(sine(250));
    expect(20 * Math.log10(highpass)).toBeCloseTo(-24, -1);
    expect(webAudioQ({ type: 'bandpass', frequency: 1000, resonanceDb: 20 })).toBe(10);
  });

  it('filter a clip offline exactly as a Web Audio BiquadFilterNode does live', async () => {
    const webAudio = await import('node-web-audio-api');
    const input = noise(0.5);
    for (const spec of [{ type: 'lowpass', frequency: 800, resonanceDb: 9 }, { type: 'bandpass', frequency: 2000, resonanceDb: 12 }] as FilterSpec[]) {
      const ctx = new webAudio.OfflineAudioContext(1, input.channels[0].length, RATE);
      const buffer = ctx.createBuffer(1, input.channels[0].length, RATE);
      buffer.copyToChannel(input.channels[0] as Float32Array<ArrayBuffer>, 0);
      const source = ctx.createBufferSource();
      source.buffer = buffer;
      const biquad = ctx.createBiquadFilter();
      biquad.type = spec.type;
      biquad.frequency.value = spec.frequency;
      biquad.Q.value = webAudioQ(spec);
      source.connect(biquad).connect(ctx.destination);
      source.start(0);
      const live = (await ctx.startRendering()).getChannelData(0);
      const offline = filterClip(input, spec).channels[0];
      let worst = 0;
      for (let i = 0; i < live.length; i++) worst = Math.max(worst, Math.abs(live[i] - offline[i]));
      expect(worst).toBeLessThan(1e-4);
    }
  });

  it('is what the filter node renders', async () => {
    const input = noise(0.2);
    const { outputs } = await runNode(filterNode, { audio: input }, { type: 'highpass', cutoff: 3000, resonance: 3 });
    expect((outputs.audio as AudioClip).channels[0]).toEqual(filterClip(input, { type: 'highpass', frequency: 3000, resonanceDb: 3 }).channels[0]);
  });
});

describe('live synth (rendered)', () => {
  it('plays its clip and the keyboard take together, darker with a lower cutoff', async () => {
    const notes = parseNotation('C3/8 r/8 r/4', { tempo: 120 });
    const take: NoteSequence = parseNotation('r/4 G4/4 r/4 E4/4', { tempo: 120 });
    const render = async (cutoff: number) => (await runNode(liveSynthNode, { notes, events: take }, { cutoff, release: 0.02, tail: 0.3 }, { services: { renderer } })).outputs.audio as AudioClip;
    const bright = await render(12000);
    const onsets = onsetTimes(bright.channels[0], RATE);
    expect(onsets.map((t) => Math.round(t * 2) / 2)).toEqual([0, 0.5, 1.5]);
    const dark = await render(300);
    expect(brightness(dark.channels[0])).toBeLessThan(brightness(bright.channels[0]) / 4);
  });

  it('renders silence for nothing to play instead of failing', async () => {
    const { outputs } = await runNode(liveSynthNode, {}, { tail: 0.1 }, { services: { renderer } });
    const clip = outputs.audio as AudioClip;
    expect(clip.channels[0].length).toBeGreaterThan(0);
    expect(clip.channels[0].every((v) => v === 0)).toBe(true);
  });
});

describe('live mix (rendered)', () => {
  it('sums its inputs and applies the level; with no input it says so', async () => {
    const { outputs } = await runNode(liveMixNode, { audio: [sine(220, 1, 0.2), sine(220, 1, 0.3)] }, { level: -6 });
    expect(steadyRms(outputs.audio as AudioClip)).toBeCloseTo(0.5 * Math.SQRT1_2 * 10 ** (-6 / 20), 3);
    await expect(runNode(liveMixNode, { audio: [] })).rejects.toThrow('live.mix: connect at least one audio input');
  });
});
