import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { filteredNoise, NoiseFilterDesign, noiseFirLength } from '../../src/dsp/filteredNoise';
import { magnitudeSpectrogram } from '../../src/dsp/stft';

const BANDS = 65;

/** `frames` frames that all hold the band magnitudes shape(f) at f = 0, 125, …, 8000 Hz. */
function bandsOf(frames: number, shape: (hz: number) => number): Float32Array {
  const out = new Float32Array(frames * BANDS);
  for (let m = 0; m < frames; m++) for (let j = 0; j < BANDS; j++) out[m * BANDS + j] = shape(j * 125);
  return out;
}

/** Mean power |Y|² per bin over all frames of a 1024-point STFT, from frame `from` on. */
function averagePower(x: Float32Array, from = 2, to?: number): Float64Array {
  const spec = magnitudeSpectrogram(x, { size: 1024, hop: 256 });
  const last = to ?? spec.frames - 2;
  const power = new Float64Array(spec.bins);
  for (let m = from; m < last; m++) for (let k = 0; k < spec.bins; k++) power[k] += spec.data[m * spec.bins + k] ** 2 / (last - from);
  return power;
}

/** Mean power over the bins between two frequencies (1024-point STFT at `rate`). */
function bandPower(power: Float64Array, rate: number, lo: number, hi: number): number {
  let sum = 0;
  let count = 0;
  for (let k = Math.ceil((lo * 1024) / rate); k <= Math.floor((hi * 1024) / rate); k++, count++) sum += power[k];
  return sum / count;
}

const db = (ratio: number) => 10 * Math.log10(ratio);

describe('filteredNoise', () => {
  it('sizes the FIR at 2·64 taps per 16 kHz of output rate', () => {
    expect(noiseFirLength(16000)).toBe(128);
    expect(noiseFirLength(48000)).toBe(384);
    expect(noiseFirLength(44100)).toBe(352);
  });

  it('turns flat magnitudes of 1 into a delayed unit impulse, so the output is the seeded noise itself', () => {
    const ir = new NoiseFilterDesign(16000).impulseResponse(new Float32Array(BANDS).fill(1));
    expect(ir).toHaveLength(128);
    ir.forEach((v, n) => expect(v).toBeCloseTo(n === 64 ? 1 : 0, 12));
    const y = filteredNoise(bandsOf(40, () => 1), { sampleRate: 16000, seed: 'flat' });
    expect(y).toHaveLength(2560);
    const rng = createRng('flat');
    let worst = 0;
    y.forEach((v) => (worst = Math.max(worst, Math.abs(v - (rng.next() * 2 - 1)))));
    expect(worst).toBeLessThan(1e-6);
  });

  it('builds a symmetric, Hann-tapered FIR whose response follows the bands', () => {
    const design = new NoiseFilterDesign(16000);
    const ir = design.impulseResponse(bandsOf(1, (f) => (f <= 2000 ? 1 : 0)));
    for (let n = 1; n < 64; n++) expect(ir[64 + n]).toBeCloseTo(ir[64 - n], 12);
    expect(ir[0]).toBe(0);
    // DFT of the FIR at 1 kHz (pass band) and 5 kHz (stop band).
    const gain = (hz: number) => Math.hypot(...[Math.cos, Math.sin].map((f) => ir.reduce((s, v, n) => s + v * f((2 * Math.PI * hz * n) / 16000), 0)));
    expect(gain(1000)).toBeCloseTo(1, 1);
    expect(gain(5000)).toBeLessThan(0.01);
  });

  it('follows a requested spectral shape: a rising ramp gives |H(f)| ∝ f within 1 dB', () => {
    const rate = 16000;
    const flat = averagePower(filteredNoise(bandsOf(2500, () => 1), { sampleRate: rate, seed: 1 }));
    const ramp = averagePower(filteredNoise(bandsOf(2500, (f) => f / 8000), { sampleRate: rate, seed: 1 }));
    for (const hz of [1000, 2000, 4000, 6000, 7500]) {
      const measured = db(bandPower(ramp, rate, hz - 100, hz + 100) / bandPower(flat, rate, hz - 100, hz + 100));
      expect(Math.abs(measured - db((hz / 8000) ** 2))).toBeLessThan(1);
    }
  });

  it('separates low-pass and high-pass shapes by more than 30 dB', () => {
    const rate = 16000;
    const low = averagePower(filteredNoise(bandsOf(1000, (f) => (f <= 2000 ? 1 : 0)), { sampleRate: rate, seed: 2 }));
    const high = averagePower(filteredNoise(bandsOf(1000, (f) => (f >= 5000 ? 1 : 0)), { sampleRate: rate, seed: 2 }));
    expect(db(bandPower(low, rate, 100, 1500) / bandPower(low, rate, 3000, 7900))).toBeGreaterThan(30);
    expect(db(bandPower(high, rate, 5500, 7900) / bandPower(high, rate, 100, 4000))).toBeGreaterThan(30);
  });

  it('switches shape from frame to frame', () => {
    const rate = 16000;
    const frames = 500;
    const bands = new Float32Array(frames * BANDS);
    for (let m = 0; m < frames; m++) for (let j = 0; j < BANDS; j++) bands[m * BANDS + j] = (m < frames / 2) === (j * 125 < 3000) ? 1 : 0;
    const y = filteredNoise(bands, { sampleRate: rate, seed: 3 });
    const first = averagePower(y, 2, 60); // STFT frames (256 samples apart) 2–59 lie in the first second
    const second = averagePower(y, 66);
    expect(db(bandPower(first, rate, 200, 2500) / bandPower(first, rate, 4000, 7800))).toBeGreaterThan(30);
    expect(db(bandPower(second, rate, 4000, 7800) / bandPower(second, rate, 200, 2500))).toBeGreaterThan(30);
  });

  it('stays below 8 kHz at 48 kHz output', () => {
    const rate = 48000;
    const y = filteredNoise(bandsOf(500, () => 1), { sampleRate: rate, seed: 4 });
    expect(y).toHaveLength(96000);
    const power = averagePower(y);
    expect(db(bandPower(power, rate, 500, 7500))).toBeGreaterThan(db(bandPower(power, rate, 9000, 23000)) + 40);
  });

  it('is reproducible per seed', () => {
    const bands = bandsOf(20, (f) => 1 - f / 8000);
    const a = filteredNoise(bands, { sampleRate: 22050, seed: 9 });
    expect(filteredNoise(bands, { sampleRate: 22050, seed: 9 })).toEqual(a);
    expect(filteredNoise(bands, { sampleRate: 22050, seed: 10 })).not.toEqual(a);
    expect(a).toHaveLength(1764);
  });

  it('explains bad input', () => {
    expect(() => filteredNoise(new Float32Array(64), { sampleRate: 16000 })).toThrow(/64 magnitudes.*65 bands/);
    expect(() => filteredNoise(new Float32Array(65), { sampleRate: 12000 })).toThrow(/at least 16000/);
  });
});
