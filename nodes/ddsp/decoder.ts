/**
 * Running a DDSP decoder (docs/ddsp.md, "Decoder ONNX contract") through the model service: the
 * shipped models by instrument, the contract a node requires of them, and a session that feeds
 * f0 and loudness in chunks while carrying the GRU state from one call to the next, so any
 * chunking gives the controls of one call over the whole clip.
 */
import type { NodeContext } from '../../src/engine/node';
import type { SynthControls } from '../../src/engine/values';
import { DDSP_FRAME_RATE, DDSP_NOISE_BANDS, DDSP_SAMPLE_RATE } from '../../src/dsp/ddspContract';
import { nextState, zeroState } from '../../src/ml/state';
import { getModelService, type LoadedModel, type RequiredContract, type TensorMap } from '../../src/ml/service';
import { float32 } from '../../src/ml/tensors';

/** The instruments offered, each the model `ddsp-<instrument>` in public/models. */
export const DDSP_INSTRUMENTS = ['sax', 'violin'] as const;
/** Frames per decoder call in a render: one second. */
export const DECODER_CHUNK_FRAMES = 250;

/** What the DDSP nodes require of a model. */
export const DDSP_DECODER_CONTRACT: RequiredContract = {
  kind: 'ddsp-decoder',
  inputs: ['f0', 'loudness', 'state'],
  outputs: ['amplitude', 'harmonics', 'noise', 'state_out'],
  sampleRate: DDSP_SAMPLE_RATE,
  frameRate: DDSP_FRAME_RATE,
};

/**
 * The model id of an instrument.
 * @example
 * instrumentModelId('violin'); // 'ddsp-violin'
 */
export function instrumentModelId(instrument: string): string {
  return `ddsp-${instrument}`;
}

/**
 * Loads the decoder of `instrument` from the host's model service, checked against the contract.
 * It runs on WASM even where WebGPU is offered: the decoder is a small GRU stepped frame by frame,
 * so a GPU pays a dispatch per step for little arithmetic (bench/ddsp.ts: 0.6x real time on
 * Chromium's WebGPU over SwiftShader against 10x on its WASM).
 * @example
 * const model = await loadDecoder(ctx, 'sax');
 */
export function loadDecoder(ctx: NodeContext, instrument: string): Promise<LoadedModel> {
  return getModelService(ctx).load(instrumentModelId(instrument), { require: DDSP_DECODER_CONTRACT, provider: 'wasm', who: `node ${ctx.nodeId}` });
}

/** Decoder outputs for a run of frames (no f0: the caller owns it). */
export type DecodedFrames = Omit<SynthControls, 'f0' | 'frameRate'>;

/**
 * A decoder stream: each `decode` call continues from the state the previous one left.
 * @example
 * const session = new DecoderSession(model);
 * const a = await session.decode(f0.subarray(0, 250), loudness.subarray(0, 250));
 * const b = await session.decode(f0.subarray(250), loudness.subarray(250)); // as if in one call
 */
export class DecoderSession {
  private state: TensorMap;

  constructor(private readonly model: LoadedModel) {
    this.state = zeroState(model.manifest);
  }

  /** Controls for the next `f0.length` frames (f0 in Hz, loudness in dB). */
  async decode(f0: Float32Array, loudness: Float32Array): Promise<DecodedFrames> {
    const frames = f0.length;
    if (loudness.length !== frames) throw new Error(`DDSP decoder: ${frames} f0 frames but ${loudness.length} loudness frames`);
    const out = await this.model.run({ f0: float32(f0, [1, frames]), loudness: float32(loudness, [1, frames]), ...this.state });
    this.state = nextState(this.model.manifest, out);
    const harmonicCount = out.harmonics.dims[2];
    const noiseBands = out.noise.dims[2];
    if (noiseBands !== DDSP_NOISE_BANDS) {
      throw new Error(`DDSP decoder "${this.model.manifest.id}": ${noiseBands} noise bands per frame, the synth takes ${DDSP_NOISE_BANDS}`);
    }
    return {
      amplitude: out.amplitude.data as Float32Array,
      harmonicCount,
      harmonics: out.harmonics.data as Float32Array,
      noiseBands,
      noise: out.noise.data as Float32Array,
    };
  }
}

/** Options of `decodeAll`. */
export interface DecodeAllOptions {
  /** Frames per call (default 250). */
  chunkFrames?: number;
  /** Cancellation and progress: `yield()` between chunks, `progress(fraction)` after each. */
  ctx?: Pick<NodeContext, 'yield' | 'progress'>;
}

/**
 * Controls for a whole clip, decoded chunk by chunk with the state carried across.
 * @example
 * const { amplitude, harmonics, noise } = await decodeAll(model, f0, loudness, { ctx });
 */
export async function decodeAll(model: LoadedModel, f0: Float32Array, loudness: Float32Array, opts: DecodeAllOptions = {}): Promise<DecodedFrames> {
  const frames = f0.length;
  const chunk = opts.chunkFrames ?? DECODER_CHUNK_FRAMES;
  if (!(Number.isInteger(chunk) && chunk >= 1)) throw new Error(`DDSP decoder: chunk size must be a whole number of frames ≥ 1, got ${chunk}`);
  if (frames === 0) throw new Error('DDSP decoder: no frames to decode');
  const session = new DecoderSession(model);
  const amplitude = new Float32Array(frames);
  let harmonics = new Float32Array(0);
  let noise = new Float32Array(0);
  let harmonicCount = 0;
  let noiseBands = 0;
  for (let at = 0; at < frames; at += chunk) {
    const end = Math.min(frames, at + chunk);
    const part = await session.decode(f0.subarray(at, end), loudness.subarray(at, end));
    if (at === 0) {
      ({ harmonicCount, noiseBands } = part);
      harmonics = new Float32Array(frames * harmonicCount);
      noise = new Float32Array(frames * noiseBands);
    }
    amplitude.set(part.amplitude, at);
    harmonics.set(part.harmonics, at * harmonicCount);
    noise.set(part.noise, at * noiseBands);
    opts.ctx?.progress(end / frames, `decoded ${end} of ${frames} frames`);
    if (end < frames) await opts.ctx?.yield();
  }
  return { amplitude, harmonicCount, harmonics, noiseBands, noise };
}
