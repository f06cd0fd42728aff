/**
 * The live audio service over Web Audio (nodes/live/liveServices.ts `LiveAudio`): polyphonic synth
 * voice banks, biquad filters and listening taps, made of native nodes on one (Offline)AudioContext,
 * so the same code plays in the page and renders offline in Node on node-web-audio-api.
 */
import { dbToGain } from '../../../nodes/audio/clipOps';
import { webAudioQ, type FilterSpec } from '../../../nodes/live/biquad';
import type { LiveAudio, LiveFilter, LiveGain, LiveStreamSpec, LiveSynth, LiveSynthSpec, LiveTap } from '../../../nodes/live/liveServices';
import type { MicrophoneOptions } from '../inputs/microphone';
import { canCapture, createLiveMicrophone } from './liveMicrophone';
import { canStream, createLiveStream, type StreamPlacement, type StreamWatch } from './liveStreams';
import { midiToFrequency } from '../noteEvents';

/** Seconds over which a changed synth level or filter setting glides. */
const SET_GLIDE = 0.015;

interface Voice {
  pitch: number;
  osc: OscillatorNode;
  env: GainNode;
  start: number;
  released: boolean;
}

/** Applies a filter setting to a BiquadFilterNode, gliding over `glide` seconds from `now`. */
function setFilter(node: BiquadFilterNode, spec: FilterSpec, now: number, glide: number): void {
  if (node.type !== spec.type) node.type = spec.type;
  const nyquist = node.context.sampleRate / 2;
  const f = Math.min(nyquist * 0.999, Math.max(10, spec.frequency));
  if (glide > 0) {
    node.frequency.setTargetAtTime(f, now, glide / 3);
    node.Q.setTargetAtTime(webAudioQ(spec), now, glide / 3);
  } else {
    node.frequency.setValueAtTime(f, now);
    node.Q.setValueAtTime(webAudioQ(spec), now);
  }
}

/** A voice bank: oscillator × ADSR per note, one shared filter and level. */
function createSynth(ctx: BaseAudioContext, initial: LiveSynthSpec, now: () => number): LiveSynth {
  let spec = initial;
  const filter = ctx.createBiquadFilter();
  const level = ctx.createGain();
  filter.connect(level);
  setFilter(filter, spec.filter, now(), 0);
  level.gain.value = dbToGain(spec.volumeDb);
  let voices: Voice[] = [];

  const release = (v: Voice, time: number): void => {
    const t = Math.max(time, ctx.currentTime);
    v.released = true;
    if (v.start > t) {
      v.osc.stop();
      v.env.disconnect();
      return;
    }
    const r = Math.max(0.005, spec.envelope.release);
    v.env.gain.cancelScheduledValues(t);
    v.env.gain.setTargetAtTime(0, t, r / 4);
    v.osc.stop(t + r * 2 + 0.05);
  };

  return {
    output: level,
    set(next) {
      const t = now();
      spec = next;
      setFilter(filter, spec.filter, t, SET_GLIDE);
      level.gain.setTargetAtTime(dbToGain(spec.volumeDb), t, SET_GLIDE / 3);
      for (const v of voices) if (v.osc.type !== spec.oscillator) v.osc.type = spec.oscillator;
    },
    noteOn(pitch, velocity, time) {
      const t = Math.max(time, ctx.currentTime);
      const { attack, decay, sustain } = spec.envelope;
      const osc = ctx.createOscillator();
      osc.type = spec.oscillator;
      osc.frequency.value = midiToFrequency(pitch);
      const env = ctx.createGain();
      env.gain.setValueAtTime(0, t);
      env.gain.linearRampToValueAtTime(velocity, t + Math.max(0.002, attack));
      env.gain.setTargetAtTime(velocity * sustain, t + Math.max(0.002, attack), Math.max(0.001, decay / 4));
      osc.connect(env).connect(filter);
      osc.start(t);
      const voice: Voice = { pitch, osc, env, start: t, released: false };
      osc.onended = () => {
        env.disconnect();
        voices = voices.filter((v) => v !== voice);
      };
      voices.push(voice);
    },
    noteOff(pitch, time) {
      const v = voices.find((x) => x.pitch === pitch && !x.released && x.start <= Math.max(time, ctx.currentTime) + 1e-6)
        ?? voices.find((x) => x.pitch === pitch && !x.released);
      if (v) release(v, time);
    },
    allOff(time) {
      for (const v of voices) if (!v.released) release(v, time);
    },
    dispose() {
      for (const v of voices) { try { v.osc.stop(); } catch { /* not started */ } v.env.disconnect(); }
      voices = [];
      filter.disconnect();
      level.disconnect();
    },
  };
}

function createFilter(ctx: BaseAudioContext, initial: FilterSpec, now: () => number): LiveFilter {
  const node = ctx.createBiquadFilter();
  setFilter(node, initial, now(), 0);
  return {
    input: node,
    output: node,
    set: (spec, glide) => setFilter(node, spec, now(), glide),
    dispose: () => node.disconnect(),
  };
}

function createGain(ctx: BaseAudioContext, db: number, now: () => number): LiveGain {
  const node = ctx.createGain();
  node.gain.value = dbToGain(db);
  return {
    input: node,
    output: node,
    set: (level, glide) => node.gain.setTargetAtTime(dbToGain(level), now(), Math.max(0.001, glide / 3)),
    dispose: () => node.disconnect(),
  };
}

function createTap(ctx: BaseAudioContext, windowSeconds: number): LiveTap {
  const analyser = ctx.createAnalyser();
  const wanted = Math.max(32, Math.min(32768, windowSeconds * ctx.sampleRate));
  analyser.fftSize = 2 ** Math.ceil(Math.log2(wanted));
  const buffer = new Float32Array(analyser.fftSize);
  return {
    input: analyser,
    sampleRate: ctx.sampleRate,
    read() {
      analyser.getFloatTimeDomainData(buffer);
      return buffer;
    },
    dispose: () => analyser.disconnect(),
  };
}

/**
 * The live audio service of a context; `microphone` picks the capture device (tests inject getUserMedia);
 * `watch` hears how its streams run; `placement` says where generators that can run on the audio thread run.
 * @example
 * const services = { liveAudio: createWebAudioLive(audioContext) };
 */
export function createWebAudioLive(ctx: BaseAudioContext, now: () => number = () => ctx.currentTime, microphone: MicrophoneOptions = {}, watch?: StreamWatch, placement?: StreamPlacement): LiveAudio {
  return {
    sampleRate: ctx.sampleRate,
    now,
    synth: (spec) => createSynth(ctx, spec, now),
    filter: (spec) => createFilter(ctx, spec, now),
    gain: (db) => createGain(ctx, db, now),
    tap: (seconds) => createTap(ctx, seconds),
    ...(canStream(ctx) ? { stream: (spec: LiveStreamSpec) => createLiveStream(ctx, spec, watch, placement) } : {}),
    ...(canCapture(ctx) ? { microphone: (db: number) => createLiveMicrophone(ctx, db, now, microphone) } : {}),
  };
}
