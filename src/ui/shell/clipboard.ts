/** Copy, paste, duplicate and delete of the selection (nodes, comments and the edges between them). */
import type { Patch, PatchComment, PatchEdge, PatchNode } from '../../engine/patch/types';
import type { Editor } from '../state/editor';
import { nextId } from '../state/actions';

/** What a copy holds. */
export interface Clip {
  nodes: PatchNode[];
  edges: PatchEdge[];
  comments: PatchComment[];
}

const CLIP_MIME = 'genpatch-clip';
let memory: Clip | null = null;

/** The selected nodes and comments, plus the edges whose both ends are selected. */
export function copySelection(editor: Editor): Clip | null {
  const { patch, selection } = editor.state.get();
  const ids = new Set(selection);
  const nodes = patch.nodes.filter((n) => ids.has(n.id));
  const comments = patch.comments.filter((c) => ids.has(c.id));
  if (nodes.length === 0 && comments.length === 0) return null;
  const edges = patch.edges.filter((e) => ids.has(e.from.node) && ids.has(e.to.node));
  memory = structuredClone({ nodes, edges, comments });
  try {
    void navigator.clipboard?.writeText(`${CLIP_MIME}:${JSON.stringify(memory)}`).catch(() => undefined);
  } catch { /* clipboard not available: the in-memory copy is enough */ }
  return memory;
}

/** Pastes the last copy, offset by `offset`, with fresh ids; the pasted items become the selection. */
export function paste(editor: Editor, offset = { x: 32, y: 32 }, clip: Clip | null = memory): void {
  if (!clip) return;
  const patch = editor.state.get().patch;
  const { nodes, edges, comments, ids } = remap(patch, clip, offset);
  editor.seal();
  editor.dispatch({ type: 'addNodes', nodes, edges, comments });
  editor.select(ids);
}

/** Copies and pastes the selection in one step. */
export function duplicate(editor: Editor): void {
  const clip = copySelection(editor);
  if (clip) paste(editor, { x: 32, y: 32 }, clip);
}

/** Deletes the selected nodes, comments, groups and edges. */
export function deleteSelection(editor: Editor): void {
  const { selection } = editor.state.get();
  if (selection.length === 0) return;
  editor.seal();
  editor.dispatch({ type: 'remove', ids: [...selection] });
}

function remap(patch: Patch, clip: Clip, offset: { x: number; y: number }) {
  const taken = new Set<string>();
  const idMap = new Map<string, string>();
  const fresh = (old: string, prefix: string): string => {
    const id = nextId(patch, prefix, taken);
    taken.add(id);
    idMap.set(old, id);
    return id;
  };
  const nodes = clip.nodes.map((n) => ({ ...structuredClone(n), id: fresh(n.id, 'n'), position: { x: n.position.x + offset.x, y: n.position.y + offset.y } }));
  const comments = clip.comments.map((c) => ({ ...structuredClone(c), id: fresh(c.id, 'c'), position: { x: c.position.x + offset.x, y: c.position.y + offset.y } }));
  const edges = clip.edges.map((e) => ({
    id: fresh(e.id, 'e'), from: { node: idMap.get(e.from.node)!, port: e.from.port }, to: { node: idMap.get(e.to.node)!, port: e.to.port },
  }));
  return { nodes, edges, comments, ids: [...nodes.map((n) => n.id), ...comments.map((c) => c.id)] };
}
