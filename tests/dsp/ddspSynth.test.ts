import { describe, expect, it } from 'vitest';
import { ddspSynth } from '../../src/dsp/ddspSynth';
import { filteredNoise } from '../../src/dsp/filteredNoise';
import { harmonicSynth } from '../../src/dsp/harmonicSynth';
import { extractFeatures } from '../../src/dsp/features';
import { decayingNoiseIr } from '../../src/dsp/reverb';

/** 1 s of decoder-like controls: a 330 Hz tone with 1/h² harmonics and quiet high-passed noise. */
function controls(frames = 250) {
  const harmonics = new Float32Array(frames * 60);
  const noise = new Float32Array(frames * 65);
  for (let m = 0; m < frames; m++) {
    for (let h = 0; h < 60; h++) harmonics[m * 60 + h] = 1 / (h + 1) ** 2;
    for (let j = 0; j < 65; j++) noise[m * 65 + j] = j > 32 ? 0.01 : 0;
  }
  return { f0: new Float32Array(frames).fill(330), amplitude: new Float32Array(frames).fill(0.4), harmonics, noise };
}

describe('ddspSynth', () => {
  it('adds the harmonic and noise parts into one mono clip', () => {
    const c = controls();
    const clip = ddspSynth(c, { sampleRate: 48000, seed: 4 });
    expect(clip.sampleRate).toBe(48000);
    expect(clip.channels).toHaveLength(1);
    const harmonic = harmonicSynth(c, { sampleRate: 48000 });
    const noise = filteredNoise(c.noise, { sampleRate: 48000, seed: 4 });
    let worst = 0;
    clip.channels[0].forEach((v, i) => (worst = Math.max(worst, Math.abs(v - (harmonic[i] + noise[i])))));
    expect(worst).toBeLessThan(1e-6);
  });

  it('renders audio whose features give back the controls\' pitch', () => {
    const features = extractFeatures(ddspSynth(controls(), { sampleRate: 44100, seed: 1 }));
    const f0 = Array.from(features.f0.subarray(8, -8));
    for (const f of f0) expect(Math.abs(1200 * Math.log2(f / 330))).toBeLessThan(5);
  });

  it('runs the result through a reverb when given an impulse response', () => {
    const c = controls(25);
    const dry = ddspSynth(c, { sampleRate: 16000 }).channels[0];
    const ir = decayingNoiseIr({ sampleRate: 16000, rt60: 0.3, seed: 2 });
    const wet = ddspSynth(c, { sampleRate: 16000, reverb: ir, reverbWet: 0.5 }).channels[0];
    expect(wet).toHaveLength(dry.length);
    let difference = 0;
    for (let i = 0; i < dry.length; i++) difference += (wet[i] - dry[i]) ** 2;
    expect(Math.sqrt(difference / dry.length)).toBeGreaterThan(0.01);
  });

  it('wants 65 noise bands per frame', () => {
    expect(() => ddspSynth({ ...controls(4), noise: new Float32Array(4 * 64) }, { sampleRate: 16000 })).toThrow(/256 noise magnitudes for 4 frames/);
  });
});
