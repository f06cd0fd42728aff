/**
 * The DDSP pipeline timed the same way in Node and in the page: a melody performed as features
 * (nodes/ddsp/notesToFeatures), the decoder over all frames in one-second chunks carrying the GRU
 * state (nodes/ddsp/decoder), then the synth (src/dsp/ddspSynth) at 16 and 48 kHz; and the live
 * instrument's generator at 48 kHz, on onnxruntime (the Worker's) and, given the weights, on the
 * hand-written decoder the AudioWorklet runs.
 */
import { DecoderSession, decodeAll } from '../../nodes/ddsp/decoder';
import { DdspStreamGenerator, type DdspMessage, type FrameDecoder, type LiveDdspParams } from '../../nodes/ddsp/live/ddspGenerator';
import type { DecoderWeights } from '../../nodes/ddsp/live/decoderWeights';
import { GruDecoder } from '../../nodes/ddsp/live/gruDecoder';
import { notesToFeatures } from '../../nodes/ddsp/notesToFeatures';
import { ddspSynth } from '../../src/dsp/ddspSynth';
import type { NoteSequence } from '../../src/engine/values';
import type { LoadedModel } from '../../src/ml/service';

/** Median wall-clock ms of one stage, and its CPU ms where the host can say (Node; NaN in a page). */
export interface StageTime {
  wall: number;
  cpu: number;
}

/** Median times of each stage for `seconds` of audio. */
export interface PipelineTiming {
  seconds: number;
  frames: number;
  /** Decoder over the clip in one-second chunks. */
  decoder: StageTime;
  /** The live stream generator (a decoder call per 4 ms frame + StreamSynth) making 48 kHz audio in 128-sample blocks. */
  liveStream48: StageTime;
  /** The same with the AudioWorklet's hand-written decoder (NaN when not timed). */
  workletStream48: StageTime;
  synth16: StageTime;
  synth48: StageTime;
}

/** How the bench melody is performed. */
const PERFORMANCE = { glide: 0.03, vibratoRate: 5, vibratoDepth: 15, vibratoFadeIn: 0.2, attack: 0.03, release: 0.1, loudness: -16, dynamics: 12, legato: false };

/** Plays `tune` through the live generator on `decoder` for `seconds` at `rate`, sending each note when its block starts. */
async function streamLive(decoder: () => FrameDecoder, tune: NoteSequence, seconds: number, rate: number): Promise<void> {
  const params: LiveDdspParams = { ...PERFORMANCE, instrument: 'sax', pitchShift: 0, loudnessShift: 0, gate: -50 };
  const gen = new DdspStreamGenerator(rate, 1, params, async () => decoder());
  await new Promise((r) => setTimeout(r, 0));
  const secondsPerBeat = 60 / tune.tempo;
  const on = (pitch: number, velocity: number): DdspMessage => ({ type: 'on', pitch, velocity });
  const off = (pitch: number): DdspMessage => ({ type: 'off', pitch });
  const events = tune.notes.flatMap((n) => [
    { time: n.start * secondsPerBeat, message: on(n.pitch, n.velocity) },
    { time: (n.start + n.duration) * secondsPerBeat, message: off(n.pitch) },
  ]).sort((a, b) => a.time - b.time);
  const block = [new Float32Array(128)];
  for (let at = 0, next = 0; at < seconds * rate; at += 128) {
    while (next < events.length && events[next].time <= at / rate) gen.control(events[next++].message);
    await gen.generate(block, 128);
  }
}

/** A looping scale melody lasting `seconds` at 120 BPM, eighth notes with varied velocity. */
function melody(seconds: number): NoteSequence {
  const count = Math.ceil(seconds * 4);
  const steps = [0, 2, 4, 5, 7, 9, 11, 12, 11, 9, 7, 5, 4, 2];
  const notes = Array.from({ length: count }, (_, i) => ({ pitch: 62 + steps[i % steps.length], velocity: 0.6 + 0.4 * ((i * 7) % 5) / 4, start: i / 2, duration: 0.45 }));
  return { notes, tempo: 120, timeSignature: { numerator: 4, denominator: 4 }, length: count / 2 };
}

/** CPU ms used by this process so far (user + system), or NaN where the host does not say. */
function cpuMs(): number {
  return typeof process !== 'undefined' && typeof process.cpuUsage === 'function'
    ? (({ user, system }) => (user + system) / 1000)(process.cpuUsage()) : NaN;
}

/** Runs `fn` once to warm up, then `reps` times; the median wall and CPU ms. */
async function median(reps: number, fn: () => Promise<unknown> | unknown): Promise<StageTime> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < reps; i++) {
    const [t0, c0] = [performance.now(), cpuMs()];
    await fn();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(reps / 2)];
  return { wall: mid(wall), cpu: mid(cpu) };
}

/**
 * Times each stage `reps` times (after one warm-up run) and returns the medians; `weights` (the
 * same model's, read for the worklet) adds the live generator on the hand-written decoder.
 * @example
 * const t = await timePipeline(model, 10, 3); // t.decoder.wall, t.synth16.cpu …
 */
export async function timePipeline(model: LoadedModel, seconds: number, reps: number, weights?: DecoderWeights): Promise<PipelineTiming> {
  const tune = melody(seconds);
  const { f0, loudness } = notesToFeatures(tune, { ...PERFORMANCE, tail: 0 });
  const frames = f0.length;
  const decoded = await decodeAll(model, f0, loudness);
  const controls = { frameRate: 250, f0, ...decoded };
  const decoder = await median(reps, () => decodeAll(model, f0, loudness));
  const liveStream48 = await median(reps, () => streamLive(() => new DecoderSession(model), tune, frames / 250, 48000));
  const workletStream48 = weights
    ? await median(reps, () => streamLive(() => new GruDecoder(weights), tune, frames / 250, 48000))
    : { wall: NaN, cpu: NaN };
  const synth16 = await median(reps, () => ddspSynth(controls, { sampleRate: 16000, seed: 1 }));
  const synth48 = await median(reps, () => ddspSynth(controls, { sampleRate: 48000, seed: 1 }));
  return { seconds: frames / 250, frames, decoder, liveStream48, workletStream48, synth16, synth48 };
}
