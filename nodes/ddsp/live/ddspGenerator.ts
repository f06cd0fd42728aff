/**
 * The live DDSP instrument as an audio-block generator (the BlockGenerator contract of
 * src/audio/stream, run in a Worker that streams into an AudioWorklet): note and param messages
 * drive a performer; every 4 ms frame is decoded by the GRU decoder (its state carried from frame
 * to frame) and synthesized by StreamSynth. Nothing here touches a Worker or Web Audio, so the
 * tests run it in Node.
 */
import { DDSP_FRAME_RATE } from '../../../src/dsp/ddspContract';
import { applyGate } from '../controls';
import type { DecodedFrames } from '../decoder';
import { Performer, type PerformanceOptions } from '../performer';
import { StreamSynth } from './streamSynth';

/** What the generator needs of a decoder: the next frames, continuing its state (a DecoderSession). */
export interface FrameDecoder {
  decode(f0: Float32Array, loudness: Float32Array): Promise<DecodedFrames>;
}

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
  private frame = 0;
  private lastF0 = 440;
  private buffer = new Float32Array(0);

  constructor(sampleRate: number, seed: number, params: LiveDdspParams, private readonly load: (instrument: string) => Promise<FrameDecoder>) {
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

  /** Fills `out` (one array per channel) with the next `frames` samples; silence until the decoder is loaded. */
  async generate(out: Float32Array[], frames: number): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.decoder) {
      for (const ch of out) ch.fill(0, 0, frames);
      return;
    }
    while (this.buffer.length < frames) this.append(await this.nextFrame(this.decoder));
    for (const ch of out) ch.set(this.buffer.subarray(0, frames));
    this.buffer = this.buffer.slice(frames);
  }

  /** Performs, decodes and synthesizes one control frame; returns the samples it made final. */
  private async nextFrame(decoder: FrameDecoder): Promise<Float32Array> {
    const p = this.params;
    const played = this.performer.frame(this.frame++ / DDSP_FRAME_RATE);
    if (played.f0 > 0) this.lastF0 = played.f0;
    const f0 = Math.fround(this.lastF0 * 2 ** p.pitchShift); // the float32 value the decoder hears
    const decoded = await decoder.decode(Float32Array.of(f0), Float32Array.of(played.loudness + p.loudnessShift));
    applyGate(decoded, Float32Array.of(played.loudness), p.gate);
    return this.synth.push({ f0, amplitude: decoded.amplitude[0], harmonics: decoded.harmonics, noise: decoded.noise });
  }

  private append(samples: Float32Array): void {
    const grown = new Float32Array(this.buffer.length + samples.length);
    grown.set(this.buffer);
    grown.set(samples, this.buffer.length);
    this.buffer = grown;
  }

  /** Loads the decoder of `instrument`; the one playing keeps playing until it is ready (a failure is thrown by the next `generate`). */
  private loadInstrument(instrument: string): void {
    if (this.loading === instrument) return;
    this.loading = instrument;
    this.load(instrument).then((decoder) => {
      if (this.loading !== instrument) return;
      this.decoder = decoder;
      this.loaded = instrument;
    }, (err: Error) => {
      if (this.loading === instrument) this.failure = new Error(`DDSP stream: cannot load the ${instrument} decoder: ${err.message}`);
    });
  }
}
