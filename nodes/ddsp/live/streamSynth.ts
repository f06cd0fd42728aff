/**
 * The DDSP synthesizer of src/dsp (harmonicSynth + filteredNoise) fed one control frame at a time,
 * for live streams: it keeps the oscillator phase, the noise generator and the overlap-add tail
 * across frames. Offline, the noise is advanced by its FIR's group delay L/2 (docs/ddsp.md); a
 * stream cannot look ahead, so here the harmonics are delayed by L/2 instead (4 ms at any rate):
 * sample n + L/2 of the stream equals sample n of `ddspSynth` without reverb, with the same seed.
 */
import { createRng, type Rng } from '../../../src/engine/rng';
import { DDSP_FRAME_RATE, DDSP_NOISE_BANDS, DDSP_NYQUIST } from '../../../src/dsp/ddspContract';
import { nextPowerOfTwo, realFft, type RealFft } from '../../../src/dsp/fft';
import { NoiseFilterDesign } from '../../../src/dsp/filteredNoise';
import { blockStart } from '../../../src/dsp/frameTiming';
import { harmonicAmplitudes, harmonicSample } from '../../../src/dsp/harmonicSynth';

/** One control frame: f0 (Hz), amplitude, a harmonic distribution and noise-band magnitudes. */
export interface ControlFrame {
  f0: number;
  amplitude: number;
  harmonics: Float32Array;
  noise: Float32Array;
}

/**
 * A frame-by-frame DDSP synth at one output rate.
 * @example
 * const synth = new StreamSynth(48000, 1);
 * const samples = synth.push({ f0: 220, amplitude: 0.3, harmonics, noise }); // the samples this frame made final
 */
export class StreamSynth {
  /** Samples the harmonics are delayed by (the noise FIR's group delay, L/2). */
  readonly delay: number;
  private readonly design: NoiseFilterDesign;
  private readonly fft: RealFft;
  private readonly rng: Rng;
  private readonly ir: Float64Array;
  private readonly irSpectrum: Float64Array;
  private readonly block: Float64Array;
  private readonly spectrum: Float64Array;
  private readonly result: Float64Array;
  /** Frames pushed so far. */
  private frames = 0;
  private phase = 0;
  private previous: { f0: number; amps: Float64Array } | null = null;
  /** Harmonic samples not yet emitted, the first `delay` of them the initial silence. */
  private harmonic: Float32Array;
  private harmonicLength: number;
  /** Noise overlap-add accumulator from sample `emitted` on. */
  private noise: Float32Array;
  private emitted = 0;

  constructor(private readonly sampleRate: number, seed: number | string, private readonly frameRate = DDSP_FRAME_RATE) {
    this.design = new NoiseFilterDesign(sampleRate, DDSP_NOISE_BANDS);
    const taps = this.design.length;
    this.delay = taps / 2;
    this.fft = realFft(nextPowerOfTwo(Math.ceil(sampleRate / frameRate) + taps - 1));
    this.rng = createRng(seed);
    this.ir = new Float64Array(taps);
    this.irSpectrum = new Float64Array(this.fft.size + 2);
    this.block = new Float64Array(this.fft.size);
    this.spectrum = new Float64Array(this.fft.size + 2);
    this.result = new Float64Array(this.fft.size);
    this.harmonic = new Float32Array(this.delay + 4 * this.fft.size);
    this.harmonicLength = this.delay;
    this.noise = new Float32Array(4 * this.fft.size);
  }

  /** Adds frame m: renders the harmonics between frames m − 1 and m and the noise block of m; returns the samples now final. */
  push(frame: ControlFrame): Float32Array {
    const m = this.frames++;
    const count = frame.harmonics.length;
    const amps = harmonicAmplitudes({ f0: Float32Array.of(frame.f0), amplitude: Float32Array.of(frame.amplitude), harmonics: frame.harmonics });
    const f0 = frame.f0 > 0 ? frame.f0 : 0;
    if (this.previous) this.renderHarmonics(m - 1, this.previous, { f0, amps }, count);
    this.previous = { f0, amps };
    this.renderNoise(m, frame.noise);
    const ready = blockStart(m, this.sampleRate, this.frameRate) - this.emitted;
    const out = new Float32Array(ready);
    for (let i = 0; i < ready; i++) out[i] = this.harmonic[i] + this.noise[i];
    this.harmonic.copyWithin(0, ready, this.harmonicLength);
    this.harmonicLength -= ready;
    this.noise.copyWithin(0, ready);
    this.noise.fill(0, this.noise.length - ready);
    this.emitted += ready;
    return out;
  }

  /** Harmonic samples of block `m`, from the controls of frame m (`a`) towards frame m + 1 (`b`). */
  private renderHarmonics(m: number, a: { f0: number; amps: Float64Array }, b: { f0: number; amps: Float64Array }, count: number): void {
    const { sampleRate: rate, frameRate } = this;
    const start = blockStart(m, rate, frameRate);
    const end = blockStart(m + 1, rate, frameRate);
    this.reserveHarmonic(end - start);
    const twoPi = 2 * Math.PI;
    const radiansPerHz = twoPi / rate;
    let phase = this.phase;
    const slope = new Float64Array(count);
    for (let h = 0; h < count; h++) slope[h] = b.amps[h] - a.amps[h];
    for (let n = start; n < end; n++) {
      const frac = (n * frameRate - m * rate) / rate;
      const f = a.f0 + (b.f0 - a.f0) * frac;
      this.harmonic[this.harmonicLength++] = harmonicSample(phase, f > 0 ? Math.min(count, Math.ceil(DDSP_NYQUIST / f) - 1) : 0, a.amps, slope, frac);
      phase += radiansPerHz * f;
      if (phase >= twoPi) phase %= twoPi;
    }
    this.phase = phase;
  }

  /** The noise block of frame `m` (seeded white noise through that frame's FIR), overlap-added. */
  private renderNoise(m: number, bands: Float32Array): void {
    const { sampleRate: rate, frameRate, fft, block, spectrum, irSpectrum, result } = this;
    const start = blockStart(m, rate, frameRate);
    const length = blockStart(m + 1, rate, frameRate) - start;
    for (let i = 0; i < length; i++) block[i] = this.rng.next() * 2 - 1;
    block.fill(0, length);
    fft.forward(this.design.impulseResponse(bands, 0, this.ir), irSpectrum);
    fft.forward(block, spectrum);
    for (let k = 0; k < fft.size + 2; k += 2) {
      const re = spectrum[k] * irSpectrum[k] - spectrum[k + 1] * irSpectrum[k + 1];
      spectrum[k + 1] = spectrum[k] * irSpectrum[k + 1] + spectrum[k + 1] * irSpectrum[k];
      spectrum[k] = re;
    }
    fft.inverse(spectrum, result);
    const at = start - this.emitted;
    const taps = this.design.length;
    for (let i = 0; i < length + taps - 1; i++) this.noise[at + i] += result[i];
  }

  /** Grows the harmonic queue to take `more` samples. */
  private reserveHarmonic(more: number): void {
    if (this.harmonicLength + more <= this.harmonic.length) return;
    const grown = new Float32Array(2 * (this.harmonicLength + more));
    grown.set(this.harmonic.subarray(0, this.harmonicLength));
    this.harmonic = grown;
  }
}
