/**
 * The steps around the decoder that the DDSP nodes share: features → decoder inputs (unvoiced
 * frames filled, pitch and loudness shifted as DDSP-VST's controls do), decoder outputs → synth
 * controls, and synth controls → audio at the chosen output rate with an optional room.
 */
import type { NodeContext } from '../../src/engine/node';
import type { AudioClip, Features, SynthControls } from '../../src/engine/values';
import { DDSP_FRAME_RATE } from '../../src/dsp/ddspContract';
import { ddspSynth } from '../../src/dsp/ddspSynth';
import { fillUnvoiced } from '../../src/dsp/features';
import { decayingNoiseIr } from '../../src/dsp/reverb';
import { decodeAll, loadDecoder, type DecodedFrames } from './decoder';
import { applyGate } from './gate';

/** Output sample rates offered by the synth. */
export const SYNTH_RATES = ['16000', '44100', '48000'] as const;

/** How the decoder hears the features (octaves of pitch shift, dB of loudness shift) and where its output is gated. */
export interface DecoderShift {
  pitchShift: number;
  loudnessShift: number;
  /** Frames whose input loudness is below this many dB are turned down by the difference. */
  gate: number;
}

/**
 * f0 with unvoiced frames filled from the nearest voiced one, times 2^pitchShift, and loudness
 * plus loudnessShift; features at another frame rate than the decoder's are refused.
 * @example
 * const { f0, loudness } = decoderInputs(features, { pitchShift: -1, loudnessShift: 6, gate: -50 }, 'node d1');
 */
export function decoderInputs(features: Features, shift: DecoderShift, who: string): { f0: Float32Array; loudness: Float32Array } {
  if (features.frameRate !== DDSP_FRAME_RATE) {
    throw new Error(`${who}: features at ${features.frameRate} frames/s; the DDSP decoder takes ${DDSP_FRAME_RATE} (docs/ddsp.md)`);
  }
  const ratio = 2 ** shift.pitchShift;
  const f0 = fillUnvoiced(features.f0).map((v) => v * ratio);
  const loudness = features.loudness.map((v) => v + shift.loudnessShift);
  return { f0, loudness };
}

/**
 * Runs the decoder of `instrument` over `features`: controls for every frame, with the f0 the
 * decoder heard (filled and shifted), ready for the synth. Progress goes from `progressSpan[0]` to `[1]`.
 * @example
 * const controls = await decodeFeatures(ctx, features, 'sax', { pitchShift: 0, loudnessShift: 0, gate: -50 });
 */
export async function decodeFeatures(
  ctx: NodeContext, features: Features, instrument: string, shift: DecoderShift, progressSpan: [number, number] = [0, 1],
): Promise<SynthControls> {
  const { f0, loudness } = decoderInputs(features, shift, `node ${ctx.nodeId}`);
  if (!f0.some((v) => v > 0)) ctx.log.warn('no voiced frame in the features: the harmonic part will be silent');
  const model = await loadDecoder(ctx, instrument);
  const [from, to] = progressSpan;
  const progress = (fraction: number, message?: string): void => ctx.progress(from + (to - from) * fraction, message);
  const decoded = await decodeAll(model, f0, loudness, { ctx: { yield: () => ctx.yield(), progress } });
  applyGate(decoded, features.loudness, shift.gate);
  return { frameRate: features.frameRate, f0, ...decoded };
}

/** Synth settings. */
export interface SynthSettings {
  /** Output rate in Hz (≥ 16 000). */
  sampleRate: number;
  /** Wet level of the room, 0 = dry. */
  reverb: number;
  /** Seconds for the room to fall by 60 dB. */
  reverbTime: number;
  /** Seed of the noise and of the room's response. */
  seed: number;
}

/**
 * Renders synth controls to mono audio (harmonic + filtered noise, plus a synthetic room when
 * `reverb` > 0).
 * @example
 * const clip = renderControls(controls, { sampleRate: 48000, reverb: 0.2, reverbTime: 1.5, seed: 1 });
 */
export function renderControls(controls: SynthControls, settings: SynthSettings): AudioClip {
  const { sampleRate, reverb, reverbTime, seed } = settings;
  const room = reverb > 0 ? decayingNoiseIr({ sampleRate, rt60: reverbTime, seed: `${seed}:room` }) : undefined;
  return ddspSynth(controls, { sampleRate, frameRate: controls.frameRate, seed, reverb: room, reverbWet: reverb });
}
