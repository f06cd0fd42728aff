/**
 * A shipped DDSP decoder made ready for the AudioWorklet: its files gathered and checked against
 * the manifest (sha256, contract), its weights read out of the ONNX graph, and the hand-written
 * decoder run over the model's reference.json (PyTorch's outputs for a few frames) — a decoder
 * that does not reproduce them within the tolerance reference.json gives (default 1e-4) is
 * refused, so the live instrument keeps it on onnxruntime instead of playing something else.
 */
import { checkedGraph, gatherShipped, type ModelSource } from '../../../src/ml/modelFiles';
import { DDSP_DECODER_CONTRACT, instrumentModelId } from '../decoder';
import { readDecoderWeights, type DecoderWeights } from './decoderWeights';
import { GruDecoder } from './gruDecoder';

/** The decoder loaded, but the worklet cannot run it (another graph, or it does not reproduce the reference): run it elsewhere. */
export class WorkletDecoderRefused extends Error {}

/** A decoder's reference.json: inputs and PyTorch's outputs, frame-major. */
export interface DecoderReference {
  inputs: { f0: number[]; loudness: number[] };
  outputs: { amplitude: number[]; harmonics: number[]; noise: number[] };
  tolerance?: number;
}

/**
 * The largest difference between the hand-written decoder, stepped frame by frame from the zero
 * state, and the reference outputs (amplitude relative to its size, harmonics and noise absolute).
 */
export function referenceError(weights: DecoderWeights, reference: DecoderReference): number {
  const decoder = new GruDecoder(weights);
  const { f0, loudness } = reference.inputs;
  const { amplitude, harmonics, noise } = reference.outputs;
  let worst = 0;
  for (let m = 0; m < f0.length; m++) {
    const out = decoder.step(f0[m], loudness[m]);
    worst = Math.max(worst, Math.abs(out.amplitude[0] - amplitude[m]) / Math.max(1, Math.abs(amplitude[m])));
    for (let k = 0; k < out.harmonicCount; k++) worst = Math.max(worst, Math.abs(out.harmonics[k] - harmonics[m * out.harmonicCount + k]));
    for (let b = 0; b < out.noiseBands; b++) worst = Math.max(worst, Math.abs(out.noise[b] - noise[m * out.noiseBands + b]));
  }
  return worst;
}

/**
 * The weights of instrument `instrument`'s decoder, checked as above; throws saying which file
 * and why: a WorkletDecoderRefused when the model is sound but the worklet cannot run it, another
 * error when the model itself cannot be loaded (missing, damaged, the wrong contract).
 * @example
 * const weights = await loadWorkletDecoder(fetchSource('/models/'), 'sax');
 */
export async function loadWorkletDecoder(source: ModelSource, instrument: string): Promise<DecoderWeights> {
  const model = await gatherShipped(source, instrumentModelId(instrument));
  const { manifest, files, where } = model;
  const graph = (await checkedGraph(model, DDSP_DECODER_CONTRACT, 'the live DDSP instrument')).bytes;
  let weights: DecoderWeights;
  try {
    weights = readDecoderWeights(graph, `${where}/${manifest.onnx}`);
  } catch (err) {
    throw new WorkletDecoderRefused((err as Error).message);
  }
  const referenceBytes = files.get('reference.json');
  if (!referenceBytes) throw new WorkletDecoderRefused(`${where}: no reference.json to check the worklet decoder against`);
  let reference: DecoderReference;
  let error: number;
  try {
    reference = JSON.parse(new TextDecoder().decode(referenceBytes)) as DecoderReference;
    error = referenceError(weights, reference);
  } catch (err) {
    throw new WorkletDecoderRefused(`${where}/reference.json: cannot check the worklet decoder against it (${(err as Error).message})`);
  }
  const tolerance = reference.tolerance ?? 1e-4;
  if (!(error <= tolerance)) throw new WorkletDecoderRefused(`${where}: the worklet decoder is off PyTorch's reference.json by ${error.toExponential(2)} (tolerance ${tolerance})`);
  return weights;
}
