/**
 * The services live instances reach through `ctx.services` (the live counterpart of
 * renderService.ts). Nodes never touch Web Audio or devices: the live host (src/audio/live) makes
 * audio endpoints and delivers played notes. Endpoints are opaque handles that the runtime wires
 * along the patch's audio edges.
 */
import type { LiveContext, LiveNoteEvent } from '../../src/engine/liveFace';
import type { Envelope, OscillatorKind } from '../audio/instrumentSpec';
import type { FilterSpec } from './biquad';

/** The key of the live audio service in `ctx.services`. */
export const LIVE_AUDIO_SERVICE = 'liveAudio';
/** The key of the note input service (on-screen keyboards, MIDI inputs) in `ctx.services`. */
export const NOTE_INPUT_SERVICE = 'noteInput';

/** What a live synth sounds like: oscillator, ADSR, a resonant low-pass and a level. */
export interface LiveSynthSpec {
  oscillator: OscillatorKind;
  envelope: Envelope;
  filter: FilterSpec;
  volumeDb: number;
}

/** A polyphonic synth voice bank playing into its `output` endpoint. */
export interface LiveSynth {
  output: unknown;
  /** Changes the sound; running notes glide to the new filter and level. */
  set(spec: LiveSynthSpec): void;
  noteOn(pitch: number, velocity: number, time: number): void;
  noteOff(pitch: number, time: number): void;
  /** Releases every held note at `time`. */
  allOff(time: number): void;
  dispose(): void;
}

/** A biquad filter between two endpoints. */
export interface LiveFilter {
  input: unknown;
  output: unknown;
  /** New settings, reached within `glideSeconds` (no zipper noise when driven at frame rate). */
  set(spec: FilterSpec, glideSeconds: number): void;
  dispose(): void;
}

/** A gain stage: every connection into `input` is summed, scaled and sent out of `output`. */
export interface LiveGain {
  input: unknown;
  output: unknown;
  /** New level in dB, reached within `glideSeconds`. */
  set(db: number, glideSeconds: number): void;
  dispose(): void;
}

/** A listening point: the most recent samples of whatever is connected to `input` (mono). */
export interface LiveTap {
  input: unknown;
  sampleRate: number;
  /** The last `windowSeconds` of signal (a view that the next read may overwrite). */
  read(): Float32Array;
  dispose(): void;
}

/** A Worker generator to stream from (src/audio/stream): the host's worker `worker` runs `generator` with `options`. */
export interface LiveStreamSpec {
  worker: string;
  generator: string;
  options: Record<string, unknown>;
  /** Problems the stream reports after its start (a failing generator). */
  onError?(message: string): void;
}

/** Audio generated in a Worker and played by an AudioWorklet, at its `output` endpoint. */
export interface LiveStream {
  output: unknown;
  /** A control message for the generator, applied between blocks. */
  control(message: Readonly<Record<string, number | boolean | string>>): void;
  dispose(): void;
}

/** Where a microphone stands: opening, ready, or why there is no signal. */
export type LiveMicrophoneStatus = 'opening' | 'ready' | 'denied' | 'no-device' | 'unsupported' | 'error';

/** The performer's microphone at its `output` endpoint (silent until the device opens). */
export interface LiveMicrophone {
  output: unknown;
  /** The device's state; `message` says in words why there is no signal. */
  status(): { status: LiveMicrophoneStatus; message: string };
  /** New level in dB, reached within `glideSeconds`. */
  set(db: number, glideSeconds: number): void;
  /** Stops the device (its light goes off) and disconnects the output. */
  dispose(): void;
}

/** Makes audio endpoints for live instances. */
export interface LiveAudio {
  sampleRate: number;
  /** The audio clock in seconds. */
  now(): number;
  synth(spec: LiveSynthSpec): LiveSynth;
  filter(spec: FilterSpec): LiveFilter;
  gain(db: number): LiveGain;
  tap(windowSeconds: number): LiveTap;
  /** A Worker-generated stream; hosts without Workers and AudioWorklets (offline rendering) leave it out. */
  stream?(spec: LiveStreamSpec): LiveStream;
  /** Opens the microphone at level `db`; hosts without capture devices (offline rendering) leave it out. */
  microphone?(db: number): LiveMicrophone;
}

/** Note events played by a performer: the on-screen keyboard of a node, or MIDI inputs. */
export interface NoteInput {
  /**
   * Listens for the notes meant for node `nodeId`: its own on-screen keyboard, and MIDI input on
   * `channel` (1–16, or 0 for every channel). Returns the unsubscribe function.
   */
  subscribe(nodeId: string, channel: number, listener: (event: LiveNoteEvent) => void): () => void;
}

function missing(ctx: LiveContext, key: string, what: string): Error {
  return new Error(`node ${ctx.nodeId}: this host has no ${what}: pass services.${key} (the live session of src/audio/live provides it)`);
}

/**
 * The host's live audio service, or a clear error naming the node.
 * @example
 * const synth = getLiveAudio(ctx).synth(spec);
 */
export function getLiveAudio(ctx: LiveContext): LiveAudio {
  const service = ctx.services[LIVE_AUDIO_SERVICE] as LiveAudio | undefined;
  if (!service || typeof service.synth !== 'function') throw missing(ctx, LIVE_AUDIO_SERVICE, 'live audio');
  return service;
}

/** The host's note input, or a clear error naming the node. */
export function getNoteInput(ctx: LiveContext): NoteInput {
  const service = ctx.services[NOTE_INPUT_SERVICE] as NoteInput | undefined;
  if (!service || typeof service.subscribe !== 'function') throw missing(ctx, NOTE_INPUT_SERVICE, 'note input');
  return service;
}
