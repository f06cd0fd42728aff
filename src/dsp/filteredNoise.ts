/**
 * The DDSP filtered-noise synthesizer (docs/ddsp.md, "Synthesis"): seeded uniform white noise,
 * cut into one block per control frame, each block convolved (by FFT) with that frame's FIR and
 * overlap-added. The FIR is designed from linearly spaced band magnitudes over 0–8 kHz: a
 * zero-phase response, rolled to be causal and Hann-windowed. Like DDSP's `fft_convolve`, the
 * output is advanced by the filter's L/2-sample group delay so the noise lines up with the controls.
 */
import { createRng } from '../engine/rng';
import { DDSP_NOISE_BANDS, DDSP_NYQUIST, DDSP_SAMPLE_RATE } from './ddspContract';
import { nextPowerOfTwo, realFft } from './fft';
import { blockStart } from './frameTiming';
import { resolveSynthOptions, type SynthOptions } from './harmonicSynth';
import { hannWindow } from './window';

/** Options of `filteredNoise`. */
export interface NoiseOptions extends SynthOptions {
  /** Seed of the white noise (default 0): the same seed gives the same output. */
  seed?: number | string;
  /** Bands per frame (default 65), spanning 0 Hz to 8 kHz inclusive. */
  bands?: number;
}

/**
 * Taps of the noise FIR at `sampleRate`: 2·(bands − 1)·R / 16 000, rounded to an even number
 * (128 at 16 kHz, 384 at 48 kHz, 352 at 44.1 kHz).
 */
export function noiseFirLength(sampleRate: number, bands = DDSP_NOISE_BANDS): number {
  return 2 * Math.round(((bands - 1) * sampleRate) / DDSP_SAMPLE_RATE);
}

/**
 * Turns band magnitudes into FIRs of one length: which bands each rFFT bin interpolates between,
 * and the cosine table of the inverse transform.
 */
export class NoiseFilterDesign {
  /** FIR length L in taps. */
  readonly length: number;
  /** rFFT bins 0 … lastBin lie at or below 8 kHz; the bins above are zero. */
  private readonly lastBin: number;
  private readonly lower: Int32Array;
  private readonly blend: Float64Array;
  /** cos(2πkn / L) for n = 0 … L/2 (rows) and k = 0 … lastBin (columns). */
  private readonly cosine: Float64Array;
  private readonly window: Float64Array;
  private readonly gains: Float64Array;
  private readonly zeroPhase: Float64Array;

  /** Plans FIRs for `bands` magnitudes per frame at output rate `sampleRate`. */
  constructor(sampleRate: number, bands = DDSP_NOISE_BANDS) {
    if (!(Number.isInteger(bands) && bands >= 2)) throw new Error(`filteredNoise: need at least 2 bands per frame, got ${bands}`);
    const length = noiseFirLength(sampleRate, bands);
    this.length = length;
    const binHz = sampleRate / length;
    const bandHz = DDSP_NYQUIST / (bands - 1);
    this.lastBin = Math.min(length / 2, Math.floor(DDSP_NYQUIST / binHz + 1e-9));
    this.lower = new Int32Array(this.lastBin + 1);
    this.blend = new Float64Array(this.lastBin + 1);
    for (let k = 0; k <= this.lastBin; k++) {
      const position = Math.min(bands - 1, (k * binHz) / bandHz);
      this.lower[k] = Math.min(bands - 2, Math.floor(position));
      this.blend[k] = position - this.lower[k];
    }
    const columns = this.lastBin + 1;
    this.cosine = new Float64Array((length / 2 + 1) * columns);
    for (let n = 0; n <= length / 2; n++) {
      for (let k = 0; k < columns; k++) this.cosine[n * columns + k] = Math.cos((2 * Math.PI * ((k * n) % length)) / length);
    }
    this.window = hannWindow(length);
    this.gains = new Float64Array(this.lastBin + 1);
    this.zeroPhase = new Float64Array(length / 2 + 1);
  }

  /**
   * The causal FIR (L taps) for one frame's band magnitudes `bands[offset … offset + bands − 1]`:
   * the inverse real DFT of the magnitudes interpolated onto the bins (a zero-phase response),
   * rolled by L/2 and multiplied by a periodic Hann window. The DFT is summed directly over the
   * bins below 8 kHz, as L need not be a power of two (the same numbers an inverse rFFT gives).
   */
  impulseResponse(bands: ArrayLike<number>, offset = 0, out: Float64Array = new Float64Array(this.length)): Float64Array {
    const { length, lastBin, gains, cosine, zeroPhase, window } = this;
    for (let k = 0; k <= lastBin; k++) {
      const lo = bands[offset + this.lower[k]];
      const hi = bands[offset + this.lower[k] + 1];
      const g = (lo > 0 && lo < Infinity ? lo : 0) * (1 - this.blend[k]) + (hi > 0 && hi < Infinity ? hi : 0) * this.blend[k];
      gains[k] = k === 0 || 2 * k === length ? g : 2 * g; // bins other than DC and Nyquist count twice
    }
    const columns = lastBin + 1;
    for (let n = 0, row = 0; n <= length / 2; n++, row += columns) {
      let sum = 0;
      for (let k = 0; k < columns; k++) sum += gains[k] * cosine[row + k];
      zeroPhase[n] = sum / length;
    }
    for (let n = 0; n < length; n++) out[n] = zeroPhase[Math.abs(n - length / 2)] * window[n];
    return out;
  }
}

/**
 * Renders filtered noise from band magnitudes (frames × bands row-major, linear, ≥ 0).
 * @example
 * const noise = filteredNoise(bands, { sampleRate: 16000, seed: 7 });
 */
export function filteredNoise(magnitudes: Float32Array, opts: NoiseOptions): Float32Array {
  const bands = opts.bands ?? DDSP_NOISE_BANDS;
  const frames = magnitudes.length / bands;
  if (!Number.isInteger(frames)) throw new Error(`filteredNoise: ${magnitudes.length} magnitudes do not split into frames of ${bands} bands`);
  const { rate, frameRate, length } = resolveSynthOptions(frames, opts, 'filteredNoise');
  const out = new Float32Array(length);
  if (frames === 0) return out;
  const design = new NoiseFilterDesign(rate, bands);
  const taps = design.length;
  const delay = taps / 2;
  const fft = realFft(nextPowerOfTwo(Math.ceil(rate / frameRate) + taps - 1));
  const size = fft.size;
  const ir = new Float64Array(taps);
  const irSpectrum = new Float64Array(size + 2);
  const block = new Float64Array(size);
  const spectrum = new Float64Array(size + 2);
  const result = new Float64Array(size);
  const rng = createRng(opts.seed ?? 0);
  // Noise up to `length + delay` feeds the output, so the last samples are not faded by the delay.
  for (let m = 0, start = 0; start < length + delay; m++) {
    const end = blockStart(m + 1, rate, frameRate);
    const blockLength = end - start;
    for (let i = 0; i < blockLength; i++) block[i] = rng.next() * 2 - 1;
    block.fill(0, blockLength);
    fft.forward(design.impulseResponse(magnitudes, Math.min(m, frames - 1) * bands, ir), irSpectrum);
    fft.forward(block, spectrum);
    for (let k = 0; k < size + 2; k += 2) {
      const re = spectrum[k] * irSpectrum[k] - spectrum[k + 1] * irSpectrum[k + 1];
      spectrum[k + 1] = spectrum[k] * irSpectrum[k + 1] + spectrum[k + 1] * irSpectrum[k];
      spectrum[k] = re;
    }
    fft.inverse(spectrum, result);
    const from = Math.max(0, delay - start);
    const to = Math.min(blockLength + taps - 1, length + delay - start);
    for (let i = from; i < to; i++) out[start + i - delay] += result[i];
    start = end;
  }
  return out;
}
