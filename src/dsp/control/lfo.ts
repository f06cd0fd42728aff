/** A low-frequency oscillator for control signals: classic shapes, seeded random steps, free or tempo-synced rate. */
import { createRng, type Rng } from '../../engine/rng';

/** Waveforms of an LFO, all bipolar in [−1, 1]. `random` holds a seeded value per cycle; `smooth-random` glides between them. */
export type LfoShape = 'sine' | 'triangle' | 'saw' | 'square' | 'random' | 'smooth-random';

/** An LFO's rate: cycles per second, or one cycle every `beats` beats at `bpm`. */
export type LfoRate = { hz: number } | { beats: number; bpm: number };

/** Options of `new Lfo`. */
export interface LfoOptions {
  shape: LfoShape;
  rate: LfoRate;
  /** Ticks per second: the audio rate when `next()` runs per sample, or a control rate (e.g. one tick per 128-frame block). */
  sampleRate: number;
  /** Starting phase in cycles, [0, 1). */
  phase?: number;
  /** Seed of the random shapes. */
  seed?: number | string;
}

/** Cycles per second of a rate. */
export function lfoFrequency(rate: LfoRate): number {
  const hz = 'hz' in rate ? rate.hz : rate.bpm / 60 / rate.beats;
  if (!Number.isFinite(hz) || hz < 0) throw new Error(`LFO rate must be a finite non-negative frequency, got ${JSON.stringify(rate)}`);
  return hz;
}

/** The value of a periodic shape at `phase` (cycles, [0, 1)). */
export function periodicShape(shape: Exclude<LfoShape, 'random' | 'smooth-random'>, phase: number): number {
  switch (shape) {
    case 'sine': return Math.sin(2 * Math.PI * phase);
    case 'triangle': return 1 - 4 * Math.abs(phase - 0.5);
    case 'saw': return 2 * phase - 1;
    case 'square': return phase < 0.5 ? 1 : -1;
  }
}

/**
 * A phase-accumulating LFO: changing the rate or tempo changes the speed from the current phase on,
 * so the output never jumps.
 * @example
 * const lfo = new Lfo({ shape: 'sine', rate: { beats: 1, bpm: 120 }, sampleRate: 375 });
 * const v = lfo.next(); // 0 at phase 0, then ticks at 2 Hz
 */
export class Lfo {
  /** Current phase in cycles, [0, 1). */
  phase: number;
  private shape: LfoShape;
  private step: number;
  private rate: LfoRate;
  private readonly sampleRate: number;
  private readonly rng: Rng;
  private current: number;
  private following: number;

  constructor(options: LfoOptions) {
    if (!(options.sampleRate > 0)) throw new Error(`Lfo: sampleRate must be positive, got ${options.sampleRate}`);
    this.sampleRate = options.sampleRate;
    this.shape = options.shape;
    this.rate = options.rate;
    this.step = lfoFrequency(options.rate) / options.sampleRate;
    this.phase = wrap(options.phase ?? 0);
    this.rng = createRng(options.seed ?? 0);
    this.current = this.draw();
    this.following = this.draw();
  }

  /** Changes the rate from the current phase on. */
  setRate(rate: LfoRate): void {
    this.step = lfoFrequency(rate) / this.sampleRate;
    this.rate = rate;
  }

  /** Changes the tempo of a tempo-synced rate (a free rate in Hz is left alone). */
  setTempo(bpm: number): void {
    if ('beats' in this.rate) this.setRate({ beats: this.rate.beats, bpm });
  }

  /** Changes the shape; the phase carries on. */
  setShape(shape: LfoShape): void {
    this.shape = shape;
  }

  /** The value at the current phase, without advancing. */
  value(): number {
    if (this.shape === 'random') return this.current;
    if (this.shape === 'smooth-random') {
      const t = 0.5 - 0.5 * Math.cos(Math.PI * this.phase);
      return this.current + (this.following - this.current) * t;
    }
    return periodicShape(this.shape, this.phase);
  }

  /** The value at the current phase, then advances one tick. */
  next(): number {
    const v = this.value();
    let p = this.phase + this.step;
    while (p >= 1) {
      p -= 1;
      this.current = this.following;
      this.following = this.draw();
    }
    this.phase = p;
    return v;
  }

  /** Fills `out` with successive values. */
  fill(out: Float32Array): Float32Array {
    for (let i = 0; i < out.length; i++) out[i] = this.next();
    return out;
  }

  private draw(): number {
    return this.rng.range(-1, 1);
  }
}

const wrap = (p: number): number => p - Math.floor(p);
