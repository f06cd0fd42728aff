/** `live.lfo`: a low-frequency oscillator, free in Hz or locked to the beat. */
import { defineNode, type Preview } from '../../src/engine/node';
import { createRng, hashString } from '../../src/engine/rng';
import { periodicShape } from '../../src/dsp/control';
import type { ValuesOf } from '../audio/instrumentRender';
import { CycleClock, mapTravel, rangeParams, rateParams } from './controlRange';

/** The LFO shapes offered. */
export const LFO_SHAPES = ['sine', 'triangle', 'saw', 'square', 'random', 'smooth-random'] as const;

const params = {
  shape: { kind: 'enum', options: LFO_SHAPES, default: 'sine', doc: 'Waveform: random holds a new seeded value each cycle, smooth-random glides between them.' },
  ...rateParams,
  phase: { kind: 'float', default: 0, min: 0, max: 1, step: 0.01, doc: 'Where in its cycle the LFO starts (0–1).' },
  ...rangeParams,
  seed: { kind: 'seed', default: 1, doc: 'Seed of the random shapes.' },
} as const;

type Values = ValuesOf<typeof params>;

/** A seeded value in [−1, 1) for cycle `k`: the same for every run and every frame rate. */
function cycleRandom(seed: number, k: number): number {
  return createRng(hashString(String(k), seed >>> 0)).range(-1, 1);
}

/**
 * The LFO's value in [−1, 1] at a cycle position (cycles since the start, phase offset included).
 * @example
 * lfoShapeAt('triangle', 0.25, 1); // 0
 */
export function lfoShapeAt(shape: string, position: number, seed: number): number {
  const k = Math.floor(position);
  const phase = position - k;
  switch (shape) {
    case 'random': return cycleRandom(seed, k);
    case 'smooth-random': {
      const t = 0.5 - 0.5 * Math.cos(Math.PI * phase);
      const a = cycleRandom(seed, k);
      return a + (cycleRandom(seed, k + 1) - a) * t;
    }
    default: return periodicShape(shape as 'sine' | 'triangle' | 'saw' | 'square', phase);
  }
}

const valueAt = (p: Values, position: number, seed: number): number =>
  mapTravel((lfoShapeAt(p.shape, position + p.phase, seed) + 1) / 2, p);

function cyclesPreview(p: Values, seed: number): Preview {
  const values = Array.from({ length: 129 }, (_, i) => valueAt(p, (2 * i) / 128, seed));
  return { kind: 'line', title: 'Two cycles', series: [{ name: p.shape, values }], xLabel: 'cycles', yLabel: 'value' };
}

/** A periodic control: sweeps, wobbles and tremolos. */
export const lfoNode = defineNode({
  type: 'live.lfo',
  title: 'LFO',
  category: 'live',
  doc: 'A low-frequency oscillator, the modulation source of every analog synthesizer since the Moog modular: a sine, triangle, saw or square wave, or a seeded random value held (or glided) for each cycle, mapped onto min…max. Synced, one cycle lasts a number of beats and follows the transport, so the sweep lands on the bar; free, it runs at a rate in Hz. Wire it into an exposed param of a live node (a filter cutoff, a synth level) and the param moves at frame rate while the patch plays. Rendered, it gives its value at the start of the piece (beat 0), so the patch renders the same from the command line.',
  outputs: { value: { type: 'number', doc: 'The current value, min…max.' } },
  params,
  run: (_inputs, p, ctx) => ({ outputs: { value: valueAt(p, 0, ctx.seed) }, previews: [cyclesPreview(p, ctx.seed)] }),
  live: {
    create(ctx) {
      const clock = new CycleClock();
      let p: Values | null = null;
      return {
        update(next) { p = next as Values; },
        tick(frame) {
          if (!p) return;
          return { value: valueAt(p, clock.advance(frame, p), ctx.seed) };
        },
      };
    },
  },
});
