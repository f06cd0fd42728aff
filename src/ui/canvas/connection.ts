/** Whether a connection may be drawn: port types must agree (or convert) and no cycle may form. */
import type { NodeRegistry } from '../../engine/registry';
import type { Patch } from '../../engine/patch/types';

/** A connection as React Flow proposes it. */
export interface ProposedConnection {
  source: string | null;
  sourceHandle?: string | null;
  target: string | null;
  targetHandle?: string | null;
}

/** The type of output port `port` of node `nodeId`, or undefined. */
export function outputType(patch: Patch, registry: NodeRegistry, nodeId: string, port: string): string | undefined {
  const node = patch.nodes.find((n) => n.id === nodeId);
  const def = node && registry.get(node.type);
  return def?.outputs[port]?.type;
}

/** The type of input port `port` (an input or an exposed param) of node `nodeId`, or undefined. */
export function inputType(patch: Patch, registry: NodeRegistry, nodeId: string, port: string): string | undefined {
  const node = patch.nodes.find((n) => n.id === nodeId);
  const def = node && registry.get(node.type);
  return def ? registry.inputType(def, port, node.exposed ?? []) : undefined;
}

/** Why the connection is refused, in words for the user, or null when it is legal. */
export function connectionProblem(patch: Patch, registry: NodeRegistry, c: ProposedConnection): string | null {
  if (!c.source || !c.target || !c.sourceHandle || !c.targetHandle) return 'connect an output to an input';
  if (c.source === c.target) return 'a node cannot feed itself';
  const from = outputType(patch, registry, c.source, c.sourceHandle);
  const to = inputType(patch, registry, c.target, c.targetHandle);
  if (!from) return `"${c.sourceHandle}" is not an output of ${c.source}`;
  if (!to) return `"${c.targetHandle}" is not an input of ${c.target}`;
  const typeProblem = registry.portTypes.checkConnection(from, to);
  if (typeProblem) return typeProblem;
  const path = pathBetween(patch, c.target, c.source);
  if (path) return `would make a cycle: ${[...path, c.target].join(' → ')}`;
  return null;
}

/** A path of node ids from `start` to `goal` along edges, or null when none exists. */
export function pathBetween(patch: Patch, start: string, goal: string): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of patch.edges) {
    const list = next.get(e.from.node);
    if (list) list.push(e.to.node);
    else next.set(e.from.node, [e.to.node]);
  }
  const cameFrom = new Map<string, string>([[start, '']]);
  const queue = [start];
  while (queue.length) {
    const id = queue.shift()!;
    if (id === goal) {
      const path = [id];
      for (let p = cameFrom.get(id); p; p = cameFrom.get(p)) path.unshift(p);
      return path;
    }
    for (const n of next.get(id) ?? []) {
      if (!cameFrom.has(n)) {
        cameFrom.set(n, id);
        queue.push(n);
      }
    }
  }
  return null;
}
