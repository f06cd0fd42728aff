/**
 * The 'genpatch-ddsp' AudioWorklet processor, run in Node inside a stand-in for the worklet scope
 * (registerProcessor, AudioWorkletProcessor with a port, sampleRate and currentFrame) with the
 * shipped saxophone's weights, read and checked as the page reads them: it is silent while it
 * warms up, then says it is ready; a note is heard at its pitch, marked at the first sample it can
 * change (under a frame away); what it plays equals the onnxruntime stream of the Worker path; it
 * asks the page for another instrument's weights and reports a refusal; it answers stats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecoderSession } from '../../../nodes/ddsp/decoder';
import { DdspStreamGenerator, type LiveDdspParams } from '../../../nodes/ddsp/live/ddspGenerator';
import { loadWorkletDecoder } from '../../../nodes/ddsp/live/workletDecoder';
import type { DdspProcessorOptions, FromDdspProcessor, ToDdspProcessor } from '../../../src/audio/live/ddspVoice/protocol';
import { rms } from '../../../src/dsp/measure';
import { createNodeModelService, diskSource, SHIPPED_MODELS_DIR } from '../../../src/ml/nodeModels';
import { cents, pitchOf } from '../../nodes/ddsp/tones';

const RATE = 16000;
const QUANTUM = 128;
const params: LiveDdspParams = {
  instrument: 'sax', glide: 0.04, vibratoRate: 5, vibratoDepth: 15, vibratoFadeIn: 0.25, attack: 0.03, release: 0.15,
  loudness: -16, dynamics: 16, legato: false, pitchShift: 0, loudnessShift: 0, gate: -50,
};

interface Processor {
  port: { onmessage: ((e: { data: ToDdspProcessor }) => void) | null };
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
}
type ProcessorClass = new (options: { processorOptions: DdspProcessorOptions }) => Processor;

const scope = globalThis as unknown as Record<string, unknown>;
let Ctor: ProcessorClass;
const service = createNodeModelService(SHIPPED_MODELS_DIR);

beforeAll(async () => {
  scope.sampleRate = RATE;
  scope.currentFrame = 0;
  scope.AudioWorkletProcessor = class {
    readonly sent: FromDdspProcessor[] = [];
    readonly port = { onmessage: null, postMessage: (m: FromDdspProcessor) => this.sent.push(m) };
  };
  scope.registerProcessor = (_name: string, ctor: ProcessorClass) => { Ctor = ctor; };
  await import('../../../src/audio/live/ddspVoice/ddspProcessor');
});
afterAll(() => {
  for (const key of ['sampleRate', 'currentFrame', 'AudioWorkletProcessor', 'registerProcessor']) delete scope[key];
  service.dispose();
});

/** A processor on the sax weights, and a way to run it quantum by quantum. */
async function started() {
  const weights = await loadWorkletDecoder(diskSource(SHIPPED_MODELS_DIR), 'sax');
  const proc = new Ctor({ processorOptions: { seed: 7, params, weights } });
  const sent = (proc as unknown as { sent: FromDdspProcessor[] }).sent;
  await Promise.resolve(); // the first decoder is handed over in a microtask
  const send = (data: ToDdspProcessor): void => proc.port.onmessage!({ data });
  const run = (quanta: number): Float32Array => {
    const out = new Float32Array(quanta * QUANTUM);
    const block = [new Float32Array(QUANTUM)];
    for (let q = 0; q < quanta; q++) {
      expect(proc.process([], [block])).toBe(true);
      out.set(block[0], q * QUANTUM);
      scope.currentFrame = (scope.currentFrame as number) + QUANTUM;
    }
    return out;
  };
  return { proc, sent, send, run };
}

const quantaOf = (seconds: number): number => Math.round((seconds * RATE) / QUANTUM);

describe('the DDSP worklet processor', () => {
  it('warms up in silence, then is ready and plays a note at its pitch, marked under a frame after the change', async () => {
    const { sent, send, run } = await started();
    let quanta = 0;
    while (!sent.some((m) => m.type === 'ready')) {
      expect(run(1).every((v) => v === 0)).toBe(true);
      expect(++quanta).toBeLessThan(170); // 50 quanta of a tiny decoder, then 250 frames: 25 one per quantum, then 3 per quantum
    }
    expect(quanta).toBeGreaterThan(140);
    const before = run(quantaOf(0.2));
    send({ type: 'control', seq: 1, message: { type: 'on', pitch: 67, velocity: 0.8 } });
    const at = scope.currentFrame as number;
    const note = run(quantaOf(0.6));
    const marker = sent.find((m): m is Extract<FromDdspProcessor, { type: 'marker' }> => m.type === 'marker' && m.seq === 1);
    expect(marker).toBeDefined();
    expect(marker!.emitFrame - at).toBeGreaterThanOrEqual(0);
    expect(marker!.emitFrame - at).toBeLessThan(RATE / 250); // the frame's samples already made
    const clip = (a: Float32Array) => ({ sampleRate: RATE, channels: [a] });
    expect(rms(clip(note))).toBeGreaterThan(0.01);
    expect(rms(clip(before))).toBeLessThan(rms(clip(note)) / 50); // the gate's floor before any note
    expect(Math.abs(cents(pitchOf(clip(note), 0.2, 0.55).hz, 392))).toBeLessThan(25);
    expect(sent.some((m) => m.type === 'error')).toBe(false);
  });

  it('plays what the onnxruntime stream of the Worker path plays', async () => {
    const { sent, send, run } = await started();
    while (!sent.some((m) => m.type === 'ready')) run(1);
    send({ type: 'control', seq: 1, message: { type: 'on', pitch: 64, velocity: 0.9 } });
    const worklet = run(quantaOf(1));
    // The Worker's generator, on onnxruntime, warmed up as the Worker warms it up.
    const model = await service.load('ddsp-sax');
    const gen = new DdspStreamGenerator(RATE, 7, params, async () => new DecoderSession(model));
    await gen.ready();
    gen.control({ type: 'on', pitch: 64, velocity: 0.9 });
    const ort = new Float32Array(worklet.length);
    const block = [new Float32Array(QUANTUM)];
    for (let at = 0; at < ort.length; at += QUANTUM) {
      await gen.generate(block, QUANTUM);
      ort.set(block[0], at);
    }
    let worst = 0;
    for (let n = 0; n < ort.length; n++) worst = Math.max(worst, Math.abs(worklet[n] - ort[n]));
    expect(rms({ sampleRate: RATE, channels: [ort] })).toBeGreaterThan(0.01);
    expect(worst).toBeLessThan(1e-4);
  });

  it('asks the page for another instrument, plays it once sent, reports a refusal, and answers stats', async () => {
    const { sent, send, run } = await started();
    while (!sent.some((m) => m.type === 'ready')) run(1);
    send({ type: 'control', seq: 1, message: { type: 'params', ...params, instrument: 'violin' } });
    run(1);
    expect(sent.filter((m) => m.type === 'need')).toEqual([{ type: 'need', instrument: 'violin' }]);
    send({ type: 'weights', instrument: 'violin', weights: await loadWorkletDecoder(diskSource(SHIPPED_MODELS_DIR), 'violin') });
    await Promise.resolve();
    send({ type: 'control', seq: 2, message: { type: 'on', pitch: 72, velocity: 0.8 } });
    const violin = run(quantaOf(0.5));
    expect(rms({ sampleRate: RATE, channels: [violin] })).toBeGreaterThan(0.01);
    send({ type: 'control', seq: 3, message: { type: 'params', ...params, instrument: 'cello' } });
    send({ type: 'refused', instrument: 'cello', message: 'public/models/ddsp-cello: no model' });
    await new Promise((r) => setTimeout(r, 0));
    const after = run(2);
    expect(after.every((v) => v === 0)).toBe(true);
    expect(sent.filter((m) => m.type === 'error')).toEqual([{ type: 'error', message: 'DDSP stream: cannot load the cello decoder: public/models/ddsp-cello: no model' }]);
    send({ type: 'stats', id: 9 });
    const stats = sent.find((m) => m.type === 'stats');
    expect(stats).toMatchObject({ type: 'stats', id: 9 });
    expect((stats as { quanta: number }).quanta).toBe(1 + quantaOf(0.5) + 2); // the quanta played since the warm-up
  });
});
