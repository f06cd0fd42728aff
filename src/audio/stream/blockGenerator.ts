/**
 * The contract of an audio-rate generator run in a Worker: given control messages, produce N frames
 * of float audio. A neural decoder (DDSP) implements it; so do the built-in test generators.
 */

/** A control value a generator understands: numbers, flags, names, or a frame of numbers (e.g. f0 and loudness). */
export type ControlValue = number | boolean | string | readonly number[];

/** A control change sent to a generator: named values, read by the generator as it likes. */
export type ControlMessage = Readonly<Record<string, ControlValue>>;

/** What a generator factory is told about the stream. */
export interface GeneratorSetup {
  sampleRate: number;
  channels: number;
  /** Frames asked of each `generate` call. */
  blockFrames: number;
  /** Options given to `createAudioStream` for this generator (JSON-like, structured-cloned). */
  options: Readonly<Record<string, unknown>>;
}

/**
 * A source of audio blocks. `generate` may be async (e.g. an ONNX session); the producer awaits it
 * before the next block, and applies control messages only between blocks.
 */
export interface BlockGenerator {
  /** Fills `out` (one array per channel, each at least `frames` long) with the next `frames` frames. */
  generate(out: Float32Array[], frames: number): void | Promise<void>;
  /** Applies a control change; it is heard from the next generated frame on. */
  control(message: ControlMessage): void;
}

/** Makes a generator for a stream. */
export type BlockGeneratorFactory = (setup: GeneratorSetup) => BlockGenerator | Promise<BlockGenerator>;

/** Reads a finite number control, or returns undefined when `message` does not set `name`. */
export function numberControl(message: ControlMessage, name: string): number | undefined {
  const v = message[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`control "${name}" must be a finite number, got ${JSON.stringify(v)}`);
  return v;
}
