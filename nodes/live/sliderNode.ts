/** `live.slider`: a slider or knob whose position is a control value, live or rendered. */
import { defineNode } from '../../src/engine/node';
import type { ValuesOf } from '../audio/instrumentRender';
import { mapTravel, rangeParams } from './controlRange';

const params = {
  value: { kind: 'float', default: 0.5, min: 0, max: 1, step: 0.001, doc: 'Position of the control, 0 (bottom) to 1 (top).' },
  ...rangeParams,
  look: { kind: 'enum', options: ['slider', 'knob'], default: 'slider', doc: 'Drawn on the node as a slider or a knob.' },
} as const;

/** A hand-moved control: its position mapped onto a range. */
export const sliderNode = defineNode({
  type: 'live.slider',
  title: 'Slider',
  category: 'live',
  doc: 'A fader or knob you move by hand, drawn on the node: its position (0–1) is mapped onto min…max, linearly or exponentially (even steps per octave, for frequencies), and sent out as a number. Wire it into any param exposed as an input. In live mode the value reaches live nodes within a frame; a render-only node downstream re-renders and its new clip comes in at the next bar. Rendered, it gives the value at its saved position, so the patch sounds the same from the command line.',
  outputs: { value: { type: 'number', doc: 'The mapped position.' } },
  params,
  run: (_inputs, p) => ({ outputs: { value: mapTravel(p.value, p) } }),
  live: {
    create() {
      let value = 0;
      return {
        update(p) { value = mapTravel((p as ValuesOf<typeof params>).value, p as ValuesOf<typeof params>); },
        tick: () => ({ value }),
      };
    },
  },
});
