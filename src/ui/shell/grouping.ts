/** Adding comments and grouping the selected nodes. */
import type { Editor } from '../state/editor';
import { nextId } from '../state/actions';

/** Adds a comment at `position` and selects it. */
export function addComment(editor: Editor, position: { x: number; y: number }, text = ''): void {
  const id = nextId(editor.state.get().patch, 'c');
  editor.seal();
  editor.dispatch({ type: 'addComment', comment: { id, text, position, size: { width: 220, height: 90 } } });
  editor.select([id]);
}

/** Frames the selected nodes in a new group; returns false when no node is selected. */
export function groupSelection(editor: Editor, title = 'Group'): boolean {
  const { patch, selection } = editor.state.get();
  const ids = new Set(selection);
  const nodes = patch.nodes.filter((n) => ids.has(n.id)).map((n) => n.id);
  if (nodes.length === 0) return false;
  const id = nextId(patch, 'g');
  editor.seal();
  editor.dispatch({ type: 'addGroup', group: { id, title, nodes } });
  return true;
}
