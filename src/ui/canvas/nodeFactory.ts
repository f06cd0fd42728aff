/** Makes new patch nodes from node definitions: default params, a fresh id, a snapped position. */
import type { NodeDef } from '../../engine/node';
import type { Patch, PatchNode } from '../../engine/patch/types';
import { nextId } from '../state/actions';

/** Grid step of the canvas, in flow units. */
export const SNAP = 16;

/** Rounds a flow position to the canvas grid. */
export function snap(p: { x: number; y: number }): { x: number; y: number } {
  return { x: Math.round(p.x / SNAP) * SNAP, y: Math.round(p.y / SNAP) * SNAP };
}

/**
 * A new node of `def` at `position` with every param at its default.
 * @example
 * editor.dispatch({ type: 'addNodes', nodes: [createNode(patch, def, { x: 0, y: 0 })] });
 */
export function createNode(patch: Patch, def: NodeDef, position: { x: number; y: number }, taken?: ReadonlySet<string>): PatchNode {
  const params: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(def.params)) {
    params[name] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  }
  return { id: nextId(patch, 'n', taken), type: def.type, version: def.version, position: snap(position), params };
}
