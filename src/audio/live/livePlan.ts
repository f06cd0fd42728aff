/**
 * What live mode makes of a patch: which nodes run as live instances (their definition has a
 * `live` face), and how each edge behaves while the patch plays — a control value driving a param
 * every frame, note events, audio wired between live endpoints, or a rendered clip (audio or notes)
 * looped on the transport. Pure: the runtime turns the plan into instances and connections.
 */
import type { NodeDef } from '../../engine/node';
import type { NodeRegistry } from '../../engine/registry';
import type { GraphSpec } from '../../engine/scheduler-types';

/** The node type whose audio inputs are the master bus. */
export const MASTER_NODE_TYPE = 'audio.output';

/** One end of an edge. */
export interface PortRef { node: string; port: string }

/** A node of the graph as live mode reads it. */
export type LiveGraphNode = GraphSpec['nodes'][number] & { title?: string };

/** An edge as live mode plays it. */
export interface LiveLink {
  from: PortRef;
  to: PortRef;
  /**
   * control: a live number output driving a live node's param or input each frame;
   * events: live note events into a live node;
   * audio: audio into a live node or the master, from a live endpoint or a rendered clip (`clip`);
   * notes: a rendered note clip looped on the transport into a live node.
   */
  kind: 'control' | 'events' | 'audio' | 'notes';
  /** For audio links: the source is a rendered clip, not a live endpoint. */
  clip?: boolean;
  /** For audio links: the destination is the master bus. */
  master?: boolean;
}

/** A render-only node that live audio flows into: live mode plays its rendered clip instead. */
export interface LiveBypass { node: string; from: string }

/** The live reading of a graph. */
export interface LivePlan {
  /** Live nodes in an order where every control source comes before what it drives. */
  order: string[];
  nodes: Map<string, { node: LiveGraphNode; def: NodeDef }>;
  links: LiveLink[];
  bypassed: LiveBypass[];
}

/** The type of output `port` of `node`, or undefined. */
function outputType(registry: NodeRegistry, node: LiveGraphNode | undefined, port: string): string | undefined {
  return node ? registry.get(node.type)?.outputs[port]?.type : undefined;
}

/**
 * Reads `graph` for live mode.
 * @example
 * const plan = planLive(patch, registry);
 * plan.links.filter((l) => l.kind === 'control'); // LFO → filter.cutoff …
 */
export function planLive(graph: GraphSpec, registry: NodeRegistry): LivePlan {
  const byId = new Map<string, LiveGraphNode>(graph.nodes.map((n) => [n.id, n]));
  const nodes = new Map<string, { node: LiveGraphNode; def: NodeDef }>();
  for (const node of graph.nodes) {
    const def = registry.get(node.type);
    if (def?.live) nodes.set(node.id, { node, def });
  }
  const links: LiveLink[] = [];
  const bypassed: LiveBypass[] = [];
  for (const e of graph.edges) {
    const fromLive = nodes.has(e.from.node);
    const toNode = byId.get(e.to.node);
    const toLive = nodes.has(e.to.node);
    const type = outputType(registry, byId.get(e.from.node), e.from.port);
    const master = toNode?.type === MASTER_NODE_TYPE;
    if (type === 'audio' || type === 'signal') {
      if (toLive || master) links.push({ from: e.from, to: e.to, kind: 'audio', clip: !fromLive, master });
      else if (fromLive && toNode) bypassed.push({ node: toNode.id, from: e.from.node });
      continue;
    }
    if (!toLive) continue;
    if (type === 'notes' && !fromLive) links.push({ from: e.from, to: e.to, kind: 'notes' });
    else if (fromLive && type === 'events') links.push({ from: e.from, to: e.to, kind: 'events' });
    else if (fromLive && (type === 'number' || type === 'boolean')) links.push({ from: e.from, to: e.to, kind: 'control' });
  }
  return { order: controlOrder(nodes, links), nodes, links, bypassed };
}

/** Live node ids sorted so control and event sources come first (Kahn); nodes on a cycle keep patch order at the end. */
function controlOrder(nodes: Map<string, unknown>, links: readonly LiveLink[]): string[] {
  const indegree = new Map<string, number>([...nodes.keys()].map((id) => [id, 0]));
  const next = new Map<string, string[]>();
  for (const l of links) {
    if (l.kind !== 'control' && l.kind !== 'events') continue;
    indegree.set(l.to.node, (indegree.get(l.to.node) ?? 0) + 1);
    next.set(l.from.node, [...(next.get(l.from.node) ?? []), l.to.node]);
  }
  const ready = [...nodes.keys()].filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  while (ready.length) {
    const id = ready.shift()!;
    order.push(id);
    for (const to of next.get(id) ?? []) {
      const d = indegree.get(to)! - 1;
      indegree.set(to, d);
      if (d === 0) ready.push(to);
    }
  }
  for (const id of nodes.keys()) if (!order.includes(id)) order.push(id);
  return order;
}
