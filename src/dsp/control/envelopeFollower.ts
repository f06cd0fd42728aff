/** Envelope follower: the level of a signal, tracked by one-pole attack/release smoothing of its rectified value or its power. */
import { onePoleCoefficient } from './onePole';

/** `peak` follows |x|; `rms` follows x² and returns its square root. */
export type FollowerMode = 'peak' | 'rms';

/** Options of `new EnvelopeFollower`. */
export interface EnvelopeFollowerOptions {
  sampleRate: number;
  /** Time constant while the level rises, in ms. */
  attackMs: number;
  /** Time constant while the level falls, in ms. */
  releaseMs: number;
  mode?: FollowerMode;
}

/**
 * Tracks a signal's level sample by sample.
 * @example
 * const f = new EnvelopeFollower({ sampleRate: 48000, attackMs: 5, releaseMs: 100, mode: 'rms' });
 * const level = f.process(micBlock)[micBlock.length - 1];
 */
export class EnvelopeFollower {
  private readonly attack: number;
  private readonly release: number;
  private readonly rms: boolean;
  private state = 0;

  constructor(options: EnvelopeFollowerOptions) {
    this.attack = onePoleCoefficient(options.attackMs / 1000, options.sampleRate);
    this.release = onePoleCoefficient(options.releaseMs / 1000, options.sampleRate);
    this.rms = options.mode === 'rms';
  }

  /** Feeds one sample; returns the level after it. */
  next(x: number): number {
    const r = this.rms ? x * x : Math.abs(x);
    const a = r > this.state ? this.attack : this.release;
    this.state = r + a * (this.state - r);
    return this.level();
  }

  /** Feeds a block; writes the level after each sample into `out` (a new array by default). */
  process(input: Float32Array, out = new Float32Array(input.length)): Float32Array {
    for (let i = 0; i < input.length; i++) out[i] = this.next(input[i]);
    return out;
  }

  /** The current level (amplitude units in both modes). */
  level(): number {
    return this.rms ? Math.sqrt(this.state) : this.state;
  }
}
