/**
 * The editor state: the patch (engine truth) plus view fields (selection, file name), edits through
 * actions, and undo/redo over the immutable patches immer produces.
 */
import type { NodeRegistry } from '../../engine/registry';
import type { Patch } from '../../engine/patch/types';
import { applyAction, type EditorAction } from './actions';
import { createStore, type Store } from './store';

/** What the editor holds. */
export interface EditorState {
  patch: Patch;
  /** Selected node, comment, group and edge ids. */
  selection: readonly string[];
  /** The name the patch was opened from or saved as. */
  fileName: string | null;
  /** True when the patch changed since it was opened or saved. */
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Incremented each time a document is loaded (new, open, share link), so views can re-fit. */
  docVersion: number;
}

/** Options of one dispatch. */
export interface DispatchOptions {
  /** Consecutive dispatches with the same key merge into one undo step until `seal()`. */
  merge?: string;
}

/** The editor: its state store and the operations that change it. */
export interface Editor {
  readonly registry: NodeRegistry;
  readonly state: Store<EditorState>;
  dispatch(action: EditorAction, options?: DispatchOptions): void;
  undo(): void;
  redo(): void;
  /** Ends the current merge (a slider released, a drag stopped). */
  seal(): void;
  /** Replaces the document (new, open); history starts afresh. */
  load(patch: Patch, fileName: string | null): void;
  select(ids: readonly string[]): void;
  markSaved(fileName: string): void;
}

const HISTORY_LIMIT = 300;

/**
 * Creates an editor around a patch.
 * @example
 * const editor = createEditor(registry, createPatch());
 * editor.dispatch({ type: 'setMeta', meta: { title: 'Hi' } }); editor.undo();
 */
export function createEditor(registry: NodeRegistry, patch: Patch): Editor {
  const past: Patch[] = [];
  const future: Patch[] = [];
  let mergeKey: string | null = null;
  const state = createStore<EditorState>({ patch, selection: [], fileName: null, dirty: false, canUndo: false, canRedo: false, docVersion: 0 });

  const commit = (next: Patch, dirty = true): void => {
    state.set((s) => ({ ...s, patch: next, dirty, canUndo: past.length > 0, canRedo: future.length > 0, selection: keepExisting(s.selection, next) }));
  };

  return {
    registry,
    state,
    dispatch(action, options = {}) {
      const current = state.get().patch;
      const next = applyAction(current, action, registry);
      if (next === current) return;
      const merging = options.merge !== undefined && options.merge === mergeKey;
      if (!merging) {
        past.push(current);
        if (past.length > HISTORY_LIMIT) past.shift();
      }
      future.length = 0;
      mergeKey = options.merge ?? null;
      commit(next);
    },
    undo() {
      const prev = past.pop();
      if (!prev) return;
      future.push(state.get().patch);
      mergeKey = null;
      commit(prev);
    },
    redo() {
      const next = future.pop();
      if (!next) return;
      past.push(state.get().patch);
      mergeKey = null;
      commit(next);
    },
    seal() {
      mergeKey = null;
    },
    load(next, fileName) {
      past.length = 0;
      future.length = 0;
      mergeKey = null;
      state.set((s) => ({ patch: next, selection: [], fileName, dirty: false, canUndo: false, canRedo: false, docVersion: s.docVersion + 1 }));
    },
    select(ids) {
      const cur = state.get().selection;
      if (cur.length === ids.length && cur.every((id, i) => id === ids[i])) return;
      state.set((s) => ({ ...s, selection: [...ids] }));
    },
    markSaved(fileName) {
      state.set((s) => ({ ...s, fileName, dirty: false }));
    },
  };
}

function keepExisting(selection: readonly string[], patch: Patch): readonly string[] {
  if (selection.length === 0) return selection;
  const ids = new Set<string>([
    ...patch.nodes.map((n) => n.id), ...patch.edges.map((e) => e.id),
    ...patch.comments.map((c) => c.id), ...patch.groups.map((g) => g.id),
  ]);
  const kept = selection.filter((id) => ids.has(id));
  return kept.length === selection.length ? selection : kept;
}
