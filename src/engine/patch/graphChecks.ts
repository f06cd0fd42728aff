/**
 * Graph checks of a patch: duplicate ids, dangling edges (unknown node or port), edges between
 * incompatible port types, inputs fed twice, cycles, and groups naming missing nodes.
 */
import type { NodeRegistry } from '../registry';
import { findCycles } from './cycles';
import type { PathSegment, ProblemList } from './problems';
import type { LoadedNode } from './readNodes';
import type { Located } from './readSections';
import type { PatchEdge, PatchGroup, PatchNode } from './types';

/** Reports every id used twice in one list (`key` is the list's field, e.g. "nodes"). */
export function checkDuplicateIds(items: readonly { id: string; index: number }[], key: string, what: string, problems: ProblemList): void {
  const first = new Map<string, number>();
  for (const { id, index } of items) {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, index);
    else problems.error([key, index, 'id'], `duplicate ${what} id "${id}" (already used by $.${key}[${earlier}])`);
  }
}

const list = (names: string[]): string => (names.length ? names.join(', ') : 'none');

/** Checks one end of an edge; returns its port type, or undefined when unknown or unchecked. */
function endType(
  edge: Located<PatchEdge>, side: 'from' | 'to', byId: ReadonlyMap<string, LoadedNode>,
  registry: NodeRegistry, assetIds: ReadonlySet<string>, problems: ProblemList,
): string | undefined {
  const { id, from, to } = edge.value;
  const ref = edge.value[side];
  const label = `edge ${id} (${from.node}.${from.port} → ${to.node}.${to.port})`;
  const path: PathSegment[] = ['edges', edge.index, side];
  const loaded = byId.get(ref.node);
  if (!loaded) {
    const hint = assetIds.has(ref.node) ? `; "${ref.node}" is an asset, and assets reach nodes through asset params, not edges` : '';
    problems.error([...path, 'node'], `${label}: unknown node "${ref.node}"${hint}`);
    return undefined;
  }
  const { def, node } = loaded;
  if (!def) return undefined; // placeholder: its ports are unknown, so the edge is kept unchecked
  const where = `on node "${node.id}" (type ${def.type})`;
  if (side === 'from') {
    if (Object.hasOwn(def.outputs, ref.port)) return def.outputs[ref.port].type;
    const isInput = Object.hasOwn(def.inputs, ref.port) || Object.hasOwn(def.params, ref.port);
    problems.error([...path, 'port'], isInput
      ? `${label}: "${ref.port}" is an input ${where}, not an output`
      : `${label}: unknown output "${ref.port}" ${where}; its outputs are: ${list(Object.keys(def.outputs))}`);
    return undefined;
  }
  const type = Object.hasOwn(def.inputs, ref.port) || Object.hasOwn(def.params, ref.port)
    ? registry.inputType(def, ref.port, node.exposed) : undefined;
  if (type) return type;
  let why = `unknown input "${ref.port}" ${where}; its inputs are: ${list(Object.keys(def.inputs))}`;
  if (Object.hasOwn(def.params, ref.port)) why = `"${ref.port}" is a param ${where} that is not exposed: add it to the node's "exposed" list to connect it`;
  else if (Object.hasOwn(def.outputs, ref.port)) why = `"${ref.port}" is an output ${where}, not an input`;
  problems.error([...path, 'port'], `${label}: ${why}`);
  return undefined;
}

/** True when input `port` of a loaded node accepts several edges (placeholders are not checked). */
function acceptsMany(loaded: LoadedNode | undefined, port: string): boolean {
  if (!loaded?.def) return true;
  return Object.hasOwn(loaded.def.inputs, port) && loaded.def.inputs[port].multiple === true;
}

/** Checks every edge: both ends exist, their types connect, and single inputs are fed once. */
export function checkEdges(
  nodes: readonly LoadedNode[], edges: readonly Located<PatchEdge>[], registry: NodeRegistry,
  assetIds: ReadonlySet<string>, problems: ProblemList,
): void {
  const byId = new Map<string, LoadedNode>();
  for (const n of nodes) if (!byId.has(n.node.id)) byId.set(n.node.id, n);
  const fedBy = new Map<string, string>();
  for (const edge of edges) {
    const { id, from, to } = edge.value;
    const fromType = endType(edge, 'from', byId, registry, assetIds, problems);
    const toType = endType(edge, 'to', byId, registry, assetIds, problems);
    if (fromType && toType && registry.portTypes.checkConnection(fromType, toType)) {
      problems.error(['edges', edge.index], `edge ${id}: ${fromType} output ${from.node}.${from.port} cannot feed ${toType} input ${to.node}.${to.port}`);
    }
    const input = `${to.node}.${to.port}`;
    const earlier = fedBy.get(input);
    if (earlier !== undefined && byId.has(to.node) && !acceptsMany(byId.get(to.node), to.port)) {
      problems.error(['edges', edge.index, 'to'], `edge ${id}: input ${input} takes only one connection and is already fed by edge ${earlier}`);
    } else if (earlier === undefined) {
      fedBy.set(input, id);
    }
  }
  for (const cycle of findCycles([...byId.keys()], edges.map((e) => e.value))) {
    const closing = edges[cycle.closingEdge];
    problems.error(['edges', closing.index],
      `edge ${closing.value.id} closes a cycle: ${[...cycle.nodes, cycle.nodes[0]].join(' → ')}; patches must be acyclic (feedback goes through a delay node in live mode)`);
  }
}

/** Warns about group members that are not nodes of the patch, and drops them. */
export function checkGroups(groups: readonly Located<PatchGroup>[], nodes: readonly PatchNode[], problems: ProblemList): void {
  const ids = new Set(nodes.map((n) => n.id));
  for (const { value: group, index } of groups) {
    group.nodes.forEach((id, i) => {
      if (!ids.has(id)) problems.warn(['groups', index, 'nodes', i], `group "${group.id}" lists unknown node "${id}": dropped`);
    });
    group.nodes = group.nodes.filter((id) => ids.has(id));
  }
}
