/** `live.xy`: a two-dimensional pad, two control values from one gesture. */
import { defineNode } from '../../src/engine/node';
import type { ValuesOf } from '../audio/instrumentRender';
import { mapTravel } from './controlRange';

const params = {
  x: { kind: 'float', default: 0.5, min: 0, max: 1, step: 0.001, doc: 'Horizontal position, 0 (left) to 1 (right).' },
  y: { kind: 'float', default: 0.5, min: 0, max: 1, step: 0.001, doc: 'Vertical position, 0 (bottom) to 1 (top).' },
  xMin: { kind: 'float', default: 0, min: -20000, max: 20000, doc: 'Output x at the left edge.' },
  xMax: { kind: 'float', default: 1, min: -20000, max: 20000, doc: 'Output x at the right edge.' },
  yMin: { kind: 'float', default: 0, min: -20000, max: 20000, doc: 'Output y at the bottom edge.' },
  yMax: { kind: 'float', default: 1, min: -20000, max: 20000, doc: 'Output y at the top edge.' },
  curve: { kind: 'enum', options: ['linear', 'exponential'], default: 'linear', doc: 'Mapping of both axes (exponential needs ranges above 0).' },
} as const;

type Values = ValuesOf<typeof params>;

const outputsOf = (p: Values) => ({
  x: mapTravel(p.x, { min: p.xMin, max: p.xMax, curve: p.curve }),
  y: mapTravel(p.y, { min: p.yMin, max: p.yMax, curve: p.curve }),
});

/** An XY pad: one finger moves two params at once. */
export const xyPadNode = defineNode({
  type: 'live.xy',
  title: 'XY pad',
  category: 'live',
  doc: 'A square pad drawn on the node: dragging a point moves two controls at once, as on the Korg Kaoss Pad or in latent-space explorers, where one gesture travels a plane of sounds. The horizontal and vertical positions are mapped onto their own ranges and sent out as x and y. In live mode live nodes follow within a frame; rendered, it gives the saved position.',
  outputs: { x: { type: 'number', doc: 'The mapped horizontal position.' }, y: { type: 'number', doc: 'The mapped vertical position.' } },
  params,
  run: (_inputs, p) => ({ outputs: outputsOf(p as Values) }),
  live: {
    create() {
      let out = { x: 0, y: 0 };
      return {
        update(p) { out = outputsOf(p as Values); },
        tick: () => out,
      };
    },
  },
});
