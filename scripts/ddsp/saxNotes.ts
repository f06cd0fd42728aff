/**
 * The Weresax alto-saxophone notes as the DDSP recipe prepares them (training/ddsp/notes.py), in
 * TypeScript: FLAC decoded by sox, mixed to mono, high-passed at 20 Hz (zero-phase, 4th-order
 * Butterworth magnitude), resampled to 16 kHz, trimmed to 0.1 s around the frames within 50 dB of
 * the peak loudness; then f0 (filled where unvoiced) and loudness by src/dsp.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AudioClip } from '../../src/engine/values';
import { DDSP_HOP, DDSP_SAMPLE_RATE } from '../../src/dsp/ddspContract';
import { extractFeatures, fillUnvoiced } from '../../src/dsp/features';
import { nextPowerOfTwo, realFft } from '../../src/dsp/fft';
import { loudness as loudnessCurve } from '../../src/dsp/loudness';
import { mixToMono } from '../../src/dsp/measure';
import { resample } from '../../src/dsp/resample';
import { readWav } from '../../src/dsp/wav';
import { run } from './shell';

/** A prepared note: 16 kHz audio, its filled f0 (Hz) and loudness (dB) per frame. */
export interface PreparedNote {
  name: string;
  audio: Float32Array;
  f0: Float32Array;
  loudness: Float32Array;
}

/** Frames within this many dB of the peak loudness are kept, with `TRIM_MARGIN_FRAMES` around them. */
const TRIM_BELOW_PEAK_DB = 50;
const TRIM_MARGIN_FRAMES = 25;

/** Decodes a FLAC file to an AudioClip at its own rate (sox writes 32-bit float WAV). */
function decodeFlac(path: string): AudioClip {
  const dir = mkdtempSync(join(tmpdir(), 'ddsp-flac-'));
  try {
    const wav = join(dir, 'note.wav');
    run('sox', [path, '-e', 'floating-point', '-b', '32', wav]);
    return readWav(new Uint8Array(readFileSync(wav)), path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * x minus its mean, filtered by |H(f)| = 1 / √(1 + (cutoff / f)^(2·order)) with zero phase, over
 * a second of zero padding on each side (so the circular FFT does not wrap into the signal).
 */
export function highpass(x: Float32Array, rate: number, cutoff = 20, order = 4): Float32Array {
  const pad = Math.round(rate);
  const size = nextPowerOfTwo(x.length + 2 * pad);
  const fft = realFft(size);
  let mean = 0;
  for (const v of x) mean += v / x.length;
  const padded = new Float64Array(size);
  for (let i = 0; i < x.length; i++) padded[pad + i] = x[i] - mean;
  const spectrum = fft.forward(padded);
  spectrum[0] = spectrum[1] = 0;
  for (let k = 1; k <= size / 2; k++) {
    const gain = 1 / Math.sqrt(1 + (cutoff / ((k * rate) / size)) ** (2 * order));
    spectrum[2 * k] *= gain;
    spectrum[2 * k + 1] *= gain;
  }
  return Float32Array.from(fft.inverse(spectrum).subarray(pad, pad + x.length));
}

/** Cuts leading and trailing frames quieter than the peak loudness − 50 dB, keeping 0.1 s margins. */
export function trimSilence(audio: Float32Array): Float32Array {
  const ld = loudnessCurve(audio);
  let peak = -Infinity;
  for (const v of ld) peak = Math.max(peak, v);
  let first = -1;
  let last = -1;
  ld.forEach((v, m) => {
    if (v > peak - TRIM_BELOW_PEAK_DB) {
      if (first < 0) first = m;
      last = m;
    }
  });
  const start = Math.max(0, (first - TRIM_MARGIN_FRAMES) * DDSP_HOP);
  const end = Math.min(audio.length, (last + TRIM_MARGIN_FRAMES) * DDSP_HOP);
  return audio.slice(start, end);
}

/**
 * A FLAC note prepared as the recipe does, with its features.
 * @example
 * const note = prepareNote('/work/shared/datasets/karoryfer_weresax_alto_cc0/flac/a3_f_rr1_cnd.flac');
 */
export function prepareNote(path: string): PreparedNote {
  const clip = mixToMono(decodeFlac(path));
  const filtered: AudioClip = { sampleRate: clip.sampleRate, channels: [highpass(clip.channels[0], clip.sampleRate)] };
  const audio = trimSilence(resample(filtered, DDSP_SAMPLE_RATE).channels[0]);
  const features = extractFeatures({ sampleRate: DDSP_SAMPLE_RATE, channels: [audio] });
  return { name: path.split('/').pop() ?? path, audio, f0: fillUnvoiced(features.f0), loudness: features.loudness };
}
