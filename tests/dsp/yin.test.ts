import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { harmonicSynth } from '../../src/dsp/harmonicSynth';
import { readWav } from '../../src/dsp/wav';
import { yin } from '../../src/dsp/yin';
import { sine } from './signal';

const cents = (f: number, ref: number) => 1200 * Math.log2(f / ref);
const midiHz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

/** A 1 s tone at 16 kHz: `f0` with harmonics falling as 1/h (60 of them, those under 8 kHz kept). */
function harmonicTone(f0: number | ((m: number) => number), frames = 250): Float32Array {
  const harmonics = new Float32Array(frames * 60);
  for (let m = 0; m < frames; m++) for (let h = 0; h < 60; h++) harmonics[m * 60 + h] = 1 / (h + 1);
  const curve = Float32Array.from({ length: frames }, (_, m) => (typeof f0 === 'number' ? f0 : f0(m)));
  return harmonicSynth({ f0: curve, amplitude: new Float32Array(frames).fill(0.5), harmonics }, { sampleRate: 16000 });
}

/** Frames 8 … n − 8 (their windows lie inside the signal). */
const interior = (x: Float32Array) => Array.from(x.subarray(8, x.length - 8));

describe('yin', () => {
  // Parabolic interpolation reads harmonic-rich tones slightly off once the period spans few
  // samples (measured: ≤ 2.4 cents up to 440 Hz, ≤ 9.7 cents up to 2 kHz); pure sines within 1.2.
  it.each([
    [55, 3],
    [98, 3],
    [220, 3],
    [440, 3],
    [880, 12],
    [1500, 12],
    [1975, 12],
  ])('tracks a harmonic tone at %f Hz within %f cents in every interior frame', (f0, tolerance) => {
    const track = yin(harmonicTone(f0));
    expect(track.f0).toHaveLength(251);
    for (const f of interior(track.f0)) expect(Math.abs(cents(f, f0))).toBeLessThan(tolerance);
    for (const v of interior(track.voicing)) expect(v).toBeGreaterThan(0.9);
  });

  it('follows a vibrato (the 64 ms window smooths it by a few cents)', () => {
    const curve = (m: number) => 300 * 2 ** ((50 * Math.sin((2 * Math.PI * 5 * m) / 250)) / 1200); // ±50 cents at 5 Hz
    const track = yin(harmonicTone(curve));
    for (let m = 8; m < 243; m++) expect(Math.abs(cents(track.f0[m], curve(m)))).toBeLessThan(9); // measured 7.1
  });

  it('finds pure sines, not only harmonic-rich tones', () => {
    for (const f of [70, 1000, 1900]) {
      for (const est of interior(yin(sine(f, 16000, 8000)).f0)) expect(Math.abs(cents(est, f))).toBeLessThan(2);
    }
  });

  it('marks white noise and silence unvoiced', () => {
    const rng = createRng('yin noise');
    const noise = yin(Float32Array.from({ length: 16000 }, () => rng.range(-0.5, 0.5)));
    expect(noise.f0.filter((f) => f > 0).length / noise.f0.length).toBeLessThan(0.02);
    for (const v of noise.voicing) expect(v).toBeLessThan(0.7);
    const silence = yin(new Float32Array(4000));
    expect(silence.f0.every((f) => f === 0)).toBe(true);
    expect(silence.voicing.every((v) => v === 0)).toBe(true);
  });

  it('respects the 50–2000 Hz search range', () => {
    const tooHigh = yin(sine(2600, 16000, 4000));
    for (const f of tooHigh.f0) expect(f === 0 || f <= 2001).toBe(true);
    expect(() => yin(new Float32Array(10), { fMin: 10 })).toThrow(/lags/);
  });

  it.each([
    ['db2_f', 49],
    ['bb2_p', 58],
    ['g3_f', 67],
    ['ab4_p', 80],
  ])('tracks the recorded alto saxophone note %s (MIDI %i) within 50 cents', (name, midi) => {
    const clip = readWav(readFileSync(new URL(`../fixtures/audio/sax-${name}.wav`, import.meta.url)), `sax-${name}.wav`);
    expect(clip.sampleRate).toBe(16000);
    const track = yin(clip.channels[0]);
    const frames = interior(track.f0);
    const voiced = frames.filter((f) => f > 0);
    expect(voiced.length / frames.length).toBeGreaterThan(0.95);
    for (const f of voiced) expect(Math.abs(cents(f, midiHz(midi)))).toBeLessThan(50);
  });
});
