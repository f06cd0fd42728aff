import { describe, expect, it } from 'vitest';
import { createEditor } from '../../src/ui/state/editor';
import { graphChanged } from '../../src/ui/run/graphSpec';
import { testPatch, testRegistry } from './fixtures';

describe('editor history', () => {
  it('undoes and redoes each action', () => {
    const editor = createEditor(testRegistry(), testPatch());
    editor.dispatch({ type: 'setParam', node: 'n2', name: 'by', value: 3 });
    editor.dispatch({ type: 'remove', ids: ['n1'] });
    expect(editor.state.get().patch.edges).toHaveLength(0);
    editor.undo();
    expect(editor.state.get().patch.edges).toHaveLength(1);
    editor.undo();
    expect(editor.state.get().patch.nodes[1].params.by).toBe(0);
    expect(editor.state.get().canUndo).toBe(false);
    editor.redo();
    expect(editor.state.get().patch.nodes[1].params.by).toBe(3);
  });

  it('merges a param drag into one step until sealed', () => {
    const editor = createEditor(testRegistry(), testPatch());
    for (const v of [1, 2, 3, 4]) editor.dispatch({ type: 'setParam', node: 'n2', name: 'by', value: v }, { merge: 'drag' });
    editor.seal();
    editor.dispatch({ type: 'setParam', node: 'n2', name: 'by', value: 9 }, { merge: 'drag' });
    editor.undo();
    expect(editor.state.get().patch.nodes[1].params.by).toBe(4);
    editor.undo();
    expect(editor.state.get().patch.nodes[1].params.by).toBe(0);
  });

  it('replaces the edge into a single input and drops edges of an un-exposed param', () => {
    const editor = createEditor(testRegistry(), testPatch());
    editor.dispatch({ type: 'connect', edge: { id: 'e2', from: { node: 'n1', port: 'notes' }, to: { node: 'n2', port: 'notes' } } });
    expect(editor.state.get().patch.edges.map((e) => e.id)).toEqual(['e2']);
    editor.dispatch({ type: 'setExposed', node: 'n2', name: 'by', exposed: true });
    expect(editor.state.get().patch.nodes[1].exposed).toEqual(['by']);
    editor.dispatch({ type: 'connect', edge: { id: 'e3', from: { node: 'n1', port: 'notes' }, to: { node: 'n2', port: 'by' } } });
    editor.dispatch({ type: 'setExposed', node: 'n2', name: 'by', exposed: false });
    expect(editor.state.get().patch.edges.map((e) => e.id)).toEqual(['e2']);
    expect(editor.state.get().patch.nodes[1].exposed).toBeUndefined();
  });

  it('tells graph edits from view edits', () => {
    const editor = createEditor(testRegistry(), testPatch());
    const a = editor.state.get().patch;
    editor.dispatch({ type: 'move', moves: [{ id: 'n1', x: 50, y: 60 }] });
    const b = editor.state.get().patch;
    expect(graphChanged(a, b)).toBe(false);
    editor.dispatch({ type: 'setParam', node: 'n2', name: 'by', value: 2 });
    expect(graphChanged(b, editor.state.get().patch)).toBe(true);
  });
});
