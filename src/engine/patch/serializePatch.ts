/**
 * Writing a patch: a fixed key order, 2-space JSON and a final newline, so equal patches give
 * equal text (clean diffs). Params and extra meta fields are written in sorted key order, assets
 * sorted by id; placeholder nodes are written back from their raw object.
 */
import { isJsonObject, type JsonObject } from './jsonText';
import { placeholderFromRaw } from './readNodes';
import type { Patch, PatchComment, PatchEdge, PatchGroup, PatchMeta, PatchNode } from './types';

const sortedObject = (obj: Readonly<Record<string, unknown>>): JsonObject =>
  Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));

function metaDocument(meta: PatchMeta): JsonObject {
  const { title, description, author, licence, ...extra } = meta;
  return { title, description, author, licence, ...sortedObject(extra) };
}

/** The fields of a node as written, for a known node (canonical order). */
function knownNodeDocument(node: PatchNode): JsonObject {
  return {
    id: node.id,
    type: node.type,
    version: node.version,
    title: node.title,
    position: { x: node.position.x, y: node.position.y },
    params: sortedObject(node.params),
    exposed: node.exposed?.length ? [...node.exposed] : undefined,
  };
}

/**
 * A placeholder written back from its raw object: a field the editor changed (moved, renamed…)
 * takes the new value in the raw object's key order; everything else is the raw value.
 */
function placeholderDocument(node: PatchNode, raw: JsonObject): JsonObject {
  const loaded = knownNodeDocument(placeholderFromRaw(raw));
  const now = knownNodeDocument(node);
  const out: JsonObject = {};
  const changed = (key: string): boolean => JSON.stringify(now[key]) !== JSON.stringify(loaded[key]);
  for (const key of Object.keys(raw)) out[key] = Object.hasOwn(now, key) && changed(key) ? now[key] : raw[key];
  for (const key of Object.keys(now)) if (!Object.hasOwn(raw, key) && changed(key)) out[key] = now[key];
  return out;
}

const edgeDocument = (e: PatchEdge): JsonObject => ({
  id: e.id, from: { node: e.from.node, port: e.from.port }, to: { node: e.to.node, port: e.to.port },
});

const commentDocument = (c: PatchComment): JsonObject => ({
  id: c.id, text: c.text, position: { x: c.position.x, y: c.position.y },
  size: c.size && { width: c.size.width, height: c.size.height }, color: c.color,
});

const groupDocument = (g: PatchGroup): JsonObject => ({ id: g.id, title: g.title, nodes: [...g.nodes], color: g.color });

/**
 * The patch as a plain JSON document in the file's key order (undefined fields are omitted by
 * JSON.stringify). Share links and embedders stringify this compactly.
 */
export function patchDocument(patch: Patch): JsonObject {
  const assets: JsonObject = {};
  for (const id of Object.keys(patch.assets).sort()) {
    const a = patch.assets[id];
    assets[id] = { name: a.name, mime: a.mime, sha256: a.sha256, data: a.data };
  }
  return {
    format: patch.format,
    version: patch.version,
    meta: metaDocument(patch.meta),
    nodes: patch.nodes.map((n) => (isJsonObject(n.raw) ? placeholderDocument(n, n.raw) : knownNodeDocument(n))),
    edges: patch.edges.map(edgeDocument),
    comments: patch.comments.map(commentDocument),
    groups: patch.groups.map(groupDocument),
    assets,
  };
}

/**
 * The text of a `*.genpatch.json` file: stable 2-space JSON ending with a newline.
 * @example
 * const text = serializePatch(patch);
 * loadPatch(text, registry).patch; // an equal patch; serializing it again gives the same text
 */
export function serializePatch(patch: Patch): string {
  return `${JSON.stringify(patchDocument(patch), null, 2)}\n`;
}
