/**
 * The app's TypeScript DSP on inputs from training/ddsp/selftest.py, so the recipe's numpy/torch
 * copies can be compared with it: reads a JSON job on stdin, writes JSON results on stdout.
 * Job: { wavs: string[], harmonic: { f0, amplitude, harmonics, length }, distance: { a, b } }.
 * Run by `/usr/bin/python3 training/ddsp/selftest.py` (needs `npm ci`).
 */
import { readFileSync } from 'node:fs';
import { loudness } from '../../src/dsp/loudness';
import { harmonicSynth } from '../../src/dsp/harmonicSynth';
import { multiScaleSpectralDistance } from '../../src/dsp/spectralDistance';
import { readWav } from '../../src/dsp/wavRead';
import { yin } from '../../src/dsp/yin';

const job = JSON.parse(readFileSync(0, 'utf8'));
const features = job.wavs.map((path: string) => {
  const x = readWav(readFileSync(path), path).channels[0];
  const track = yin(x);
  return { f0: Array.from(track.f0), voicing: Array.from(track.voicing), loudness: Array.from(loudness(x)) };
});
const h = job.harmonic;
const harmonic = Array.from(harmonicSynth(
  { f0: Float32Array.from(h.f0), amplitude: Float32Array.from(h.amplitude), harmonics: Float32Array.from(h.harmonics) },
  { sampleRate: 16000, length: h.length },
));
const distance = multiScaleSpectralDistance(Float32Array.from(job.distance.a), Float32Array.from(job.distance.b));
process.stdout.write(JSON.stringify({ features, harmonic, distance }));
