/** One-pole slew for parameter changes: a new target is approached exponentially, so a jump in a control never clicks. */
import { onePoleCoefficient } from './onePole';

/**
 * Glides towards a target with time constant `timeMs` (63 % of the way after `timeMs`).
 * @example
 * const gain = new Smoother({ sampleRate: 48000, timeMs: 20, initial: 0 });
 * gain.setTarget(1);
 * for (let i = 0; i < block.length; i++) block[i] *= gain.next();
 */
export class Smoother {
  private readonly a: number;
  private current: number;
  private goal: number;

  constructor(options: { sampleRate: number; timeMs: number; initial?: number }) {
    this.a = onePoleCoefficient(options.timeMs / 1000, options.sampleRate);
    this.current = options.initial ?? 0;
    this.goal = this.current;
  }

  /** Sets the value to glide to. */
  setTarget(target: number): void {
    if (!Number.isFinite(target)) throw new Error(`Smoother.setTarget: target must be finite, got ${target}`);
    this.goal = target;
  }

  /** Jumps to `value` at once (target and current). */
  reset(value: number): void {
    this.current = value;
    this.goal = value;
  }

  /** Advances one tick; returns the new value. */
  next(): number {
    this.current = this.goal + this.a * (this.current - this.goal);
    return this.current;
  }

  /** Fills `out` with successive values. */
  fill(out: Float32Array): Float32Array {
    for (let i = 0; i < out.length; i++) out[i] = this.next();
    return out;
  }

  /** The current value. */
  value(): number {
    return this.current;
  }
}
