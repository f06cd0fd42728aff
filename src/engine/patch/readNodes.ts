/**
 * Reads `nodes`: the fields of every node, its params against the registry, and placeholders for
 * types the registry does not know (kept with their raw object so they are saved back unchanged).
 */
import type { NodeDef } from '../node';
import type { NodeRegistry } from '../registry';
import {
  asObject, readInteger, readObject, readPosition, readString, readStringList, warnUnknownKeys, type FieldSource,
} from './fields';
import { isJsonObject, type JsonObject } from './jsonText';
import { resolveParams } from './nodeParams';
import type { ProblemList } from './problems';
import type { PatchNode } from './types';

/** The fields a node object may have in format version 1. */
export const NODE_FIELDS = ['id', 'type', 'version', 'title', 'position', 'params', 'exposed'] as const;

/** A node read from the file, with its index in `nodes` and its definition (none for placeholders). */
export interface LoadedNode {
  node: PatchNode;
  index: number;
  def?: NodeDef;
}

/**
 * True for a placeholder: a node whose type the registry did not know when the patch was loaded.
 * @example
 * patch.nodes.filter(isPlaceholder).map((n) => n.type); // ['fx.granular']
 */
export function isPlaceholder(node: PatchNode): boolean {
  return node.raw !== undefined;
}

/**
 * The node a placeholder's raw object stands for: its fields read leniently, without problems.
 * serializePatch compares against it to write back only what the editor changed.
 */
export function placeholderFromRaw(raw: JsonObject): PatchNode {
  const pos = raw.position;
  const node: PatchNode = {
    id: String(raw.id),
    type: String(raw.type),
    version: typeof raw.version === 'number' ? raw.version : 1,
    position: isJsonObject(pos) && typeof pos.x === 'number' && typeof pos.y === 'number' ? { x: pos.x, y: pos.y } : { x: 0, y: 0 },
    params: isJsonObject(raw.params) ? structuredClone(raw.params) : {},
    raw,
  };
  if (Array.isArray(raw.exposed)) node.exposed = raw.exposed.filter((e): e is string => typeof e === 'string');
  if (typeof raw.title === 'string') node.title = raw.title;
  return node;
}

/** Checks that each exposed name is a param of `def`. */
function checkExposed(src: FieldSource, def: NodeDef, exposed: string[], id: string): void {
  exposed.forEach((name, i) => {
    if (Object.hasOwn(def.params, name)) return;
    const known = Object.keys(def.params);
    src.problems.error([...src.path, 'exposed', i],
      `"${name}" is not a param of node "${id}" (type ${def.type}), so it cannot be exposed (its params: ${known.length ? known.join(', ') : 'none'})`);
  });
}

/** Reads one node object; undefined when it has no usable id. */
function readNode(value: unknown, index: number, registry: NodeRegistry, problems: ProblemList): LoadedNode | undefined {
  const src = asObject(value, ['nodes', index], problems, 'a node');
  if (!src) return undefined;
  const id = readString(src, 'id', { nonEmpty: true });
  const type = readString(src, 'type', { nonEmpty: true });
  const version = readInteger(src, 'version', 1, false);
  const title = readString(src, 'title', { required: false });
  const position = readPosition(src);
  const params = readObject(src, 'params', false);
  const exposed = readStringList(src, 'exposed', false);
  if (id === undefined) return undefined;
  // A node with an id but no usable type stays in the graph (unchecked) so its edges do not also
  // read as dangling; the error above already keeps the patch from loading.
  if (type === undefined) return { node: { id, type: '', version: 1, position: { x: 0, y: 0 }, params: {} }, index };
  const def = registry.get(type);
  if (!def) {
    problems.warn([...src.path, 'type'], `unknown node type "${type}" (node "${id}"): loaded as a placeholder, not run, and saved back unchanged`);
    return { node: placeholderFromRaw(src.obj), index };
  }
  warnUnknownKeys(src, NODE_FIELDS, `node "${id}"`);
  if (exposed) checkExposed(src, def, exposed, id);
  const node: PatchNode = {
    id,
    type,
    version: version !== undefined && version > def.version ? version : def.version,
    position: position ?? { x: 0, y: 0 },
    params: resolveParams(def, { nodeId: id, params: params?.obj ?? {}, version: version ?? def.version, path: src.path }, problems),
  };
  if (exposed?.length) node.exposed = exposed;
  if (title !== undefined) node.title = title;
  return { node, index, def };
}

/** Reads the elements of the `nodes` array; nodes without a usable id are left out. */
export function readNodes(list: readonly unknown[], registry: NodeRegistry, problems: ProblemList): LoadedNode[] {
  const out: LoadedNode[] = [];
  list.forEach((value, i) => {
    const loaded = readNode(value, i, registry, problems);
    if (loaded) out.push(loaded);
  });
  return out;
}
