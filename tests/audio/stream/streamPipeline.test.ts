/**
 * The Worker half of a stream in a real worker_threads thread, and the worklet half (StreamReader)
 * on this thread acting as the audio thread: over the shared ring and over messages, the played
 * audio is the generator's sine, and a control change is heard exactly at the frame its marker names.
 */
import { MessageChannel, type Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { PortLike } from '../../../src/audio/stream/messagePort';
import { PortSource } from '../../../src/audio/stream/portSource';
import type { FromWorker, ProducerTiming, StreamTransport, WorkerToWorklet } from '../../../src/audio/stream/protocol';
import { AudioRingBuffer, allocateRingBuffer } from '../../../src/audio/stream/ringBuffer';
import { StreamReader } from '../../../src/audio/stream/streamReader';
import { toneAmplitude } from '../../dsp/signal';
import { startTsWorker } from './tsWorker';

const RATE = 48000;
const BUFFER = 1024;
const QUANTUM = 128;
const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
});

/** A worker hosting the generators, a channel to it, and a reader playing what it sends. */
function startStream(transport: StreamTransport, generator: string, options: Record<string, unknown> = {}) {
  const worker = startTsWorker(new URL('./generatorHost.worker.ts', import.meta.url), null);
  workers.push(worker);
  const channel = new MessageChannel();
  const fromWorker: FromWorker[] = [];
  worker.on('message', (m: FromWorker) => fromWorker.push(m));
  const markers = new Map<number, number>();
  const workletEnd = channel.port2 as unknown as PortLike;
  const memory = transport === 'shared' ? allocateRingBuffer(BUFFER, 1) as SharedArrayBuffer : undefined;
  const ring = memory ? new AudioRingBuffer(memory) : null;
  const portSource = ring ? null : new PortSource(workletEnd, 1, BUFFER, QUANTUM);
  const reader = new StreamReader(ring ?? portSource!, (seq, frame) => markers.set(seq, frame));
  channel.port2.on('message', (m: WorkerToWorklet) => {
    if (m.type === 'marker') reader.addMarker(m.seq, m.frame);
    else portSource!.push(m.data);
  });
  worker.postMessage({ type: 'init', generator, options, sampleRate: RATE, channels: 1, blockFrames: QUANTUM, bufferFrames: BUFFER, ring: memory, port: channel.port1 }, [channel.port1]);
  const played: number[] = [];
  const out = [new Float32Array(QUANTUM)];
  /** Plays quanta as they become ready (never starving, so no underruns) until `frames` were played. */
  async function play(frames: number): Promise<void> {
    while (played.length < frames) {
      const ready = ring ? ring.availableRead() : portSource!.availableRead();
      if (ready >= QUANTUM) {
        reader.render(out, played.length);
        ring?.notifyRead();
        played.push(...out[0]);
      } else await new Promise((r) => setTimeout(r, 1));
    }
  }
  async function message<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>> {
    for (;;) {
      const m = fromWorker.find((x) => x.type === type);
      if (m) {
        fromWorker.splice(fromWorker.indexOf(m), 1);
        return m as Extract<FromWorker, { type: T }>;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  return { worker, reader, markers, played, play, message };
}

describe('stream pipeline (worker_threads)', () => {
  for (const transport of ['shared', 'messages'] as const) {
    it(`plays the generator's sine and hears a control change at its marker (${transport})`, async () => {
      const s = startStream(transport, 'sine', { frequency: 440, gain: 0.5 });
      await s.message('ready');
      await s.play(4096);
      s.worker.postMessage({ type: 'control', seq: 1, message: { frequency: 660 } });
      await s.play(16384);
      const emit = s.markers.get(1);
      expect(emit).toBeDefined();
      expect(emit!).toBeGreaterThanOrEqual(4096);
      expect(emit!).toBeLessThan(16384 - 2048);
      let worst = 0;
      for (let n = 0; n < emit!; n++) worst = Math.max(worst, Math.abs(s.played[n] - 0.5 * Math.sin((2 * Math.PI * 440 * n) / RATE)));
      const phase = (440 * emit!) / RATE;
      for (let k = 0; k < 2048; k++) {
        const want = 0.5 * Math.sin(2 * Math.PI * (phase + (660 * k) / RATE));
        worst = Math.max(worst, Math.abs(s.played[emit! + k] - want));
      }
      expect(worst).toBeLessThan(1e-4);
      // One frame earlier the 440 Hz sine was still playing: the marker is exact, not merely close.
      expect(Math.abs(s.played[emit! - 1] - 0.5 * Math.sin((2 * Math.PI * 440 * (emit! - 1)) / RATE))).toBeLessThan(1e-4);
      expect(s.reader.stats()).toMatchObject({ underruns: 0, underrunFrames: 0, streamFrames: 16384 });

      s.worker.postMessage({ type: 'timing' });
      const timing: ProducerTiming = await s.message('timing');
      expect(timing.blocks).toBeGreaterThanOrEqual(16384 / QUANTUM);
      expect(timing.blockFrames).toBe(QUANTUM);
      expect(timing.maxMs).toBeGreaterThanOrEqual(timing.p50Ms);
    });
  }

  it('runs the additive generator and follows its frequency control', async () => {
    const s = startStream('shared', 'additive', { frequency: 220, hidden: 32, harmonics: 8 });
    await s.message('ready');
    await s.play(8192);
    const energy = (from: number, to: number): number => s.played.slice(from, to).reduce((a, v) => a + v * v, 0) / (to - from);
    expect(energy(1024, 8192)).toBeGreaterThan(1e-4);
    s.worker.postMessage({ type: 'control', seq: 1, message: { frequency: 440 } });
    await s.play(8192 * 3);
    const emit = s.markers.get(1)!;
    // 4800 frames hold whole cycles of 220 and 440 Hz: before the change both partials sound, after it
    // the harmonics sit on 440, 880, … and nothing is left at 220.
    const window = (from: number): Float32Array => Float32Array.from(s.played.slice(from, from + 4800));
    const before = window(emit - 4800);
    const after = window(emit + 1024);
    expect(toneAmplitude(before, 220, RATE)).toBeGreaterThan(1e-3);
    expect(toneAmplitude(after, 220, RATE)).toBeLessThan(toneAmplitude(before, 220, RATE) / 50);
    expect(toneAmplitude(after, 440, RATE)).toBeGreaterThan(1e-3);
  });

  it('reports an unknown generator and a refused control', async () => {
    const bad = startStream('shared', 'nope');
    const err = await bad.message('error');
    expect(err.message).toMatch(/no generator "nope" \(this worker offers: sine, additive\)/);
    const s = startStream('messages', 'sine');
    await s.message('ready');
    s.worker.postMessage({ type: 'control', seq: 7, message: { frequency: 'high' } });
    await s.play(BUFFER * 2); // controls apply between blocks, and blocks come as the buffer drains
    const refused = await s.message('error');
    expect(refused.message).toMatch(/control 7 .* refused: control "frequency" must be a finite number/);
  });
});
