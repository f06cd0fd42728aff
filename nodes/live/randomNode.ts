/** `live.random`: sample-and-hold — a new seeded random value (or a sample of its input) every cycle. */
import { defineNode } from '../../src/engine/node';
import { SampleHold } from '../../src/dsp/control';
import type { ValuesOf } from '../audio/instrumentRender';
import { CycleClock, mapTravel, rangeParams, rateParams } from './controlRange';

const params = {
  ...rateParams,
  ...rangeParams,
  glide: { kind: 'float', default: 0, min: 0, max: 10, step: 0.01, unit: 's', doc: 'Time to slide to each new value (0 = step).' },
  seed: { kind: 'seed', default: 1, doc: 'Seed of the random values: the same seed gives the same sequence.' },
} as const;

type Values = ValuesOf<typeof params>;

/** The output for a held value: a sampled input passes as it is, a random draw in [−1, 1) is mapped onto the range. */
const outputOf = (held: number, p: Values, sampled: boolean): number => (sampled ? held : mapTravel((held + 1) / 2, p));

/** Random steps in time with the music. */
export const randomNode = defineNode({
  type: 'live.random',
  title: 'Random (sample & hold)',
  category: 'live',
  doc: 'Sample-and-hold, the circuit behind the "random" setting of analog synths (Buchla, ARP 2600): once per cycle it takes a new value and holds it until the next. With nothing connected the value is drawn from the node\'s seed, so the same seed always gives the same sequence, and mapped onto min…max; with a number connected it samples that number instead. Synced cycles fall on the beat. Glide slides between values instead of stepping. Rendered, it gives its first value.',
  inputs: { input: { type: 'number', optional: true, doc: 'A control to sample; leave unconnected for seeded random values.' } },
  outputs: { value: { type: 'number', doc: 'The held value.' } },
  params,
  run: ({ input }, p, ctx) => {
    const held = new SampleHold({ seed: ctx.seed }).next(input, 1);
    return { outputs: { value: outputOf(held, p, input !== undefined) } };
  },
  live: {
    create(ctx) {
      const clock = new CycleClock();
      const hold = new SampleHold({ seed: ctx.seed });
      let p: Values | null = null;
      let input: number | undefined;
      let cycle = Number.NaN;
      let out = Number.NaN;
      return {
        update(next, inputs) {
          p = next as Values;
          input = inputs.input as number | undefined;
        },
        tick(frame) {
          if (!p) return;
          const k = Math.floor(clock.advance(frame, p));
          const held = hold.next(input, k !== cycle ? 1 : 0);
          hold.next(input, 0);
          cycle = k;
          const target = outputOf(held, p, input !== undefined);
          out = Number.isNaN(out) || p.glide <= 0 ? target : target + (out - target) * Math.exp(-frame.dt / p.glide);
          return { value: out };
        },
      };
    },
  },
});
