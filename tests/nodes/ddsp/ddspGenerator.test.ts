/**
 * The live DDSP generator, in Node with the fixture decoder: a held note streams the same audio as
 * the offline chain (notes → features → decoder → synth), delayed by the noise FIR's L/2; notes
 * sound at their pitch and fall silent after their release; a param message moves the vibrato.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { decoderInputs } from '../../../nodes/ddsp/controls';
import { applyGate } from '../../../nodes/ddsp/gate';
import { decodeAll, DecoderSession } from '../../../nodes/ddsp/decoder';
import { DdspStreamGenerator, type LiveDdspParams } from '../../../nodes/ddsp/live/ddspGenerator';
import { notesToFeatures } from '../../../nodes/ddsp/notesToFeatures';
import { ddspSynth } from '../../../src/dsp/ddspSynth';
import { rms } from '../../../src/dsp/measure';
import { fixtureDecoderService } from './ddspModels';
import { cents, pitchOf } from './tones';

const service = fixtureDecoderService();
afterAll(() => service.dispose());
const RATE = 16000;
const params: LiveDdspParams = {
  instrument: 'sax', glide: 0.04, vibratoRate: 5, vibratoDepth: 15, vibratoFadeIn: 0.25, attack: 0.03, release: 0.15,
  loudness: -16, dynamics: 16, legato: false, pitchShift: 0, loudnessShift: 0, gate: -50,
};

/** A generator whose decoder (loaded beforehand, handed over at once) is in place before its first block. */
async function started(p: LiveDdspParams = params): Promise<DdspStreamGenerator> {
  const model = await service.load('ddsp-sax');
  const gen = new DdspStreamGenerator(RATE, 7, p, async () => new DecoderSession(model));
  await new Promise((r) => setTimeout(r, 0));
  return gen;
}

/** `seconds` of stream in 128-sample blocks. */
async function stream(gen: DdspStreamGenerator, seconds: number): Promise<Float32Array> {
  const blocks = Math.round((seconds * RATE) / 128);
  const out = new Float32Array(blocks * 128);
  const block = [new Float32Array(128)];
  for (let b = 0; b < blocks; b++) {
    await gen.generate(block, 128);
    out.set(block[0], b * 128);
  }
  return out;
}

describe('DdspStreamGenerator', () => {
  it('is ready once its decoder has loaded and has played a warm-up note, and says why when it cannot load', async () => {
    const model = await service.load('ddsp-sax');
    const loudness: number[] = [];
    let loaded!: () => void;
    const gate = new Promise<void>((r) => { loaded = r; });
    const gen = new DdspStreamGenerator(RATE, 7, params, async () => {
      await gate;
      const session = new DecoderSession(model);
      return { decode: (f0, l) => { loudness.push(l[0]); return session.decode(f0, l); } };
    });
    let ready = false;
    const waiting = gen.ready(0.4).then(() => { ready = true; });
    await new Promise((r) => setTimeout(r, 10));
    expect(ready).toBe(false);
    loaded();
    await waiting;
    expect(loudness).toHaveLength(100); // 0.4 s of 4 ms frames
    expect(Math.max(...loudness)).toBeGreaterThan(-40); // a sounding note, not only silence
    expect(loudness.at(-1)!).toBeLessThan(-80); // released, and faded out before the end
    // The warm-up is not heard: the stream still starts silent.
    const first = [new Float32Array(128)];
    await gen.generate(first, 128);
    expect(first[0].every((v) => Math.abs(v) < 1e-6)).toBe(true);
    const broken = new DdspStreamGenerator(RATE, 7, params, async () => { throw new Error('404 model.onnx'); });
    await expect(broken.ready()).rejects.toThrow('DDSP stream: cannot load the sax decoder: 404 model.onnx');
  });

  it('a held note streams what the offline chain renders, L/2 later', async () => {
    const gen = await started();
    gen.control({ type: 'on', pitch: 64, velocity: 0.9 });
    const live = await stream(gen, 1);
    const seq = { notes: [{ pitch: 64, velocity: 0.9, start: 0, duration: 4 }], tempo: 120, timeSignature: { numerator: 4, denominator: 4 }, length: 4 };
    const features = notesToFeatures(seq, { ...params, tail: 0 });
    const { f0, loudness } = decoderInputs(features, params, 'test');
    const decoded = await decodeAll(await service.load('ddsp-sax'), f0, loudness);
    applyGate(decoded, features.loudness, params.gate);
    const offline = ddspSynth({ f0, ...decoded }, { sampleRate: RATE, seed: 7 }).channels[0];
    const delay = 64;
    let worst = 0;
    for (let n = 0; n + delay < live.length; n++) worst = Math.max(worst, Math.abs(live[n + delay] - offline[n]));
    expect(rms({ sampleRate: RATE, channels: [live] })).toBeGreaterThan(0.01);
    expect(worst).toBeLessThan(1e-5);
  });

  it('plays notes at their pitch and is silent after the release', async () => {
    const gen = await started();
    gen.control({ type: 'on', pitch: 67, velocity: 0.8 });
    const first = await stream(gen, 0.5);
    gen.control({ type: 'off', pitch: 67 });
    gen.control({ type: 'on', pitch: 60, velocity: 0.8 });
    const second = await stream(gen, 0.5);
    gen.control({ type: 'off', pitch: 60 });
    const after = await stream(gen, 0.5);
    const clip = (a: Float32Array) => ({ sampleRate: RATE, channels: [a] });
    expect(Math.abs(cents(pitchOf(clip(first), 0.15, 0.45).hz, 392))).toBeLessThan(25);
    expect(Math.abs(cents(pitchOf(clip(second), 0.15, 0.45).hz, 261.63))).toBeLessThan(25);
    expect(rms(clip(after.subarray(0.3 * RATE)))).toBeLessThan(rms(clip(second)) / 100);
  });

  it('a params message changes the vibrato depth from the next frame', async () => {
    const gen = await started({ ...params, vibratoDepth: 0 });
    gen.control({ type: 'on', pitch: 69, velocity: 0.8 });
    const plain = pitchOf({ sampleRate: RATE, channels: [await stream(gen, 1)] }, 0.3, 0.95);
    gen.control({ type: 'params', ...params, vibratoDepth: 100, vibratoFadeIn: 0 });
    const wobbly = await stream(gen, 1);
    const { extractFeatures } = await import('../../../src/dsp/features');
    const f0 = Array.from(extractFeatures({ sampleRate: RATE, channels: [wobbly] }).f0.subarray(50, 230)).filter((v) => v > 0);
    expect(Math.abs(cents(plain.hz, 440))).toBeLessThan(5);
    expect(Math.max(...f0.map((v) => cents(v, 440)))).toBeGreaterThan(60);
    expect(Math.min(...f0.map((v) => cents(v, 440)))).toBeLessThan(-60);
  });
});
