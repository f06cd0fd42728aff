/** A small registry and patch for the editor-state tests: a source, a transform and a sink. */
import { defineNode } from '../../src/engine/node';
import { NodeRegistry } from '../../src/engine/registry';
import { createPatch } from '../../src/engine/patch';
import type { Patch } from '../../src/engine/patch/types';

const seq = { notes: [{ pitch: 60, velocity: 0.8, start: 0, duration: 1 }], tempo: 120, timeSignature: { numerator: 4, denominator: 4 }, length: 4 };

/** A registry with test.source (notes out), test.shift (notes → notes, int param) and test.clip (audio out). */
export function testRegistry(): NodeRegistry {
  return new NodeRegistry([
    defineNode({ type: 'test.source', title: 'Source', category: 'test', doc: 'One note.', outputs: { notes: { type: 'notes' } }, run: () => ({ outputs: { notes: seq } }) }),
    defineNode({
      type: 'test.shift', title: 'Shift', category: 'test', doc: 'Shifts pitches.',
      inputs: { notes: { type: 'notes' } }, outputs: { notes: { type: 'notes' } },
      params: { by: { kind: 'int', default: 0, min: -12, max: 12 } },
      run: ({ notes }, { by }) => ({ outputs: { notes: { ...notes, notes: notes.notes.map((n) => ({ ...n, pitch: n.pitch + by })) } } }),
    }),
    defineNode({
      type: 'test.clip', title: 'Clip', category: 'test', doc: 'Silence.', outputs: { audio: { type: 'audio' } },
      run: () => ({ outputs: { audio: { sampleRate: 8000, channels: [new Float32Array(8)] as Float32Array[] } } }),
    }),
  ]);
}

/** source n1 → shift n2, plus a clip n3. */
export function testPatch(): Patch {
  const p = createPatch({ title: 'test' });
  p.nodes.push(
    { id: 'n1', type: 'test.source', version: 1, position: { x: 0, y: 0 }, params: {} },
    { id: 'n2', type: 'test.shift', version: 1, position: { x: 200, y: 0 }, params: { by: 0 } },
    { id: 'n3', type: 'test.clip', version: 1, position: { x: 0, y: 200 }, params: {} },
  );
  p.edges.push({ id: 'e1', from: { node: 'n1', port: 'notes' }, to: { node: 'n2', port: 'notes' } });
  return p;
}
