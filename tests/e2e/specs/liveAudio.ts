/** Audio helpers of the live specs: a WAV that turns NaN, the recorded take decoded, and the swap analysis (gap, click, level). */
import type { Page } from 'playwright-core';
import { writeWav } from '../../../src/dsp/wav';

/** A decoded take: channel 0, its rate and the audio time of its first sample. */
export interface DecodedTake {
  samples: Float32Array;
  sampleRate: number;
  startTime: number;
}

/**
 * A 2 s, 44.1 kHz float WAV of a 220 Hz sine whose samples are NaN from 0.5 s to 0.6 s (writeWav
 * scrubs NaN, so they are written into the data chunk afterwards).
 */
export function nanWavBytes(): Uint8Array {
  const rate = 44100;
  const data = Float32Array.from({ length: 2 * rate }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 220 * i) / rate));
  const bytes = writeWav({ sampleRate: rate, channels: [data] }, { bitDepth: 32, float: true });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 12;
  while (at + 8 <= bytes.length && String.fromCharCode(...bytes.subarray(at, at + 4)) !== 'data') at += 8 + view.getUint32(at + 4, true);
  for (let i = Math.round(0.5 * rate); i < Math.round(0.6 * rate); i++) view.setFloat32(at + 8 + 4 * i, Number.NaN, true);
  return bytes;
}

/** The last take of the page, channel 0. */
export async function decodeTake(page: Page): Promise<DecodedTake> {
  const take = await page.evaluate(() => window.__genpatchLive!.take());
  if (!take) throw new Error('no take was recorded');
  const raw = Buffer.from(take.channel0, 'base64');
  const samples = new Float32Array(new Uint8Array(raw).buffer, 0, raw.length / 4);
  return { samples, sampleRate: take.sampleRate, startTime: take.startTime };
}

/** What happened around a clip swap at audio time `swapTime`. */
export interface SwapAnalysis {
  /** Largest sample-to-sample change within 50 ms before and 100 ms after the swap. */
  swapJump: number;
  /** Largest sample-to-sample change anywhere else in the sounding take. */
  normalJump: number;
  /** Lowest RMS of 10 ms windows from 50 ms before to 100 ms after the swap. */
  gapRms: number;
  /** RMS from 1 s to 0.1 s before the swap, and from 0.1 s to 1 s after it. */
  beforeRms: number;
  afterRms: number;
}

/** Measures the take around the swap (times from the take's audio clock). */
export function analyseSwap(take: DecodedTake, swapTime: number): SwapAnalysis {
  const { samples: x, sampleRate: sr } = take;
  const at = Math.round((swapTime - take.startTime) * sr);
  const s = (seconds: number): number => Math.round(seconds * sr);
  if (at - s(1) < 0 || at + s(1) > x.length) throw new Error(`the take (${(x.length / sr).toFixed(2)} s) does not hold a second on each side of the swap at ${((at) / sr).toFixed(2)} s`);
  const rms = (from: number, to: number): number => {
    let sum = 0;
    for (let i = from; i < to; i++) sum += x[i] * x[i];
    return Math.sqrt(sum / Math.max(1, to - from));
  };
  let first = 0;
  while (first < x.length && Math.abs(x[first]) < 1e-4) first++;
  let swapJump = 0;
  let normalJump = 0;
  for (let i = Math.max(1, first + s(0.05)); i < x.length; i++) {
    const d = Math.abs(x[i] - x[i - 1]);
    if (i >= at - s(0.05) && i <= at + s(0.1)) swapJump = Math.max(swapJump, d);
    else if (i < at - s(0.15) || i > at + s(0.15)) normalJump = Math.max(normalJump, d);
  }
  let gapRms = Infinity;
  for (let i = at - s(0.05); i + s(0.01) <= at + s(0.1); i += s(0.005)) gapRms = Math.min(gapRms, rms(i, i + s(0.01)));
  return { swapJump, normalJump, gapRms, beforeRms: rms(at - s(1), at - s(0.1)), afterRms: rms(at + s(0.1), at + s(1)) };
}
