/**
 * What the control source nodes share: an output range (min, max, linear or exponential), a rate
 * free in Hz or synced to the beat, and a cycle clock that follows the transport while it plays.
 */
import type { LiveFrame } from '../../src/engine/liveFace';

/** Output range params: a control's 0–1 travel maps onto min…max. */
export const rangeParams = {
  min: { kind: 'float', default: 0, min: -20000, max: 20000, doc: 'Output at the bottom of the travel.' },
  max: { kind: 'float', default: 1, min: -20000, max: 20000, doc: 'Output at the top of the travel.' },
  curve: { kind: 'enum', options: ['linear', 'exponential'], default: 'linear', doc: 'Exponential spreads the travel evenly over octaves (frequencies); needs min and max above 0.' },
} as const;

/** Rate params: cycles per second, or one cycle every so many beats of the transport. */
export const rateParams = {
  sync: { kind: 'bool', default: true, doc: 'Lock the cycle to the transport\'s beat instead of a rate in Hz.' },
  beats: { kind: 'float', default: 4, min: 0.0625, max: 64, step: 0.0625, unit: 'beats', doc: 'Cycle length when synced (4 = one 4/4 bar).' },
  rate: { kind: 'float', default: 0.5, min: 0.01, max: 40, step: 0.01, unit: 'Hz', doc: 'Cycles per second when not synced.' },
} as const;

/** Range param values. */
export interface RangeValues { min: number; max: number; curve: string }
/** Rate param values. */
export interface RateValues { sync: boolean; beats: number; rate: number }

/**
 * Maps a 0–1 travel onto the range (clamped).
 * @example
 * mapTravel(0.5, { min: 100, max: 10000, curve: 'exponential' }); // 1000
 */
export function mapTravel(u: number, range: RangeValues): number {
  const t = Math.min(1, Math.max(0, u));
  if (range.curve === 'exponential' && range.min > 0 && range.max > 0) return range.min * (range.max / range.min) ** t;
  return range.min + (range.max - range.min) * t;
}

/** Cycles per second of a rate at `bpm`. */
export function cyclesPerSecond(rate: RateValues, bpm: number): number {
  return rate.sync ? bpm / 60 / rate.beats : rate.rate;
}

/**
 * A cycle position: synced cycles follow the transport's beat while it plays (so every synced
 * control agrees with the music), and otherwise advance with the frame time.
 */
export class CycleClock {
  /** Total cycles elapsed (integer part: cycle index, fraction: phase). */
  position = 0;

  /** Advances to `frame`; returns the position in cycles. */
  advance(frame: LiveFrame, rate: RateValues): number {
    if (rate.sync && frame.playing) this.position = frame.beat / rate.beats;
    else this.position += frame.dt * cyclesPerSecond(rate, frame.bpm);
    return this.position;
  }
}
