/**
 * The DDSP decoder through the model service, on the tiny fixture decoder: ONNX Runtime agrees
 * with PyTorch, chunked calls carrying the GRU state equal one call, and the ddsp.decoder node
 * fills, shifts, reports progress, previews and can be cancelled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeAll, DecoderSession } from '../../../nodes/ddsp/decoder';
import { decoderNode } from '../../../nodes/ddsp/decoderNode';
import { CancelledError } from '../../../src/engine/node';
import type { Features, SynthControls } from '../../../src/engine/values';
import { runNode } from '../runNode';
import { FIXTURE_MODELS, fixtureDecoderService, fixtureServices } from './ddspModels';

const service = fixtureDecoderService();
afterAll(() => service.dispose());

interface Reference {
  inputs: { f0: number[]; loudness: number[] };
  outputs: Record<'amplitude' | 'harmonics' | 'noise' | 'state_out', number[]>;
}
const reference = JSON.parse(readFileSync(join(FIXTURE_MODELS, 'tiny-ddsp', 'reference.json'), 'utf8')) as Reference;

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

/** A phrase: a rising then falling pitch with a swell, 3 s at 250 frames/s, unvoiced at the start. */
function phrase(): Features {
  const frames = 751;
  const f0 = new Float32Array(frames);
  const loudness = new Float32Array(frames);
  for (let m = 0; m < frames; m++) {
    const t = m / 250;
    f0[m] = m < 20 ? 0 : 220 * 2 ** Math.sin(t);
    loudness[m] = -60 + 40 * Math.sin((Math.PI * t) / 3);
  }
  return { frameRate: 250, f0, loudness };
}

describe('DDSP decoder', () => {
  it('ONNX Runtime (WASM) matches PyTorch on the fixture', async () => {
    const model = await service.load('ddsp-sax');
    const f0 = Float32Array.from(reference.inputs.f0);
    const out = await new DecoderSession(model).decode(f0, Float32Array.from(reference.inputs.loudness));
    expect(out.harmonicCount).toBe(60);
    expect(out.noiseBands).toBe(65);
    expect(maxDiff(out.amplitude, reference.outputs.amplitude)).toBeLessThan(1e-4);
    expect(maxDiff(out.harmonics, reference.outputs.harmonics)).toBeLessThan(1e-4);
    expect(maxDiff(out.noise, reference.outputs.noise)).toBeLessThan(1e-4);
  });

  it('decoding in chunks that carry the GRU state equals one call, and the state matters', async () => {
    const model = await service.load('ddsp-sax');
    const { f0, loudness } = phrase();
    f0.fill(220, 0, 20);
    const whole = await decodeAll(model, f0, loudness, { chunkFrames: f0.length });
    for (const chunkFrames of [1, 7, 250]) {
      const chunked = await decodeAll(model, f0, loudness, { chunkFrames });
      expect(maxDiff(chunked.amplitude, whole.amplitude), `chunks of ${chunkFrames}`).toBeLessThan(1e-5);
      expect(maxDiff(chunked.harmonics, whole.harmonics), `chunks of ${chunkFrames}`).toBeLessThan(1e-5);
      expect(maxDiff(chunked.noise, whole.noise), `chunks of ${chunkFrames}`).toBeLessThan(1e-5);
    }
    // Restarting every chunk from the zero state is not the same: the fixture's GRU does carry context.
    const fresh = await new DecoderSession(model).decode(f0.subarray(375), loudness.subarray(375));
    expect(maxDiff(fresh.amplitude, whole.amplitude.subarray(375))).toBeGreaterThan(1e-3);
  });

  it('the node fills unvoiced frames, shifts pitch and loudness, and previews the harmonic distribution', async () => {
    const features = phrase();
    const { outputs, previews, progress } = await runNode(decoderNode, { features }, { pitchShift: -1, loudnessShift: 6 }, { services: fixtureServices(service) });
    const controls = outputs.controls as SynthControls;
    expect(controls.frameRate).toBe(250);
    expect(controls.f0.length).toBe(751);
    expect(controls.f0[0]).toBeCloseTo(features.f0[20] / 2, 3); // filled from the first voiced frame, an octave down
    expect(controls.f0[400]).toBeCloseTo(features.f0[400] / 2, 3);
    expect(controls.harmonicCount).toBe(60);
    // The fixture's amplitude grows with loudness: +6 dB in gives more out.
    const plain = (await runNode(decoderNode, { features }, { pitchShift: -1 }, { services: fixtureServices(service) })).outputs.controls as SynthControls;
    expect(controls.amplitude[375]).toBeGreaterThan(plain.amplitude[375]);
    const heatmap = previews!.find((p) => p.kind === 'heatmap');
    expect(heatmap && heatmap.kind === 'heatmap' && [heatmap.rows, heatmap.cols, heatmap.data.length]).toEqual([40, 200, 8000]);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBe(4); // one report per second of frames
  });

  it('the gate turns frames below it down by the difference (20 dB under the gate: a tenth)', async () => {
    const features: Features = { frameRate: 250, f0: new Float32Array(100).fill(330), loudness: new Float32Array(100).fill(-70) };
    const run = async (gate: number) => (await runNode(decoderNode, { features }, { gate }, { services: fixtureServices(service) })).outputs.controls as SynthControls;
    const open = await run(-100);
    const gated = await run(-50);
    expect(open.amplitude[50]).toBeGreaterThan(0);
    expect(gated.amplitude[50] / open.amplitude[50]).toBeCloseTo(0.1, 5);
    expect(gated.noise[50 * 65 + 10] / open.noise[50 * 65 + 10]).toBeCloseTo(0.1, 5);
    expect(gated.harmonics.subarray(50 * 60, 51 * 60)).toEqual(open.harmonics.subarray(50 * 60, 51 * 60));
  });

  it('refuses features at another frame rate', async () => {
    const features = { ...phrase(), frameRate: 100 };
    await expect(runNode(decoderNode, { features }, {}, { services: fixtureServices(service) })).rejects.toThrow(/100 frames\/s; the DDSP decoder takes 250/);
  });

  it('stops between chunks when the run is cancelled', async () => {
    const controller = new AbortController();
    const features = phrase();
    const seen: number[] = [];
    const run = runNode(decoderNode, { features }, {}, {
      services: fixtureServices(service), signal: controller.signal,
      onProgress: (f) => { seen.push(f); if (seen.length === 1) controller.abort(); },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toEqual([250 / 751]);
  });
});
