/** A small node registry for the patch-format tests, independent of the real node families. */
import { defineNode } from '../../../src/engine/node';
import { NodeRegistry } from '../../../src/engine/registry';
import type { AudioClip } from '../../../src/engine/values';

const silence: AudioClip = { sampleRate: 8000, channels: [new Float32Array(1)] };
const emptyNotes = { notes: [], tempo: 120, timeSignature: { numerator: 4, denominator: 4 }, length: 0 };

/** A notes source with every param kind. */
export const melody = defineNode({
  type: 'test.melody', title: 'Melody', category: 'test', doc: 'Test source of notes.',
  outputs: { notes: { type: 'notes' } },
  params: {
    length: { kind: 'int', default: 8, min: 1, max: 64 },
    density: { kind: 'float', default: 0.5, min: 0, max: 1 },
    scale: { kind: 'enum', options: ['major', 'minor'], default: 'major' },
    legato: { kind: 'bool', default: false },
    text: { kind: 'text', default: '' },
    seed: { kind: 'seed', default: 1 },
    file: { kind: 'asset', accept: ['.mid', '.midi'], default: null },
  },
  run: () => ({ outputs: { notes: emptyNotes } }),
});

/** Version 2 renamed the v1 param `shift` to `semitones`. */
export const transpose = defineNode({
  type: 'test.transpose', version: 2, title: 'Transpose', category: 'test', doc: 'Test transform.',
  inputs: { notes: { type: 'notes' } },
  outputs: { notes: { type: 'notes' } },
  params: { semitones: { kind: 'int', default: 0, min: -48, max: 48 } },
  run: ({ notes }) => ({ outputs: { notes } }),
  migrate: (params, from) => {
    if (from !== 1) throw new Error(`cannot migrate from version ${from}`);
    const { shift, ...rest } = params;
    return { ...rest, semitones: shift };
  },
});

/** A node with a multiple input. */
export const merge = defineNode({
  type: 'test.merge', title: 'Merge', category: 'test', doc: 'Test merge.',
  inputs: { parts: { type: 'notes', multiple: true } },
  outputs: { notes: { type: 'notes' } },
  run: () => ({ outputs: { notes: emptyNotes } }),
});

/** Notes to audio, with a gain param that can be exposed as a number input. */
export const synth = defineNode({
  type: 'test.synth', title: 'Synth', category: 'test', doc: 'Test synth.',
  inputs: { notes: { type: 'notes' } },
  outputs: { audio: { type: 'audio' } },
  params: { gain: { kind: 'float', default: 0.8, min: 0, max: 1 } },
  run: () => ({ outputs: { audio: silence } }),
});

/** A number control. */
export const knob = defineNode({
  type: 'test.knob', title: 'Knob', category: 'test', doc: 'Test control.',
  outputs: { value: { type: 'number' } },
  params: { value: { kind: 'float', default: 0.5 } },
  run: (_inputs, { value }) => ({ outputs: { value } }),
});

/** An audio sink. */
export const speaker = defineNode({
  type: 'test.speaker', title: 'Speaker', category: 'test', doc: 'Test sink.', sink: true,
  inputs: { audio: { type: 'audio' } },
  run: () => ({ outputs: {} }),
});

/** A fresh registry of the test nodes. */
export function testRegistry(): NodeRegistry {
  return new NodeRegistry([melody, transpose, merge, synth, knob, speaker]);
}
