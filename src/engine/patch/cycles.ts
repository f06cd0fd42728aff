/** Cycle detection over patch edges: an iterative depth-first search that names the nodes of each cycle. */
import type { PatchEdge } from './types';

/** A cycle found in the graph: its nodes in order and the edge (by list position) that closes it. */
export interface FoundCycle {
  nodes: string[];
  closingEdge: number;
}

/**
 * Every cycle closed by a back edge of a depth-first search in node order (each edge closes at
 * most one), e.g. a → b → a. Edges naming unknown nodes are ignored.
 * @example
 * findCycles(['a', 'b'], [edge('a', 'b'), edge('b', 'a')]); // [{ nodes: ['a', 'b'], closingEdge: 1 }]
 */
export function findCycles(nodeIds: readonly string[], edges: readonly PatchEdge[]): FoundCycle[] {
  const out = new Map<string, { to: string; edge: number }[]>();
  for (const id of nodeIds) out.set(id, []);
  edges.forEach((e, edge) => {
    if (out.has(e.to.node)) out.get(e.from.node)?.push({ to: e.to.node, edge });
  });
  const state = new Map<string, 'open' | 'done'>();
  const cycles: FoundCycle[] = [];
  for (const root of nodeIds) {
    if (state.has(root)) continue;
    // Explicit stack of (node, next outgoing edge to try): no recursion, so long chains cannot overflow.
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1];
      const outs = out.get(top.id)!;
      if (top.next >= outs.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const { to, edge } = outs[top.next++];
      const seen = state.get(to);
      if (seen === 'open') {
        const from = stack.findIndex((f) => f.id === to);
        cycles.push({ nodes: stack.slice(from).map((f) => f.id), closingEdge: edge });
      } else if (seen === undefined) {
        state.set(to, 'open');
        stack.push({ id: to, next: 0 });
      }
    }
  }
  return cycles;
}
