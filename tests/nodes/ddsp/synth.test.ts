/** ddsp.synth: controls → audio at each output rate, with the pitch of the controls, a seeded noise and an optional room. */
import { describe, expect, it } from 'vitest';
import { synthNode } from '../../../nodes/ddsp/synthNode';
import { rms } from '../../../src/dsp/measure';
import type { AudioClip, SynthControls } from '../../../src/engine/values';
import { runNode } from '../runNode';
import { cents, pitchOf } from './tones';

/** One second of a 330 Hz tone with 1/h harmonics and a little noise, then a quarter second of silence. */
function controls(): SynthControls {
  const frames = 313;
  const f0 = new Float32Array(frames).fill(330);
  const amplitude = new Float32Array(frames);
  amplitude.fill(0.3, 0, 250);
  const harmonics = new Float32Array(frames * 60);
  for (let m = 0; m < frames; m++) for (let h = 0; h < 60; h++) harmonics[m * 60 + h] = 1 / (h + 1);
  const noise = new Float32Array(frames * 65);
  noise.fill(0.002, 0, 250 * 65);
  return { frameRate: 250, f0, amplitude, harmonicCount: 60, harmonics, noiseBands: 65, noise };
}

const render = async (params: Record<string, unknown>, seed = 1) =>
  (await runNode(synthNode, { controls: controls() }, params, { seed })).outputs.audio as AudioClip;
const segment = (clip: AudioClip, from: number, to: number): AudioClip =>
  ({ sampleRate: clip.sampleRate, channels: [clip.channels[0].subarray(Math.round(from * clip.sampleRate), Math.round(to * clip.sampleRate))] });

describe('ddsp.synth', () => {
  for (const rate of ['16000', '44100', '48000']) {
    it(`renders at ${rate} Hz with the controls' pitch`, async () => {
      const clip = await render({ sampleRate: rate });
      expect(clip.sampleRate).toBe(Number(rate));
      expect(clip.channels[0].length).toBe(Math.round((313 * Number(rate)) / 250));
      const { hz, voiced } = pitchOf(clip, 0.1, 0.9);
      expect(voiced).toBe(1);
      expect(Math.abs(cents(hz, 330))).toBeLessThan(5);
      // 0.3 spread over harmonics 1–24 (the 25th, 8250 Hz, is above the model's 8 kHz) as 1/h, renormalised.
      const weights = Array.from({ length: 24 }, (_, h) => 1 / (h + 1));
      const sum = weights.reduce((a, b) => a + b, 0);
      const expected = 0.3 * Math.sqrt(weights.reduce((a, w) => a + (w / sum) ** 2 / 2, 0));
      expect(rms(segment(clip, 0.1, 0.9)) / expected).toBeCloseTo(1, 1);
      expect(rms(segment(clip, 1.1, 1.25))).toBeLessThan(1e-6);
    });
  }

  it('the seed changes the noise only', async () => {
    const a = await render({ sampleRate: '16000' }, 1);
    const b = await render({ sampleRate: '16000' }, 1);
    const c = await render({ sampleRate: '16000' }, 2);
    expect(b.channels[0]).toEqual(a.channels[0]);
    let diff = 0;
    for (let i = 0; i < a.channels[0].length; i++) diff = Math.max(diff, Math.abs(a.channels[0][i] - c.channels[0][i]));
    expect(diff).toBeGreaterThan(1e-4);
    expect(diff).toBeLessThan(0.05);
  });

  it('reverb rings on after the note and keeps the length', async () => {
    const dry = await render({ sampleRate: '16000' });
    const wet = await render({ sampleRate: '16000', reverb: 0.5, reverbTime: 1 });
    expect(wet.channels[0].length).toBe(dry.channels[0].length);
    expect(rms(segment(wet, 1.05, 1.2))).toBeGreaterThan(0.01);
  });

  it('previews the waveform and spectrogram of its output', async () => {
    const { previews } = await runNode(synthNode, { controls: controls() }, { sampleRate: '16000' });
    expect(previews?.map((p) => p.kind)).toEqual(['waveform', 'spectrogram']);
  });
});
