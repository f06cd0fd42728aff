/** Spectrogram pictures for the evidence page: log-magnitude STFTs of several signals stacked as panels of one PNG. */
import { magnitudeSpectrogram } from '../../src/dsp/stft';
import { encodePng } from './png';

/** FFT size and hop of the pictures (32 ms and 8 ms at 16 kHz). */
const SIZE = 512;
const HOP = 128;
/** Decibels shown below the loudest bin of all panels. */
const RANGE_DB = 80;
/** Rows of the separator between panels. */
const GAP = 4;

/** Dark blue → purple → orange → pale yellow, for 0 … 1. */
const STOPS: readonly [number, number, number][] = [[4, 4, 20], [70, 20, 110], [180, 50, 90], [245, 130, 40], [252, 245, 190]];

function colour(u: number): [number, number, number] {
  const x = Math.max(0, Math.min(1, u)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const t = x - i;
  return [0, 1, 2].map((c) => Math.round(STOPS[i][c] + (STOPS[i + 1][c] - STOPS[i][c]) * t)) as [number, number, number];
}

/**
 * A PNG of the spectrograms of `signals` (16 kHz, equal length), one panel each from top to
 * bottom, 0–8 kHz with low frequencies at the bottom, on one shared dB scale.
 * @example
 * writeFileSync('cmp.png', spectrogramPng([original, resynthesis]));
 */
export function spectrogramPng(signals: readonly Float32Array[]): Uint8Array {
  const specs = signals.map((s) => magnitudeSpectrogram(s, { size: SIZE, hop: HOP }));
  const bins = SIZE / 2;
  const width = Math.max(...specs.map((s) => s.frames));
  let peak = 0;
  for (const s of specs) for (const v of s.data) peak = Math.max(peak, v);
  const floor = 20 * Math.log10(peak || 1) - RANGE_DB;
  const height = specs.length * bins + (specs.length - 1) * GAP;
  const rgb = new Uint8Array(width * height * 3).fill(255);
  specs.forEach((s, panel) => {
    const top = panel * (bins + GAP);
    for (let x = 0; x < s.frames; x++) {
      for (let k = 0; k < bins; k++) {
        const db = 20 * Math.log10(s.data[x * s.bins + k] + 1e-12);
        const [r, g, b] = colour((db - floor) / RANGE_DB);
        const at = ((top + bins - 1 - k) * width + x) * 3;
        rgb[at] = r;
        rgb[at + 1] = g;
        rgb[at + 2] = b;
      }
    }
  });
  return encodePng(width, height, rgb);
}
