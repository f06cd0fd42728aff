/**
 * Linear convolution by uniformly partitioned FFT overlap-add: the impulse response is cut into
 * partitions of P samples, each transformed once (size 2P); every P-sample input block is
 * transformed once and multiplied with each partition through a frequency-domain delay line. Short
 * responses are one partition (plain FFT overlap-add); long ones (reverbs of seconds) keep the FFT
 * small, so memory and work per sample stay bounded.
 */
import { nextPowerOfTwo, realFft } from './fft';

/** Longest partition, in samples; longer impulse responses are split into several. */
export const MAX_PARTITION = 4096;

/** Complex multiply-accumulate of half spectra: acc += a·b, over `count` interleaved numbers. */
function multiplyAdd(acc: Float64Array, a: Float64Array, b: Float64Array, count: number): void {
  for (let k = 0; k < count; k += 2) {
    const ar = a[k];
    const ai = a[k + 1];
    const br = b[k];
    const bi = b[k + 1];
    acc[k] += ar * br - ai * bi;
    acc[k + 1] += ar * bi + ai * br;
  }
}

/**
 * The full linear convolution of `signal` with `ir`: signal.length + ir.length − 1 samples
 * (empty if either input is).
 * @example
 * convolve(Float32Array.of(1, 2), Float32Array.of(1, 1)); // [1, 3, 2]
 */
export function convolve(signal: ArrayLike<number>, ir: ArrayLike<number>): Float32Array {
  if (signal.length === 0 || ir.length === 0) return new Float32Array(0);
  const outLength = signal.length + ir.length - 1;
  const partition = Math.min(MAX_PARTITION, nextPowerOfTwo(ir.length));
  const fft = realFft(2 * partition);
  const width = fft.size + 2;
  const partitions = Math.ceil(ir.length / partition);
  const block = new Float64Array(partition);
  /** Copies `source[from …]` into `block`, zero-padded, and returns its spectrum in `into`. */
  const spectrumOf = (source: ArrayLike<number>, from: number, into: Float64Array): Float64Array => {
    const count = Math.min(partition, source.length - from);
    for (let i = 0; i < count; i++) block[i] = source[from + i];
    block.fill(0, count);
    return fft.forward(block, into);
  };
  const irSpectra = Array.from({ length: partitions }, (_, p) => spectrumOf(ir, p * partition, new Float64Array(width)));
  const inputBlocks = Math.ceil(signal.length / partition);
  const history = Array.from({ length: partitions }, () => new Float64Array(width)); // ring of input spectra
  const acc = new Float64Array(width);
  const result = new Float64Array(fft.size);
  const out = new Float32Array(outLength);
  const outputBlocks = Math.ceil(outLength / partition);
  for (let j = 0; j < outputBlocks; j++) {
    if (j < inputBlocks) spectrumOf(signal, j * partition, history[j % partitions]);
    acc.fill(0);
    let any = false;
    for (let p = 0; p < partitions; p++) {
      const b = j - p; // input block that meets partition p in output block j
      if (b < 0 || b >= inputBlocks) continue;
      multiplyAdd(acc, history[b % partitions], irSpectra[p], width);
      any = true;
    }
    if (!any) continue;
    fft.inverse(acc, result);
    const at = j * partition;
    const to = Math.min(fft.size, outLength - at);
    for (let i = 0; i < to; i++) out[at + i] += result[i];
  }
  return out;
}
