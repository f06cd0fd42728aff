import { describe, expect, it } from 'vitest';
import { applyFilterbank, hzToMel, melFilterbank, melToHz } from '../../src/dsp/mel';
import { frameCount, magnitudeSpectrogram, stft } from '../../src/dsp/stft';
import { sine } from './signal';

/** Index of the largest value in row m. */
const peakBin = (data: Float32Array, bins: number, m: number): number => {
  let best = 0;
  for (let k = 1; k < bins; k++) if (data[m * bins + k] > data[m * bins + best]) best = k;
  return best;
};

describe('stft', () => {
  it('has ⌊S / hop⌋ + 1 centred frames of size/2 + 1 bins', () => {
    const spec = magnitudeSpectrogram(new Float32Array(16000), { size: 1024, hop: 64 });
    expect(spec.frames).toBe(251);
    expect(spec.bins).toBe(513);
    expect(frameCount(16063, 64)).toBe(251);
    expect(frameCount(16064, 64)).toBe(252);
    expect(stft(new Float32Array(100), { size: 64 }).frames).toBe(7); // default hop 16
  });

  it('puts a 1 kHz sine at bin 64 of a 1024-point frame at 16 kHz, with magnitude A·N/4', () => {
    const spec = magnitudeSpectrogram(sine(1000, 16000, 8000, 0.5), { size: 1024, hop: 256 });
    for (const m of [4, 10, 25]) {
      expect(peakBin(spec.data, spec.bins, m)).toBe(64);
      expect(spec.data[m * spec.bins + 64]).toBeCloseTo((0.5 * 1024) / 4, 2); // Hann sums to N/2; half goes to +f
      expect(spec.data[m * spec.bins + 63]).toBeCloseTo((0.5 * 1024) / 8, 2); // Hann leaks half as much to ±1 bin
    }
  });

  it('finds an off-bin sine at the nearest bin, sine by sine', () => {
    for (const freq of [440, 2345, 7000]) {
      const spec = magnitudeSpectrogram(sine(freq, 16000, 8000), { size: 512, hop: 128 });
      expect(peakBin(spec.data, spec.bins, 20)).toBe(Math.round((freq * 512) / 16000));
    }
  });

  it('centres frame m on sample m·hop: an impulse at sample 0 fills frame 0 flat', () => {
    const impulse = new Float32Array(256);
    impulse[0] = 1;
    const spec = stft(impulse, { size: 64, hop: 16 });
    for (let k = 0; k < spec.bins; k++) {
      expect(spec.data[2 * k]).toBeCloseTo(k % 2 === 0 ? 1 : -1, 12); // window peak 1 at the frame's centre, index 32
      expect(spec.data[2 * k + 1]).toBeCloseTo(0, 12);
    }
    for (let i = spec.bins * 2 * 3; i < spec.data.length; i++) expect(Math.abs(spec.data[i])).toBe(0); // frames 3+ never reach it
  });

  it('agrees between the complex and the magnitude forms', () => {
    const x = sine(1234, 16000, 3000);
    const complex = stft(x, { size: 256, hop: 100 });
    const mag = magnitudeSpectrogram(x, { size: 256, hop: 100 });
    for (let i = 0; i < mag.data.length; i++) expect(mag.data[i]).toBeCloseTo(Math.hypot(complex.data[2 * i], complex.data[2 * i + 1]), 3);
  });

  it('rejects a window of the wrong size and a fractional hop', () => {
    expect(() => stft(new Float32Array(10), { size: 64, window: new Float64Array(32) })).toThrow(/32 points.*64/);
    expect(() => stft(new Float32Array(10), { size: 64, hop: 2.5 })).toThrow(/hop/);
  });
});

describe('mel filterbank', () => {
  it('uses the HTK mel scale', () => {
    expect(hzToMel(1000)).toBeCloseTo(1000, 0);
    expect(hzToMel(700)).toBeCloseTo(2595 * Math.log10(2), 9);
    expect(melToHz(hzToMel(3456))).toBeCloseTo(3456, 9);
  });

  it('sends a sine to the band centred nearest to it', () => {
    const bank = melFilterbank({ sampleRate: 16000, fftSize: 1024, bands: 40 });
    expect(bank.weights.length).toBe(40 * 513);
    const step = hzToMel(8000) / 41;
    for (const band of [5, 20, 35]) {
      const centre = melToHz((band + 1) * step);
      const mel = applyFilterbank(magnitudeSpectrogram(sine(centre, 16000, 4096), { size: 1024, hop: 256 }), bank);
      expect(mel.bins).toBe(40);
      expect(peakBin(mel.data, mel.bins, 8)).toBe(band);
    }
  });

  it('builds triangles that peak at 1 and vanish outside their neighbours', () => {
    const bank = melFilterbank({ sampleRate: 16000, fftSize: 512, bands: 10, fMin: 100, fMax: 4000 });
    for (let j = 0; j < 10; j++) {
      const row = bank.weights.subarray(j * bank.bins, (j + 1) * bank.bins);
      expect(Math.max(...row)).toBeGreaterThan(0.5);
      expect(Math.max(...row)).toBeLessThanOrEqual(1);
    }
    expect(Math.max(...bank.weights.subarray(0, 3))).toBe(0); // bins below 100 Hz (31.25 Hz apart)
    expect(() => melFilterbank({ sampleRate: 16000, fftSize: 512, bands: 0 })).toThrow(/bands/);
  });
});
