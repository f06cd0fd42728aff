/** Previews of the DDSP nodes: f0 and loudness line plots, and a heatmap of the harmonic distribution over time. */
import type { Preview } from '../../src/engine/node';
import type { Features, SynthControls } from '../../src/engine/values';

/** Most points a line preview carries. */
const LINE_POINTS = 600;
/** Most time columns of the heatmap. */
const HEATMAP_COLUMNS = 200;
/** Harmonics shown in the heatmap (the upper ones are near silent for most notes). */
const HEATMAP_HARMONICS = 40;
/** The heatmap shows levels from this many dB below a harmonic carrying everything. */
const HEATMAP_RANGE_DB = 60;

/**
 * `values` averaged into at most `points` equal spans (the curve itself when it is short enough).
 * @example
 * decimate(Float32Array.of(1, 3, 5, 7), 2); // [2, 6]
 */
export function decimate(values: ArrayLike<number>, points: number): number[] {
  const n = values.length;
  if (n <= points) return Array.from(values, Number);
  const out: number[] = [];
  for (let i = 0; i < points; i++) {
    const from = Math.floor((i * n) / points);
    const to = Math.floor(((i + 1) * n) / points);
    let sum = 0;
    for (let j = from; j < to; j++) sum += values[j];
    out.push(sum / (to - from));
  }
  return out;
}

/** Line plots of a features value: f0 in Hz (0 where unvoiced) and loudness in dB. */
export function featurePreviews(features: Features): Preview[] {
  const seconds = `seconds (${features.f0.length} frames at ${features.frameRate}/s)`;
  return [
    { kind: 'line', title: 'f0 (Hz)', series: [{ name: 'f0', values: decimate(features.f0, LINE_POINTS) }], xLabel: seconds, yLabel: 'Hz' },
    { kind: 'line', title: 'Loudness (dB)', series: [{ name: 'loudness', values: decimate(features.loudness, LINE_POINTS) }], xLabel: seconds, yLabel: 'dB' },
  ];
}

/**
 * The harmonic distribution over time (harmonic 1 at the bottom), in dB above −60 dB, averaged
 * into at most 200 columns.
 */
export function harmonicHeatmap(controls: SynthControls): Preview {
  const frames = controls.f0.length;
  const count = controls.harmonicCount;
  const rows = Math.min(HEATMAP_HARMONICS, count);
  const cols = Math.max(1, Math.min(HEATMAP_COLUMNS, frames));
  const data = new Array<number>(rows * cols).fill(0);
  for (let c = 0; c < cols; c++) {
    const from = Math.floor((c * frames) / cols);
    const to = Math.max(from + 1, Math.floor(((c + 1) * frames) / cols));
    for (let h = 0; h < rows; h++) {
      let sum = 0;
      for (let m = from; m < to && m < frames; m++) sum += controls.harmonics[m * count + h];
      const mean = sum / (to - from);
      data[(rows - 1 - h) * cols + c] = mean > 0 ? Math.max(0, HEATMAP_RANGE_DB + 20 * Math.log10(mean)) : 0;
    }
  }
  const rowLabels = Array.from({ length: rows }, (_, r) => `h${rows - r}`);
  return { kind: 'heatmap', title: 'Harmonic distribution over time (dB, harmonic 1 at the bottom)', rows, cols, data, rowLabels };
}

/** The decoder's overall amplitude over time. */
export function amplitudePreview(controls: SynthControls): Preview {
  return { kind: 'line', title: 'Amplitude', series: [{ name: 'amplitude', values: decimate(controls.amplitude, LINE_POINTS) }], xLabel: 'frames', yLabel: 'linear' };
}
