/**
 * Speed of the DDSP signal code on one core (Node runs it on one thread): the harmonic synthesizer
 * (60 harmonics), the filtered-noise synthesizer (65 bands) and both together at 16 and 48 kHz,
 * the Math.sin-per-harmonic baseline the harmonic bank is measured against, and feature
 * extraction (resampling to 16 kHz, YIN, loudness), as multiples of real time.
 * Run: npm run bench -- dsp [--seconds 10] [--reps 5]
 */
import { DDSP_HARMONICS, DDSP_NOISE_BANDS } from '../src/dsp/ddspContract';
import { ddspSynth } from '../src/dsp/ddspSynth';
import { extractFeatures } from '../src/dsp/features';
import { filteredNoise } from '../src/dsp/filteredNoise';
import { harmonicSynth } from '../src/dsp/harmonicSynth';
import { loudness } from '../src/dsp/loudness';
import { multiScaleSpectralDistance } from '../src/dsp/spectralDistance';
import { yin } from '../src/dsp/yin';
import { createRng } from '../src/engine/rng';
import { sinBankSynth } from './dsp/sinBank';
import { timeRuns } from './shared/timing';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const SECONDS = option('--seconds', 10);
const REPS = option('--reps', 5);
const FRAMES = SECONDS * 250;

/** Decoder-like controls: a 220 Hz voice with vibrato, a moving harmonic distribution and noise bands. */
function makeControls() {
  const rng = createRng('bench dsp');
  const f0 = Float32Array.from({ length: FRAMES }, (_, m) => 220 * 2 ** (Math.sin(m / 40) / 24));
  const amplitude = Float32Array.from({ length: FRAMES }, (_, m) => 0.3 + 0.2 * Math.sin(m / 100));
  const harmonics = Float32Array.from({ length: FRAMES * DDSP_HARMONICS }, (_, i) => rng.next() / (1 + (i % DDSP_HARMONICS)));
  const noise = Float32Array.from({ length: FRAMES * DDSP_NOISE_BANDS }, () => 0.002 * rng.next());
  return { f0, amplitude, harmonics, noise };
}

const controls = makeControls();
const clipAt = (rate: number) => ddspSynth(controls, { sampleRate: rate, seed: 1 });
const clip16 = clipAt(16000);
const clip441 = clipAt(44100);
const clip48 = clipAt(48000);
const half = clip16.channels[0].length / 2;

const cases: [string, string, () => unknown][] = [
  ['harmonic synth (60 harmonics)', '16 kHz', () => harmonicSynth(controls, { sampleRate: 16000 })],
  ['harmonic synth (60 harmonics)', '48 kHz', () => harmonicSynth(controls, { sampleRate: 48000 })],
  ['  baseline: Math.sin per harmonic', '16 kHz', () => sinBankSynth(controls, 16000)],
  ['  baseline: Math.sin per harmonic', '48 kHz', () => sinBankSynth(controls, 48000)],
  ['filtered noise (65 bands)', '16 kHz', () => filteredNoise(controls.noise, { sampleRate: 16000 })],
  ['filtered noise (65 bands)', '48 kHz', () => filteredNoise(controls.noise, { sampleRate: 48000 })],
  ['harmonic + noise (ddspSynth)', '16 kHz', () => clipAt(16000)],
  ['harmonic + noise (ddspSynth)', '48 kHz', () => clipAt(48000)],
  ['YIN f0', '16 kHz', () => yin(clip16.channels[0])],
  ['A-weighted loudness', '16 kHz', () => loudness(clip16.channels[0])],
  ['extractFeatures', '16 kHz in', () => extractFeatures(clip16)],
  ['extractFeatures (resample first)', '44.1 kHz in', () => extractFeatures(clip441)],
  ['extractFeatures (resample first)', '48 kHz in', () => extractFeatures(clip48)],
  ['multi-scale spectral distance', '16 kHz', () => multiScaleSpectralDistance(clip16.channels[0].subarray(0, half), clip16.channels[0].subarray(half))],
];

const rows: string[][] = [];
for (const [name, rate, fn] of cases) {
  const audio = name.startsWith('multi-scale') ? SECONDS / 2 : SECONDS;
  const { median, best } = await timeRuns(fn, REPS, 1);
  rows.push([name, rate, audio.toFixed(1), median.toFixed(1), best.toFixed(1), ((audio * 1000) / median).toFixed(0)]);
}

const header = ['stage', 'rate', 'audio s', 'median ms', 'best ms', 'x real time'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`DDSP signal code, one core, Node ${process.version}; median of ${REPS} runs after one warm-up`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
