/**
 * The worklet's hand-written DDSP decoder against onnxruntime on the same ONNX file: both shipped
 * decoders, stepped frame by frame over a phrase (silence, glides, a swell), agree to 1e-5; the
 * weights reader refuses a graph of another shape (the fixture decoder has no MLPs), saying why;
 * a shipped decoder loads for the worklet, checked against its reference.json, and one that is
 * sound but cannot run there is refused as such (the page then plays it from a Worker).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DecoderSession } from '../../../nodes/ddsp/decoder';
import { readDecoderWeights } from '../../../nodes/ddsp/live/decoderWeights';
import { GruDecoder } from '../../../nodes/ddsp/live/gruDecoder';
import { loadWorkletDecoder, referenceError, WorkletDecoderRefused, type DecoderReference } from '../../../nodes/ddsp/live/workletDecoder';
import type { ModelSource } from '../../../src/ml/modelFiles';
import { createNodeModelService, diskSource, SHIPPED_MODELS_DIR } from '../../../src/ml/nodeModels';
import { FIXTURE_MODELS } from './ddspModels';

const shipped = createNodeModelService(SHIPPED_MODELS_DIR);
afterAll(() => shipped.dispose());
const decoderFile = (instrument: string): string => join(SHIPPED_MODELS_DIR, `ddsp-${instrument}`, 'model.onnx');

/** 2 s at 250 frames/s: unvoiced, then a glide over two octaves with a swell from -80 to -10 dB. */
function phrase(): { f0: Float32Array; loudness: Float32Array } {
  const frames = 500;
  const f0 = new Float32Array(frames);
  const loudness = new Float32Array(frames);
  for (let m = 0; m < frames; m++) {
    const t = m / 250;
    f0[m] = m < 25 ? 0 : 110 * 4 ** (0.5 + 0.5 * Math.sin(2 * t));
    loudness[m] = -80 + 70 * Math.sin((Math.PI * t) / 2) ** 2;
  }
  return { f0, loudness };
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('GruDecoder (the worklet decoder)', () => {
  it.each(['sax', 'violin'])('agrees with onnxruntime frame by frame on the shipped %s decoder', async (instrument) => {
    const file = decoderFile(instrument);
    const decoder = new GruDecoder(readDecoderWeights(readFileSync(file), file));
    const session = new DecoderSession(await shipped.load(`ddsp-${instrument}`));
    const { f0, loudness } = phrase();
    let worst = { amplitude: 0, harmonics: 0, noise: 0 };
    for (let m = 0; m < f0.length; m++) {
      const ort = await session.decode(f0.subarray(m, m + 1), loudness.subarray(m, m + 1));
      const mine = decoder.step(f0[m], loudness[m]);
      expect(mine.harmonicCount).toBe(ort.harmonicCount);
      expect(mine.noiseBands).toBe(ort.noiseBands);
      worst = {
        amplitude: Math.max(worst.amplitude, maxDiff(mine.amplitude, ort.amplitude) / Math.max(1e-3, Math.abs(ort.amplitude[0]))),
        harmonics: Math.max(worst.harmonics, maxDiff(mine.harmonics, ort.harmonics)),
        noise: Math.max(worst.noise, maxDiff(mine.noise, ort.noise)),
      };
    }
    expect(worst.amplitude).toBeLessThan(1e-4); // relative: amplitudes span 1e-7 … 2
    expect(worst.harmonics).toBeLessThan(1e-5);
    expect(worst.noise).toBeLessThan(1e-5);
  });

  it('carries its GRU state from frame to frame, and is a FrameDecoder', () => {
    const file = decoderFile('sax');
    const decoder = new GruDecoder(readDecoderWeights(readFileSync(file), file));
    const fresh = new GruDecoder(readDecoderWeights(readFileSync(file), file));
    const first = decoder.step(220, -20).amplitude[0];
    const second = decoder.decode(Float32Array.of(220), Float32Array.of(-20)).amplitude[0];
    expect(second).not.toBeCloseTo(first, 6);
    expect(fresh.step(220, -20).amplitude[0]).toBe(first);
  });

  it('refuses a graph that is not a DDSP decoder, naming the file and the reason', () => {
    const fixture = join(FIXTURE_MODELS, 'tiny-ddsp', 'model.onnx');
    expect(() => readDecoderWeights(readFileSync(fixture), fixture)).toThrow(`${fixture}: not a DDSP decoder the worklet can run: no f0_mlp layers`);
    const lstm = join(FIXTURE_MODELS, 'tiny-lstm', 'model.onnx');
    expect(() => readDecoderWeights(readFileSync(lstm), lstm)).toThrow(`${lstm}: not a DDSP decoder the worklet can run: 0 GRU nodes`);
    expect(() => readDecoderWeights(new Uint8Array([0x0a, 0x01, 0x30]), 'junk.onnx')).toThrow('junk.onnx: not an ONNX model (no graph in it)');
  });

  it('loads a shipped decoder for the worklet, within its reference.json; a perturbed reference shows', async () => {
    const weights = await loadWorkletDecoder(diskSource(SHIPPED_MODELS_DIR), 'sax');
    const reference = JSON.parse(readFileSync(join(SHIPPED_MODELS_DIR, 'ddsp-sax', 'reference.json'), 'utf8')) as DecoderReference;
    expect(referenceError(weights, reference)).toBeLessThan(1e-5);
    reference.outputs.noise[100] += 1e-3;
    expect(referenceError(weights, reference)).toBeGreaterThan(9e-4);
  });

  it('refuses, as a WorkletDecoderRefused, a sound decoder of another shape; a missing model is another error', async () => {
    // The fixture decoder served as "ddsp-sax": it verifies and meets the contract, but has no MLPs.
    const disk = diskSource(FIXTURE_MODELS);
    const source: ModelSource = {
      where: (id) => `fixtures/${id}`,
      async read(_id, path) {
        const bytes = await disk.read('tiny-ddsp', path);
        if (path !== 'manifest.json' || !bytes) return bytes;
        return new TextEncoder().encode(JSON.stringify({ ...JSON.parse(new TextDecoder().decode(bytes)), id: 'ddsp-sax' }));
      },
    };
    const refused = await loadWorkletDecoder(source, 'sax').catch((e: Error) => e);
    expect(refused).toBeInstanceOf(WorkletDecoderRefused);
    expect((refused as Error).message).toBe('fixtures/ddsp-sax/model.onnx: not a DDSP decoder the worklet can run: no f0_mlp layers');
    const missing = await loadWorkletDecoder(diskSource(SHIPPED_MODELS_DIR), 'cello').catch((e: Error) => e);
    expect(missing).not.toBeInstanceOf(WorkletDecoderRefused);
    expect((missing as Error).message).toMatch(/no model "ddsp-cello"/);
  });
});
