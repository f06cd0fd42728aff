/**
 * Editor actions: every edit of a patch is a small action object applied with immer, so history
 * can keep each resulting patch (structurally shared) for undo/redo.
 */
import { produce, type Draft } from 'immer';
import type { NodeRegistry } from '../../engine/registry';
import type { Patch, PatchAsset, PatchComment, PatchEdge, PatchGroup, PatchMeta, PatchNode } from '../../engine/patch/types';

/** One edit of the patch. */
export type EditorAction =
  | { type: 'addNodes'; nodes: PatchNode[]; edges?: PatchEdge[]; comments?: PatchComment[] }
  | { type: 'remove'; ids: string[] }
  | { type: 'move'; moves: { id: string; x: number; y: number }[] }
  | { type: 'connect'; edge: PatchEdge }
  | { type: 'setParam'; node: string; name: string; value: unknown }
  | { type: 'setExposed'; node: string; name: string; exposed: boolean }
  | { type: 'setTitle'; node: string; title: string }
  | { type: 'addComment'; comment: PatchComment }
  | { type: 'editComment'; id: string; text?: string; size?: { width: number; height: number } }
  | { type: 'addGroup'; group: PatchGroup }
  | { type: 'renameGroup'; id: string; title: string }
  | { type: 'addAsset'; id: string; asset: PatchAsset }
  | { type: 'setMeta'; meta: Partial<PatchMeta> };

/** Applies an action to a patch and returns the new patch (the old one is left untouched). */
export function applyAction(patch: Patch, action: EditorAction, registry: NodeRegistry): Patch {
  return produce(patch, (draft) => {
    reduce(draft, action, registry);
  });
}

function reduce(draft: Draft<Patch>, action: EditorAction, registry: NodeRegistry): void {
  switch (action.type) {
    case 'addNodes':
      draft.nodes.push(...action.nodes);
      draft.edges.push(...(action.edges ?? []));
      draft.comments.push(...(action.comments ?? []));
      return;
    case 'remove': {
      const ids = new Set(action.ids);
      draft.nodes = draft.nodes.filter((n) => !ids.has(n.id));
      draft.edges = draft.edges.filter((e) => !ids.has(e.id) && !ids.has(e.from.node) && !ids.has(e.to.node));
      draft.comments = draft.comments.filter((c) => !ids.has(c.id));
      draft.groups = draft.groups.filter((g) => !ids.has(g.id));
      for (const g of draft.groups) g.nodes = g.nodes.filter((n) => !ids.has(n));
      return;
    }
    case 'move': {
      const byId = new Map(action.moves.map((m) => [m.id, m]));
      for (const n of draft.nodes) {
        const m = byId.get(n.id);
        if (m && (n.position.x !== m.x || n.position.y !== m.y)) n.position = { x: m.x, y: m.y };
      }
      for (const c of draft.comments) {
        const m = byId.get(c.id);
        if (m) c.position = { x: m.x, y: m.y };
      }
      return;
    }
    case 'connect': {
      const { edge } = action;
      const target = draft.nodes.find((n) => n.id === edge.to.node);
      const def = target && registry.get(target.type);
      const multiple = def?.inputs[edge.to.port]?.multiple ?? false;
      // A single input holds one edge: a new connection replaces the old one.
      if (!multiple) draft.edges = draft.edges.filter((e) => !(e.to.node === edge.to.node && e.to.port === edge.to.port));
      draft.edges.push(edge);
      return;
    }
    case 'setParam': {
      const node = findNode(draft, action.node);
      node.params[action.name] = action.value;
      return;
    }
    case 'setExposed': {
      const node = findNode(draft, action.node);
      const exposed = new Set(node.exposed ?? []);
      if (action.exposed) exposed.add(action.name);
      else {
        exposed.delete(action.name);
        draft.edges = draft.edges.filter((e) => !(e.to.node === action.node && e.to.port === action.name));
      }
      if (exposed.size) node.exposed = [...exposed];
      else delete node.exposed;
      return;
    }
    case 'setTitle': {
      const node = findNode(draft, action.node);
      if (action.title.trim()) node.title = action.title;
      else delete node.title;
      return;
    }
    case 'addComment':
      draft.comments.push(action.comment);
      return;
    case 'editComment': {
      const c = draft.comments.find((x) => x.id === action.id);
      if (!c) throw new Error(`editComment: no comment "${action.id}"`);
      if (action.text !== undefined) c.text = action.text;
      if (action.size) c.size = action.size;
      return;
    }
    case 'addGroup':
      draft.groups.push(action.group);
      return;
    case 'renameGroup': {
      const g = draft.groups.find((x) => x.id === action.id);
      if (!g) throw new Error(`renameGroup: no group "${action.id}"`);
      g.title = action.title;
      return;
    }
    case 'addAsset':
      draft.assets[action.id] = action.asset;
      return;
    case 'setMeta':
      Object.assign(draft.meta, action.meta);
      return;
  }
}

function findNode(draft: Draft<Patch>, id: string): Draft<PatchNode> {
  const node = draft.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node "${id}" in the patch`);
  return node;
}

/** A fresh id with `prefix` that no node, edge, comment, group or asset of the patch uses. */
export function nextId(patch: Patch, prefix: string, taken: ReadonlySet<string> = new Set()): string {
  let max = 0;
  const re = new RegExp(`^${prefix}(\\d+)$`);
  const scan = (id: string): void => {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  };
  for (const n of patch.nodes) scan(n.id);
  for (const e of patch.edges) scan(e.id);
  for (const c of patch.comments) scan(c.id);
  for (const g of patch.groups) scan(g.id);
  for (const id of Object.keys(patch.assets)) scan(id);
  for (const id of taken) scan(id);
  return `${prefix}${max + 1}`;
}
