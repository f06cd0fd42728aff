/** The `notes.velocity` node: scales, curves or sets note velocities. */
import { defineNode } from '../../src/engine/node';
import type { NoteSequence } from '../../src/engine/values';

/** How `shapeVelocities` changes velocities. */
export type VelocityMode = 'scale' | 'curve' | 'set';

/** Parameters of `shapeVelocities`; each mode reads its own. */
export interface VelocityShape {
  mode: VelocityMode;
  /** 'scale': multiply by this. */
  factor: number;
  /** 'curve': raise to this power (below 1 lifts soft notes, above 1 deepens contrast). */
  exponent: number;
  /** 'set': every velocity becomes this. */
  value: number;
}

/**
 * Maps every velocity by the shape, clamped to 1/127–1 so no note turns into silence.
 * @example
 * shapeVelocities(seq, { mode: 'curve', factor: 1, exponent: 0.5, value: 0.8 });
 */
export function shapeVelocities(seq: NoteSequence, shape: VelocityShape): NoteSequence {
  const map = (v: number): number =>
    shape.mode === 'scale' ? v * shape.factor : shape.mode === 'curve' ? v ** shape.exponent : shape.value;
  return { ...seq, notes: seq.notes.map((n) => ({ ...n, velocity: Math.max(1 / 127, Math.min(1, map(n.velocity))) })) };
}

/** Changes note velocities. */
export const velocityNode = defineNode({
  type: 'notes.velocity',
  title: 'Velocity',
  category: 'transform',
  doc: 'Changes how hard notes are played: "scale" multiplies every velocity (a fader on the '
    + 'dynamics), "curve" raises it to a power — the velocity curve of a MIDI keyboard, where an '
    + 'exponent below 1 lifts soft notes and above 1 widens the gap between soft and loud — and "set" '
    + 'gives every note the same velocity, flattening the dynamics of a played part to hear its notes '
    + 'alone. Results stay between 1/127 and 1, so no note becomes silent.',
  inputs: { notes: { type: 'notes' } },
  outputs: { notes: { type: 'notes' } },
  params: {
    mode: { kind: 'enum', options: ['scale', 'curve', 'set'], default: 'scale', doc: 'How velocities change.' },
    factor: { kind: 'float', default: 1, min: 0, max: 4, step: 0.05, doc: 'Multiplier (mode "scale").' },
    exponent: { kind: 'float', default: 1, min: 0.25, max: 4, step: 0.05, doc: 'Curve exponent (mode "curve").' },
    value: { kind: 'float', default: 0.8, min: 0, max: 1, step: 0.01, doc: 'Velocity of every note (mode "set").' },
  },
  run: ({ notes }, { mode, factor, exponent, value }) => ({
    outputs: { notes: shapeVelocities(notes, { mode, factor, exponent, value }) },
    previews: [{ kind: 'pianoroll', title: `Velocity ${mode}`, port: 'notes' }],
  }),
});
