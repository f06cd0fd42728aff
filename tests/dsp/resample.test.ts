import { describe, expect, it } from 'vitest';
import { resample } from '../../src/dsp/resample';
import { dominantFrequency, sine, toneAmplitude } from './signal';

const db = (ratio: number) => 20 * Math.log10(ratio);

/** RMS of (a − b) over the middle half relative to the RMS of b, in dB (edges see zero padding). */
function errorDb(a: Float32Array, b: Float32Array): number {
  let err = 0;
  let ref = 0;
  for (let i = Math.floor(b.length / 4); i < Math.floor((3 * b.length) / 4); i++) {
    err += (a[i] - b[i]) ** 2;
    ref += b[i] ** 2;
  }
  return 10 * Math.log10(err / ref);
}

describe('resample', () => {
  it('48k → 16k keeps a 1 kHz sine: frequency, amplitude and phase', () => {
    const out = resample({ sampleRate: 48000, channels: [sine(1000, 48000, 12000)] }, 16000);
    expect(out.sampleRate).toBe(16000);
    const y = out.channels[0];
    expect(y).toHaveLength(4000);
    const middle = y.subarray(1000, 2600); // 0.1 s: 1 kHz falls on DFT bin 100
    expect(dominantFrequency(middle, 16000)).toBe(1000);
    expect(toneAmplitude(middle, 1000, 16000)).toBeCloseTo(0.5, 4);
    expect(errorDb(y, sine(1000, 16000, 4000))).toBeLessThan(-80);
  });

  it('48k → 16k → 48k leaves a 1 kHz tone with aliasing and error far below −60 dB', () => {
    const x = sine(1000, 48000, 12000);
    const back = resample(resample({ sampleRate: 48000, channels: [x] }, 16000), 48000).channels[0];
    expect(back).toHaveLength(12000);
    expect(errorDb(back, x)).toBeLessThan(-80);
    expect(db(toneAmplitude(back, 1000, 48000, 3000, 4800) / 0.5)).toBeCloseTo(0, 3);
  });

  it('removes a tone above the new Nyquist frequency instead of aliasing it', () => {
    // 10 kHz would fold to 6 kHz at 16 kHz; the anti-alias filter must take it out.
    const y = resample({ sampleRate: 48000, channels: [sine(10000, 48000, 12000)] }, 16000).channels[0];
    const middle = y.subarray(1000, 3000);
    expect(db(toneAmplitude(middle, 6000, 16000) / 0.5)).toBeLessThan(-80);
    const rms = Math.sqrt(middle.reduce((s, v) => s + v * v, 0) / middle.length);
    expect(db(rms / (0.5 / Math.SQRT2))).toBeLessThan(-80); // the brief asks ≥ 40 dB
  });

  it('passes a tone near the top of the pass band untouched', () => {
    const y = resample({ sampleRate: 48000, channels: [sine(7000, 48000, 12000)] }, 16000).channels[0];
    expect(errorDb(y, sine(7000, 16000, 4000))).toBeLessThan(-60);
  });

  it.each([
    [44100, 48000, 1000],
    [48000, 44100, 3000],
    [22050, 44100, 1000],
    [48000, 47999, 440], // 47999 phases: kernels interpolated between table rows
  ])('%i → %i keeps a %i Hz sine', (from, to, freq) => {
    const frames = Math.round(from / 4);
    const y = resample({ sampleRate: from, channels: [sine(freq, from, frames)] }, to).channels[0];
    expect(y).toHaveLength(Math.ceil((frames * to) / from));
    expect(errorDb(y, sine(freq, to, y.length))).toBeLessThan(-80);
  });

  it('adds no image when upsampling', () => {
    // 1 kHz at 22.05 kHz has an image at 21.05 kHz after naive upsampling to 44.1 kHz.
    const y = resample({ sampleRate: 22050, channels: [sine(1000, 22050, 22050)] }, 44100).channels[0];
    expect(db(toneAmplitude(y, 21050, 44100, 11025, 22050) / 0.5)).toBeLessThan(-80);
  });

  it('resamples every channel on its own and keeps DC at unity gain', () => {
    const clip = { sampleRate: 32000, channels: [new Float32Array(3200).fill(0.25), sine(500, 32000, 3200)] };
    const out = resample(clip, 24000);
    expect(out.channels).toHaveLength(2);
    for (const v of out.channels[0].subarray(600, 1800)) expect(v).toBeCloseTo(0.25, 6);
    expect(errorDb(out.channels[1], sine(500, 24000, 2400))).toBeLessThan(-80);
  });

  it('copies a clip already at the target rate, and refuses bad rates', () => {
    const clip = { sampleRate: 8000, channels: [Float32Array.of(1, 2, 3)] };
    const same = resample(clip, 8000);
    expect(same.channels[0]).toEqual(clip.channels[0]);
    expect(same.channels[0]).not.toBe(clip.channels[0]);
    expect(() => resample(clip, 0)).toThrow('target sample rate must be positive');
    expect(() => resample({ ...clip, sampleRate: NaN }, 8000)).toThrow('source sample rate must be positive');
  });
});
