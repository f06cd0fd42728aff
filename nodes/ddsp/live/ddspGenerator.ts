/**
 * The live DDSP instrument as an audio-block generator (the BlockGenerator contract of
 * src/audio/stream): note and param messages drive a performer; every 4 ms frame is decoded by the
 * GRU decoder (its state carried from frame to frame) and synthesized by StreamSynth. It runs in
 * the AudioWorklet with the hand-written decoder (synchronously), or in a Worker on onnxruntime
 * (awaited). Nothing here touches a Worker or Web Audio, so the tests run it in Node.
 */
import { DDSP_FRAME_RATE } from '../../../src/dsp/ddspContract';
import { applyGate } from '../gate';
import type { DecodedFrames } from '../decoder';
import { Performer, type PerformanceOptions } from '../performer';
import { StreamSynth } from './streamSynth';

/**
 * What the generator needs of a decoder: the next frames, continuing its state. A DecoderSession
 * (onnxruntime, in a Worker) answers with a promise; the worklet's GruDecoder answers at once, and
 * then `generate` completes synchronously.
 */
export interface FrameDecoder {
  decode(f0: Float32Array, loudness: Float32Array): DecodedFrames | Promise<DecodedFrames>;
}

/** The note a decoder is warmed up with, not heard: its own performer and synth, and how far it has played. */
interface WarmUp {
  performer: Performer;
  synth: StreamSynth;
  frame: number;
}

/** Seconds of warm-up note. */
const WARM_UP_SECONDS = 1;

/** A message to the generator: `{type: 'on', pitch, velocity}`, `{type: 'off', pitch}` or `{type: 'params', …params}`. */
export type DdspMessage = Readonly<Record<string, number | boolean | string | readonly number[]>>;

/** The instrument's live params: which model, how notes are performed, shifts and gate. */
export interface LiveDdspParams extends PerformanceOptions {
  instrument: string;
  pitchShift: number;
  loudnessShift: number;
  gate: number;
}

/** The params a message carries, over `base` (unknown or ill-typed fields keep their old value). */
function readParams(message: DdspMessage, base: LiveDdspParams): LiveDdspParams {
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(base)) {
    const v = message[key];
    if (typeof v === typeof out[key] && (typeof v !== 'number' || Number.isFinite(v))) out[key] = v;
  }
  return out as unknown as LiveDdspParams;
}

/**
 * Generates a DDSP instrument's audio block by block.
 * @example
 * const gen = new DdspStreamGenerator(48000, 1, params, async (instrument) => new DecoderSession(await load(instrument)));
 * gen.control({ type: 'on', pitch: 67, velocity: 0.8 });
 * await gen.generate([block], 128);
 */
export class DdspStreamGenerator {
  private params: LiveDdspParams;
  private readonly performer: Performer;
  private readonly synth: StreamSynth;
  private decoder: FrameDecoder | null = null;
  private loading: string | null = null;
  private loaded: string | null = null;
  private failure: Error | null = null;
  private pending: Promise<void> = Promise.resolve();
  private warm: WarmUp | null = null;
  private warmUpFrames = WARM_UP_SECONDS * DDSP_FRAME_RATE;
  private frame = 0;
  private lastF0 = 440;
  private readonly f0In = new Float32Array(1);
  private readonly loudnessIn = new Float32Array(1);
  private readonly playedLoudness = new Float32Array(1);
  /** Synthesized samples not yet handed out: queue[head, tail). */
  private queue = new Float32Array(4096);
  private head = 0;
  private tail = 0;

  constructor(private readonly sampleRate: number, seed: number, params: LiveDdspParams, private readonly load: (instrument: string) => Promise<FrameDecoder>) {
    this.params = params;
    this.performer = new Performer(params, 1 / DDSP_FRAME_RATE);
    this.synth = new StreamSynth(sampleRate, seed);
    this.loadInstrument(params.instrument);
  }

  /** A note or param change; it takes effect at the next frame. */
  control(message: DdspMessage): void {
    const time = this.frame / DDSP_FRAME_RATE;
    if (message.type === 'on' && typeof message.pitch === 'number') {
      const velocity = typeof message.velocity === 'number' ? message.velocity : 0.8;
      this.performer.add({ pitch: message.pitch, velocity, on: time, off: Infinity });
    } else if (message.type === 'off' && typeof message.pitch === 'number') {
      this.performer.release(message.pitch, time);
    } else if (message.type === 'params') {
      this.params = readParams(message, this.params);
      this.performer.setOptions(this.params);
      if (this.params.instrument !== this.loaded) this.loadInstrument(this.params.instrument);
    }
  }

  /**
   * Fills `out` (one array per channel) with the next `frames` samples; silence until the decoder
   * is loaded. Synchronous with a synchronous decoder, else a promise.
   */
  generate(out: Float32Array[], frames: number): void | Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.decoder) {
      for (const ch of out) ch.fill(0, 0, frames);
      return;
    }
    while (this.tail - this.head < frames) {
      const made = this.render(this.decoder, this.performer, this.synth, this.frame++ / DDSP_FRAME_RATE);
      if (made instanceof Promise) return made.then((samples) => { this.append(samples); return this.generate(out, frames); });
      this.append(made);
    }
    for (const ch of out) ch.set(this.queue.subarray(this.head, this.head + frames));
    this.head += frames;
  }

  /** Samples synthesized and not yet handed out: a change applied now is heard after them. */
  bufferedFrames(): number {
    return this.tail - this.head;
  }

  /**
   * Resolves once the first decoder is loaded and warmed up, so a stream started after it is in
   * time from its first block; rejects when the decoder cannot load. The warm-up plays one note for
   * `warmupSeconds` on a throwaway performer and synth (not heard): onnxruntime's first runs and the
   * JavaScript engine's first compilation of every sounding-note path are the slowest, and would
   * otherwise fall on the performer's first notes.
   */
  async ready(warmupSeconds = WARM_UP_SECONDS): Promise<void> {
    this.warmUpFrames = Math.round(warmupSeconds * DDSP_FRAME_RATE);
    await this.pending;
    if (this.failure) throw this.failure;
    while (await this.warmUpFrame());
  }

  /**
   * Plays the next frame of the warm-up note on the loaded decoder: false when there is nothing
   * to do (no decoder yet, or the warm-up is over). A real-time caller does one frame at a time.
   */
  warmUpFrame(): boolean | Promise<boolean> {
    const decoder = this.decoder;
    if (!decoder) return false;
    if (!this.warm) {
      this.warm = { performer: new Performer(this.params, 1 / DDSP_FRAME_RATE), synth: new StreamSynth(this.sampleRate, 0), frame: 0 };
      this.warm.performer.add({ pitch: 67, velocity: 0.8, on: 0, off: this.warmUpFrames / DDSP_FRAME_RATE / 2 });
    }
    const w = this.warm;
    if (w.frame >= this.warmUpFrames) return false;
    const made = this.render(decoder, w.performer, w.synth, w.frame++ / DDSP_FRAME_RATE);
    return made instanceof Promise ? made.then(() => true) : true;
  }

  /** One control frame at time `t` of `performer`, decoded by `decoder` and pushed into `synth`; the samples it made final. */
  private render(decoder: FrameDecoder, performer: Performer, synth: StreamSynth, t: number): Float32Array | Promise<Float32Array> {
    const p = this.params;
    const played = performer.frame(t);
    if (played.f0 > 0) this.lastF0 = played.f0;
    const f0 = Math.fround(this.lastF0 * 2 ** p.pitchShift); // the float32 value the decoder hears
    // One-frame inputs in reused arrays (no garbage per frame on the audio thread); each render
    // finishes before the next begins, awaited or not, so none is overwritten while in use.
    const { f0In, loudnessIn, playedLoudness } = this;
    f0In[0] = f0;
    loudnessIn[0] = played.loudness + p.loudnessShift;
    playedLoudness[0] = played.loudness;
    const finish = (decoded: DecodedFrames): Float32Array => {
      applyGate(decoded, playedLoudness, p.gate);
      return synth.push({ f0, amplitude: decoded.amplitude[0], harmonics: decoded.harmonics, noise: decoded.noise });
    };
    const decoded = decoder.decode(f0In, loudnessIn);
    return decoded instanceof Promise ? decoded.then(finish) : finish(decoded);
  }

  private append(samples: Float32Array): void {
    if (this.tail + samples.length > this.queue.length) {
      const held = this.tail - this.head;
      if (2 * (held + samples.length) > this.queue.length) {
        const grown = new Float32Array(2 * (held + samples.length));
        grown.set(this.queue.subarray(this.head, this.tail));
        this.queue = grown;
      } else this.queue.copyWithin(0, this.head, this.tail);
      this.head = 0;
      this.tail = held;
    }
    this.queue.set(samples, this.tail);
    this.tail += samples.length;
  }

  /** Loads the decoder of `instrument`; the one playing keeps playing until it is ready (a failure is thrown by the next `generate`). */
  private loadInstrument(instrument: string): void {
    if (this.loading === instrument) return;
    this.loading = instrument;
    this.pending = this.load(instrument).then((decoder) => {
      if (this.loading !== instrument) return;
      this.decoder = decoder;
      this.loaded = instrument;
    }, (err: Error) => {
      if (this.loading === instrument) this.failure = new Error(`DDSP stream: cannot load the ${instrument} decoder: ${err.message}`);
    });
  }
}
