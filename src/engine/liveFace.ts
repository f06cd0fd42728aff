/**
 * The live face of a node (DESIGN.md "Live mode"): besides its pure `run`, a node that performs
 * live gives `live.create(ctx)`, which makes an instance the live runtime keeps while the patch
 * plays. The runtime diffs the graph on every edit: it creates instances for new nodes, calls
 * `update` on changed ones (state kept) and disposes removed ones. Each frame (~60 Hz) it calls
 * `tick`, whose control outputs drive the params of downstream nodes. Pure and DOM-free: whatever
 * makes sound or reads devices reaches an instance through `ctx.services`, injected by the host.
 */
import type { Logger, NodeServices } from './node';
import type { Rng } from './rng';

/** A note starting or ending, at an audio-clock time (seconds) that may lie slightly in the future. */
export interface LiveNoteEvent {
  type: 'on' | 'off';
  /** MIDI pitch 0–127. */
  pitch: number;
  /** 0–1 (0 for note-offs). */
  velocity: number;
  /** Audio-clock seconds at which it sounds; events are delivered at or before this time. */
  time: number;
}

/** The clock as an instance sees it on one frame. */
export interface LiveFrame {
  /** Audio-clock seconds of this frame. */
  time: number;
  /** Seconds since the previous frame (0 on the first). */
  dt: number;
  /** Transport position in quarter-note beats (keeps counting while stopped at its last value). */
  beat: number;
  /** Transport tempo in BPM. */
  bpm: number;
  /** True while the transport runs. */
  playing: boolean;
}

/** What an instance may use besides its params and inputs. */
export interface LiveContext {
  nodeId: string;
  /** The node's effective seed (its seed param, else 0). */
  seed: number;
  /** A generator seeded from `seed`: a live instance's only source of randomness. */
  rng: Rng;
  log: Logger;
  /** What the live host provides (`liveAudio`, `noteInput` …; see nodes/live/liveServices.ts). */
  services: NodeServices;
  /** Sends a note event out of events output `port`, to connected instances and the recorder. */
  emit(port: string, event: LiveNoteEvent): void;
  /** Tells the performer that this instance cannot keep up (shown on the node and the transport). */
  report(problem: string): void;
  /** Tells the performer that something this instance needs failed (a model that will not load, a device refused). */
  fail(problem: string): void;
}

/**
 * A running instance. `update` is called once after `create` and again whenever the node's params
 * or non-streamed inputs change — including every frame in which a control output drives one of
 * its params — so it must be cheap and must keep the instance's state (phase, held notes, voices).
 */
export interface LiveInstance {
  /** New params (with driven values applied) and input values (notes, scales, control numbers…). */
  update(params: Record<string, unknown>, inputs: Record<string, unknown>): void;
  /** Called once per frame; returns control outputs by port name (numbers). */
  tick?(frame: LiveFrame): Record<string, number> | void;
  /** A note event arriving at events or notes input `port`. */
  noteEvent?(port: string, event: LiveNoteEvent): void;
  /**
   * Audio endpoints by port name, opaque handles made by the host's live audio service: the
   * runtime connects audio edges between them.
   */
  audio?: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };
  /** Releases whatever the instance holds (voices, subscriptions). */
  dispose?(): void;
}

/** The live face of a node definition: how to make a running instance of it. */
export interface LiveFace {
  create(ctx: LiveContext): LiveInstance;
}
