/**
 * The AudioWorklet processor 'genpatch-ddsp': the live DDSP instrument computed on the audio
 * thread, one render quantum at a time — notes and params drive the performer, each 4 ms frame is
 * decoded by the hand-written GRU decoder and synthesized by StreamSynth. No Worker and no ring:
 * a control is heard from the next frame (a few ms), and the only buffer left is the device's own.
 * It starts silent while it warms the decoder up one frame per quantum (the engine's first
 * compilation would otherwise land on the first note), then plays. Loaded by `startDdspVoice`
 * through Vite's `?worker&url`, so it is bundled with its imports.
 */
import { DdspStreamGenerator, type FrameDecoder } from '../../../../nodes/ddsp/live/ddspGenerator';
import { GruDecoder, tinyDecoder } from '../../../../nodes/ddsp/live/gruDecoder';
import { DDSP_PROCESSOR, type DdspProcessorOptions, type FromDdspProcessor, type ToDdspProcessor } from './protocol';

// AudioWorkletGlobalScope members (not in TypeScript's DOM lib).
declare const currentFrame: number;
declare const sampleRate: number;
declare function registerProcessor(name: string, ctor: new (options: { processorOptions: DdspProcessorOptions }) => unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

/** The best clock the scope has: Chromium's worklet scope has no `performance`, so whole ms from Date. */
const clock: () => number = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();

/** Steps of the tiny decoder per quantum, and how many quanta of them, before the first real frame. */
const TINY_STEPS_PER_QUANTUM = 20;
const TINY_QUANTA = 50;
/** Warm-up frames done one per quantum, while the engine compiles the synth and the decoder's sizes. */
const COLD_WARM_UP_FRAMES = 25;
/** Warm-up frames per quantum after those (about 0.4 ms each once compiled). */
const COMPILED_WARM_UP_FRAMES = 3;

class DdspProcessor extends AudioWorkletProcessor {
  private readonly generator: DdspStreamGenerator;
  private readonly waiting = new Map<string, { resolve(d: FrameDecoder): void; reject(e: Error): void }>();
  private readonly markers: number[] = [];
  private warmed = false;
  private warmUpFrames = 0;
  private readonly tiny = tinyDecoder();
  private tinyQuanta = 0;
  private alive = true;
  private failed = false;
  private readonly stats = { quanta: 0, busyMs: 0, maxMs: 0, late: 0 };
  /** A quantum's duration in ms, plus the clock's resolution where it is Date's. */
  private readonly lateMs: number;

  constructor({ processorOptions }: { processorOptions: DdspProcessorOptions }) {
    super();
    const { seed, params, weights } = processorOptions;
    const first = new GruDecoder(weights);
    this.generator = new DdspStreamGenerator(sampleRate, seed, params, (name) => (name === params.instrument ? Promise.resolve(first) : this.request(name)));
    this.lateMs = (1000 * 128) / sampleRate + (typeof performance !== 'undefined' ? 0 : 1);
    this.port.onmessage = (e: MessageEvent<ToDdspProcessor>) => this.fromPage(e.data);
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const out = outputs[0];
    const t0 = clock();
    const playing = this.warmed;
    try {
      if (this.failed) for (const ch of out) ch.fill(0);
      else if (playing) this.play(out);
      else {
        for (const ch of out) ch.fill(0);
        this.warmUp();
      }
    } catch (err) {
      for (const ch of out) ch.fill(0);
      if (!this.failed) this.toPage({ type: 'error', message: (err as Error).message });
      this.failed = true;
    }
    if (!playing) return this.alive; // the warm-up's quanta are silent, and slow by design at first
    const ms = clock() - t0;
    this.stats.quanta++;
    this.stats.busyMs += ms;
    this.stats.maxMs = Math.max(this.stats.maxMs, ms);
    if (ms > this.lateMs) this.stats.late++;
    return this.alive;
  }

  /** One quantum of the instrument; controls received since the last one are marked at the first sample they can change. */
  private play(out: Float32Array[]): void {
    const emitFrame = currentFrame + this.generator.bufferedFrames();
    for (const seq of this.markers.splice(0)) this.toPage({ type: 'marker', seq, emitFrame });
    const done = this.generator.generate(out, out[0].length);
    if (done instanceof Promise) throw new Error('DDSP worklet: the decoder answered asynchronously');
    for (let c = 1; c < out.length; c++) out[c].set(out[0]);
  }

  /**
   * The warm-up, one slice per quantum so no quantum runs long: first a tiny decoder of the same
   * structure (tinyDecoder: the engine compiles the decoder's code at a few µs a step), then
   * frames of a throwaway note on the real decoder and synth, one per quantum while the synth's
   * code compiles, then COMPILED_WARM_UP_FRAMES per quantum; ready in about half a second.
   */
  private warmUp(): void {
    if (this.tinyQuanta < TINY_QUANTA) {
      this.tinyQuanta++;
      for (let i = 0; i < TINY_STEPS_PER_QUANTUM; i++) this.tiny.step(110 + i, -30 - i);
      return;
    }
    const frames = this.warmUpFrames < COLD_WARM_UP_FRAMES ? 1 : COMPILED_WARM_UP_FRAMES;
    for (let i = 0; i < frames; i++) {
      const busy = this.generator.warmUpFrame();
      if (busy instanceof Promise) throw new Error('DDSP worklet: the decoder answered asynchronously');
      if (busy) this.warmUpFrames++;
      else {
        if (this.warmUpFrames > 0) {
          this.warmed = true;
          this.toPage({ type: 'ready' });
        }
        return;
      }
    }
  }

  /** Asks the page for the weights of `instrument` (a model switch while playing). */
  private request(instrument: string): Promise<FrameDecoder> {
    this.toPage({ type: 'need', instrument });
    return new Promise((resolve, reject) => this.waiting.set(instrument, { resolve, reject }));
  }

  private fromPage(msg: ToDdspProcessor): void {
    if (msg.type === 'control') {
      if (this.failed) return; // the page refuses what it still waits for when it hears of the failure
      this.generator.control(msg.message);
      this.markers.push(msg.seq);
    } else if (msg.type === 'weights') {
      this.waiting.get(msg.instrument)?.resolve(new GruDecoder(msg.weights));
      this.waiting.delete(msg.instrument);
    } else if (msg.type === 'refused') {
      this.waiting.get(msg.instrument)?.reject(new Error(msg.message));
      this.waiting.delete(msg.instrument);
    } else if (msg.type === 'stats') this.toPage({ type: 'stats', id: msg.id, ...this.stats });
    else this.alive = false;
  }

  private toPage(msg: FromDdspProcessor): void {
    this.port.postMessage(msg);
  }
}

registerProcessor(DDSP_PROCESSOR, DdspProcessor);
