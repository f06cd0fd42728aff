/**
 * The baseline of the DDSP evidence, as the recipe's manifest describes it (training/ddsp/evaluate.py):
 * an additive synth with one fixed harmonic spectrum — the average harmonic distribution of the
 * training notes — played at the note's own f0, its amplitude set so that its A-weighted loudness
 * equals the note's, and no noise.
 */
import type { SynthControls } from '../../src/engine/values';
import { DDSP_FRAME_RATE, DDSP_FRAME_SIZE, DDSP_HARMONICS, DDSP_HOP, DDSP_NOISE_BANDS, DDSP_NYQUIST, DDSP_SAMPLE_RATE } from '../../src/dsp/ddspContract';
import { realFft } from '../../src/dsp/fft';
import { aWeightingPower } from '../../src/dsp/loudness';
import { centredFrame } from '../../src/dsp/stft';
import { hannWindow } from '../../src/dsp/window';
import type { PreparedNote } from './saxNotes';

/** Frames within this many dB of a note's peak loudness count towards the average spectrum. */
const LOUD_FRAMES_DB = 20;

/**
 * Mean harmonic distribution over the notes' loud frames: per frame, the spectrum's peak within
 * one bin of each harmonic below 8 kHz, normalised to sum to 1; per harmonic, the mean over the
 * frames where it lies below 8 kHz.
 */
export function averageHarmonicSpectrum(notes: readonly PreparedNote[]): Float64Array {
  const total = new Float64Array(DDSP_HARMONICS);
  const count = new Float64Array(DDSP_HARMONICS);
  const fft = realFft(DDSP_FRAME_SIZE);
  const window = hannWindow(DDSP_FRAME_SIZE);
  const frame = new Float64Array(DDSP_FRAME_SIZE);
  const spectrum = new Float64Array(DDSP_FRAME_SIZE + 2);
  const peaks = new Float64Array(DDSP_HARMONICS);
  const binHz = DDSP_SAMPLE_RATE / DDSP_FRAME_SIZE;
  for (const note of notes) {
    const loudest = note.loudness.reduce((a, b) => Math.max(a, b), -Infinity);
    for (let m = 0; m < note.f0.length; m++) {
      if (!(note.loudness[m] > loudest - LOUD_FRAMES_DB)) continue;
      fft.forward(centredFrame(note.audio, m * DDSP_HOP, window, frame), spectrum);
      const mag = (k: number) => Math.hypot(spectrum[2 * k], spectrum[2 * k + 1]);
      let sum = 0;
      for (let h = 0; h < DDSP_HARMONICS; h++) {
        const hz = note.f0[m] * (h + 1);
        if (!(hz < DDSP_NYQUIST)) { peaks[h] = 0; continue; }
        const k = Math.min(DDSP_FRAME_SIZE / 2 - 1, Math.max(1, Math.round(hz / binHz)));
        peaks[h] = Math.max(mag(k - 1), mag(k), mag(k + 1));
        sum += peaks[h];
        count[h]++;
      }
      for (let h = 0; h < DDSP_HARMONICS; h++) total[h] += peaks[h] / Math.max(sum, 1e-12);
    }
  }
  return total.map((t, h) => t / Math.max(count[h], 1));
}

/**
 * Controls of the baseline for one note: the fixed spectrum (masked at 8 kHz and renormalised)
 * at the note's f0, amplitude a = √(10^(L/10) / (½ Σ_h d_h² A(h·f0))) so the A-weighted power
 * matches the note's loudness L, no noise.
 */
export function baselineControls(note: PreparedNote, spectrum: Float64Array): SynthControls {
  const frames = note.f0.length;
  const harmonics = new Float32Array(frames * DDSP_HARMONICS);
  const amplitude = new Float32Array(frames);
  const dist = new Float64Array(DDSP_HARMONICS);
  for (let m = 0; m < frames; m++) {
    let sum = 0;
    for (let h = 0; h < DDSP_HARMONICS; h++) {
      dist[h] = note.f0[m] * (h + 1) < DDSP_NYQUIST ? spectrum[h] : 0;
      sum += dist[h];
    }
    let power = 0;
    for (let h = 0; h < DDSP_HARMONICS; h++) {
      dist[h] /= Math.max(sum, 1e-12);
      harmonics[m * DDSP_HARMONICS + h] = dist[h];
      power += 0.5 * dist[h] ** 2 * aWeightingPower(note.f0[m] * (h + 1));
    }
    amplitude[m] = Math.sqrt(10 ** (note.loudness[m] / 10) / Math.max(power, 1e-12));
  }
  return {
    frameRate: DDSP_FRAME_RATE, f0: note.f0, amplitude, harmonicCount: DDSP_HARMONICS, harmonics,
    noiseBands: DDSP_NOISE_BANDS, noise: new Float32Array(frames * DDSP_NOISE_BANDS),
  };
}
