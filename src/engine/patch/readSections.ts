/** Reads the simple sections of a patch document: meta, edges, comments and groups. */
import { asObject, readNumber, readObject, readPosition, readString, readStringList, warnUnknownKeys, type FieldSource } from './fields';
import type { PathSegment, ProblemList } from './problems';
import type { PatchComment, PatchEdge, PatchGroup, PatchMeta, PortRef } from './types';

/** An element read from a list, with its index there (for problem paths). */
export interface Located<T> {
  value: T;
  index: number;
}

/** Reads `meta`: a title, optional description, author and licence; other fields are kept as they are. */
export function readMeta(doc: FieldSource): PatchMeta | undefined {
  const src = readObject(doc, 'meta');
  if (!src) return undefined;
  const title = readString(src, 'title');
  for (const key of ['description', 'author', 'licence']) readString(src, key, { required: false });
  return title === undefined ? undefined : { ...src.obj, title };
}

function readPortRef(src: FieldSource, key: 'from' | 'to'): PortRef | undefined {
  const end = readObject(src, key);
  if (!end) return undefined;
  const node = readString(end, 'node', { nonEmpty: true });
  const port = readString(end, 'port', { nonEmpty: true });
  warnUnknownKeys(end, ['node', 'port'], `edge end "${key}"`);
  return node === undefined || port === undefined ? undefined : { node, port };
}

/** Reads each element of `list` with `read`, keeping the usable ones and their indices. */
export function readList<T>(
  list: readonly unknown[], key: string, problems: ProblemList, what: string,
  read: (src: FieldSource) => T | undefined,
): Located<T>[] {
  const out: Located<T>[] = [];
  list.forEach((item, index) => {
    const path: PathSegment[] = [key, index];
    const src = asObject(item, path, problems, what);
    const value = src && read(src);
    if (value !== undefined) out.push({ value, index });
  });
  return out;
}

/** Reads one edge: `{id, from: {node, port}, to: {node, port}}`. */
export function readEdge(src: FieldSource): PatchEdge | undefined {
  const id = readString(src, 'id', { nonEmpty: true });
  const from = readPortRef(src, 'from');
  const to = readPortRef(src, 'to');
  warnUnknownKeys(src, ['id', 'from', 'to'], `edge "${id ?? '?'}"`);
  return id === undefined || !from || !to ? undefined : { id, from, to };
}

/** Reads one comment: `{id, text, position, size?, color?}`. */
export function readComment(src: FieldSource): PatchComment | undefined {
  const id = readString(src, 'id', { nonEmpty: true });
  const text = readString(src, 'text');
  const position = readPosition(src);
  const sizeSrc = readObject(src, 'size', false);
  const size = sizeSrc && { width: readNumber(sizeSrc, 'width', { positive: true }), height: readNumber(sizeSrc, 'height', { positive: true }) };
  const color = readString(src, 'color', { required: false });
  warnUnknownKeys(src, ['id', 'text', 'position', 'size', 'color'], `comment "${id ?? '?'}"`);
  if (id === undefined || text === undefined || !position) return undefined;
  if (size && (size.width === undefined || size.height === undefined)) return undefined;
  const comment: PatchComment = { id, text, position };
  if (size) comment.size = size as { width: number; height: number };
  if (color !== undefined) comment.color = color;
  return comment;
}

/** Reads one group: `{id, title, nodes: [node ids], color?}`. */
export function readGroup(src: FieldSource): PatchGroup | undefined {
  const id = readString(src, 'id', { nonEmpty: true });
  const title = readString(src, 'title');
  const nodes = readStringList(src, 'nodes');
  const color = readString(src, 'color', { required: false });
  warnUnknownKeys(src, ['id', 'title', 'nodes', 'color'], `group "${id ?? '?'}"`);
  if (id === undefined || title === undefined || !nodes) return undefined;
  const group: PatchGroup = { id, title, nodes };
  if (color !== undefined) group.color = color;
  return group;
}
