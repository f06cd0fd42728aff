import { describe, expect, it } from 'vitest';
import { harmonicAmplitudes, harmonicSynth } from '../../src/dsp/harmonicSynth';
import { magnitudeSpectrogram } from '../../src/dsp/stft';
import { toneAmplitude } from './signal';

const H = 60;

/** Controls holding one f0, amplitude and harmonic distribution for `frames` frames. */
function steady(frames: number, f0: number, amplitude: number, weights: number[]) {
  const harmonics = new Float32Array(frames * H);
  for (let m = 0; m < frames; m++) weights.forEach((w, h) => (harmonics[m * H + h] = w));
  return { f0: new Float32Array(frames).fill(f0), amplitude: new Float32Array(frames).fill(amplitude), harmonics };
}

const maxError = (a: ArrayLike<number>, b: (n: number) => number, from = 0, to = a.length): number => {
  let e = 0;
  for (let n = from; n < to; n++) e = Math.max(e, Math.abs(a[n] - b(n)));
  return e;
};

describe('harmonicSynth', () => {
  it.each([16000, 48000])('renders a steady tone as the closed-form sum of sines at %i Hz', (rate) => {
    const weights = Array.from({ length: H }, (_, h) => 1 / (h + 1)); // 60 × 110 Hz stays under 8 kHz
    const total = weights.reduce((s, w) => s + w, 0);
    const y = harmonicSynth(steady(50, 110, 0.6, weights), { sampleRate: rate });
    expect(y).toHaveLength((50 * rate) / 250);
    const closedForm = (n: number) => weights.reduce((s, w, h) => s + (0.6 * w / total) * Math.sin((2 * Math.PI * (h + 1) * 110 * n) / rate), 0);
    expect(maxError(y, closedForm)).toBeLessThan(2e-6);
  });

  it('silences harmonics at or above 8 kHz and renormalises the rest', () => {
    const rate = 48000;
    const y = harmonicSynth(steady(250, 1000, 0.7, new Array(H).fill(1)), { sampleRate: rate });
    for (let h = 1; h <= 7; h++) expect(toneAmplitude(y, h * 1000, rate, 4800, 4800)).toBeCloseTo(0.1, 5); // 0.7 / 7
    for (const f of [8000, 9000, 12000, 20000]) expect(toneAmplitude(y, f, rate, 4800, 4800)).toBeLessThan(1e-6);
    const closedForm = (n: number) => Array.from({ length: 7 }, (_, h) => 0.1 * Math.sin((2 * Math.PI * (h + 1) * 1000 * n) / rate)).reduce((a, b) => a + b);
    expect(maxError(y, closedForm)).toBeLessThan(2e-6);
    const rows = harmonicAmplitudes(steady(1, 1000, 0.7, new Array(H).fill(1)));
    expect(rows.slice(0, 7).every((a) => Math.abs(a - 0.1) < 1e-8)).toBe(true);
    expect(rows.slice(7).every((a) => a === 0)).toBe(true);
  });

  it('keeps a fast sweep that crosses 8 kHz harmonic by harmonic 40 dB clear above 8.5 kHz', () => {
    // A harmonic cut on the sample it reaches 8 kHz still has part of its amplitude (which only
    // reaches 0 at the next frame): each cut is a small click, the only energy above 8 kHz.
    const rate = 48000;
    const frames = 500; // 2 s, f0 from 100 Hz to 2 kHz: harmonics drop out one by one
    const controls = steady(frames, 0, 0.5, new Array(H).fill(1));
    controls.f0.forEach((_, m) => (controls.f0[m] = 100 * 20 ** (m / (frames - 1))));
    const spec = magnitudeSpectrogram(harmonicSynth(controls, { sampleRate: rate }), { size: 2048, hop: 512 });
    const firstAbove = Math.ceil((8500 * 2048) / rate);
    let below = 0;
    let above = 0;
    for (let i = 0; i < spec.data.length; i++) {
      if (i % spec.bins < firstAbove) below += spec.data[i] ** 2;
      else above += spec.data[i] ** 2;
    }
    expect(10 * Math.log10(above / below)).toBeLessThan(-40);
  });

  it('stays phase-continuous across an f0 change: the closed-form chirp of a linear ramp', () => {
    // Frames 0 and 1 at 200 and 300 Hz: f0 ramps over samples 0…63, then holds at 300 Hz.
    const controls = { f0: Float32Array.of(200, 300, 300, 300), amplitude: new Float32Array(4).fill(1), harmonics: new Float32Array(4 * H) };
    for (let m = 0; m < 4; m++) controls.harmonics[m * H] = 1;
    const rate = 16000;
    const y = harmonicSynth(controls, { sampleRate: rate });
    const cycles = (n: number): number => (n <= 64 ? 200 * n + (100 / 64) * ((n * (n - 1)) / 2) : cycles(64) + 300 * (n - 64)); // Σ_{k<n} f(k)
    expect(maxError(y, (n) => Math.sin((2 * Math.PI * cycles(n)) / rate))).toBeLessThan(1e-6);
    let jump = 0;
    for (let n = 1; n < y.length; n++) jump = Math.max(jump, Math.abs(y[n] - y[n - 1]));
    expect(jump).toBeLessThanOrEqual((2 * Math.PI * 300) / rate + 1e-6); // never more than the fastest phase step
  });

  it('interpolates between frame centres at a rate whose hop is fractional (44.1 kHz: 176.4 samples)', () => {
    const rate = 44100;
    const f0 = Float32Array.of(220, 330, 247, 247, 600);
    const amplitude = Float32Array.of(0, 1, 0.5, 0.5, 0.2);
    const harmonics = new Float32Array(5 * H);
    for (let m = 0; m < 5; m++) [harmonics[m * H], harmonics[m * H + 2]] = [0.75, 0.25];
    const y = harmonicSynth({ f0, amplitude, harmonics }, { sampleRate: rate });
    expect(y).toHaveLength(882);
    // Reference: position n·250/R frames, direct Math.sin of a float64 phase sum.
    const expected = new Float64Array(y.length);
    let phase = 0;
    for (let n = 0; n < y.length; n++) {
      const u = Math.min((n * 250) / rate, 4);
      const m = Math.min(Math.floor(u), 3);
      const lerp = (v: Float32Array) => v[m] + (v[m + 1] - v[m]) * (u - m);
      expected[n] = lerp(amplitude) * (0.75 * Math.sin(phase) + 0.25 * Math.sin(3 * phase));
      phase += (2 * Math.PI * lerp(f0)) / rate;
    }
    expect(maxError(y, (n) => expected[n])).toBeLessThan(2e-6);
  });

  it('keeps float64 phase accurate over 60 s', () => {
    const rate = 16000;
    const weights = Array.from({ length: 30 }, (_, h) => 1 / (h + 1) ** 2); // 30 × 261.63 Hz < 8 kHz
    const total = weights.reduce((s, w) => s + w, 0);
    const y = harmonicSynth(steady(250 * 60, 261.63, 1, weights), { sampleRate: rate });
    expect(y).toHaveLength(60 * rate);
    const f0 = Math.fround(261.63); // the value the Float32Array holds
    const closedForm = (n: number) => weights.reduce((s, w, h) => s + (w / total) * Math.sin((2 * Math.PI * (h + 1) * f0 * n) / rate), 0);
    expect(maxError(y, closedForm, y.length - 1600, y.length)).toBeLessThan(5e-6);
  });

  it('is silent where f0 ≤ 0 or amplitude is 0, and holds the last frame past the end', () => {
    const silent = harmonicSynth(steady(10, 0, 1, [1]), { sampleRate: 16000 });
    expect(silent.every((v) => v === 0)).toBe(true);
    expect(harmonicSynth(steady(10, 440, 0, [1]), { sampleRate: 16000 }).every((v) => v === 0)).toBe(true);
    const long = harmonicSynth(steady(2, 500, 0.5, [1]), { sampleRate: 16000, length: 1600 });
    expect(long).toHaveLength(1600);
    expect(toneAmplitude(long, 500, 16000, 800, 800)).toBeCloseTo(0.5, 5);
    expect(harmonicSynth(steady(0, 500, 0.5, [1]), { sampleRate: 16000 })).toHaveLength(0);
  });

  it('explains bad input', () => {
    expect(() => harmonicSynth(steady(4, 440, 1, [1]), { sampleRate: 8000 })).toThrow(/at least 16000/);
    const controls = steady(4, 440, 1, [1]);
    expect(() => harmonicSynth({ ...controls, amplitude: new Float32Array(3) }, { sampleRate: 16000 })).toThrow(/4 f0 frames but 3/);
    expect(() => harmonicSynth({ ...controls, harmonics: new Float32Array(7) }, { sampleRate: 16000 })).toThrow(/7 harmonic values/);
  });
});
