/** Patches the specs open directly (through share links), built with the engine's own patch API. */
import { createPatch, encodeShareLink } from '../../../src/engine/patch';
import type { Patch } from '../../../src/engine/patch/types';

/** Note clip → Transpose → Poly synth → Audio output: renders in a moment. */
export function melodyPatch(): Patch {
  const p = createPatch({ title: 'e2e melody', description: 'A typed motif, transposed, on a poly synth.' });
  const node = (id: string, type: string, x: number, params: Record<string, unknown> = {}) =>
    p.nodes.push({ id, type, version: 1, position: { x, y: 100 }, params });
  node('n1', 'notes.clip', 0, { text: 'C4/8 E4 G4 C5 G4 E4 C4/4' });
  node('n2', 'notes.transpose', 260, { semitones: 0 });
  node('n3', 'instrument.poly', 520);
  node('n4', 'audio.output', 780);
  const edge = (id: string, a: string, ap: string, b: string, bp: string) => p.edges.push({ id, from: { node: a, port: ap }, to: { node: b, port: bp } });
  edge('e1', 'n1', 'notes', 'n2', 'notes');
  edge('e2', 'n2', 'notes', 'n3', 'notes');
  edge('e3', 'n3', 'audio', 'n4', 'audio');
  return p;
}

/** Number of nodes in melodyPatch. */
export const MELODY_NODES = 4;

/** The app path that opens `patch` through a share link. */
export function sharePath(patch: Patch): string {
  return `#${encodeShareLink(patch)}`;
}
