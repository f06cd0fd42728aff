/** The whole DDSP synthesizer: harmonic + filtered noise, optionally through a convolution reverb. */
import type { AudioClip } from '../engine/values';
import { DDSP_NOISE_BANDS } from './ddspContract';
import { filteredNoise } from './filteredNoise';
import { harmonicSynth, type HarmonicControls, type SynthOptions } from './harmonicSynth';
import { applyReverb } from './reverb';

/** Decoder outputs per frame: harmonic controls plus noise band magnitudes (frames × 65). */
export interface DdspControls extends HarmonicControls {
  noise: Float32Array;
}

/** Options of `ddspSynth`. */
export interface DdspSynthOptions extends SynthOptions {
  /** Seed of the noise (default 0). */
  seed?: number | string;
  /** Impulse response to convolve with (none by default). */
  reverb?: Float32Array;
  /** Gain of the reverberated signal added to the dry one (default 1). */
  reverbWet?: number;
}

/**
 * Renders decoder controls to a mono clip at `sampleRate`: harmonic + noise (+ reverb).
 * @example
 * const clip = ddspSynth({ f0: fillUnvoiced(f0), amplitude, harmonics, noise }, { sampleRate: 48000, seed: 1 });
 */
export function ddspSynth(controls: DdspControls, opts: DdspSynthOptions): AudioClip {
  const frames = controls.f0.length;
  if (controls.noise.length !== frames * DDSP_NOISE_BANDS) {
    throw new Error(`ddspSynth: ${controls.noise.length} noise magnitudes for ${frames} frames (expected ${frames} × ${DDSP_NOISE_BANDS})`);
  }
  const harmonic = harmonicSynth(controls, opts);
  const noise = filteredNoise(controls.noise, { ...opts, length: harmonic.length });
  for (let i = 0; i < harmonic.length; i++) harmonic[i] += noise[i];
  const audio = opts.reverb ? applyReverb(harmonic, opts.reverb, { wet: opts.reverbWet ?? 1 }) : harmonic;
  return { sampleRate: opts.sampleRate, channels: [audio] };
}
