/** Reduces a patch to what the scheduler needs, and tells whether an edit changed that part. */
import type { Patch } from '../../engine/patch/types';
import type { GraphSpec } from '../../engine/scheduler-types';

/**
 * True when `a` and `b` differ in anything the scheduler reads (node types, params, exposed ports,
 * edges, assets); positions, titles, comments and groups do not count.
 * Relies on immer's structural sharing: untouched params keep their identity.
 */
export function graphChanged(a: Patch, b: Patch): boolean {
  if (a === b) return false;
  if (a.edges !== b.edges || a.assets !== b.assets) return true;
  if (a.nodes.length !== b.nodes.length) return true;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (x === y) continue;
    if (x.id !== y.id || x.type !== y.type || x.params !== y.params || x.exposed !== y.exposed) return true;
  }
  return false;
}

/** The scheduler's view of a patch. */
export function toGraphSpec(patch: Patch): GraphSpec {
  return { nodes: patch.nodes, edges: patch.edges, assets: patch.assets };
}
