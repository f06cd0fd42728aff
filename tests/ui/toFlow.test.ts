import { describe, expect, it } from 'vitest';
import { FlowEdgeCache, FlowNodeCache } from '../../src/ui/canvas/toFlow';
import { createEditor } from '../../src/ui/state/editor';
import { testPatch, testRegistry } from './fixtures';

describe('flow caches', () => {
  it('reuse flow objects of unchanged nodes and rebuild changed ones', () => {
    const editor = createEditor(testRegistry(), testPatch());
    const cache = new FlowNodeCache();
    const first = cache.nodes(editor.state.get().patch, new Set(), new Map());
    editor.dispatch({ type: 'move', moves: [{ id: 'n2', x: 400, y: 0 }] });
    const second = cache.nodes(editor.state.get().patch, new Set(['n3']), new Map());
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].position).toEqual({ x: 400, y: 0 });
    expect(second[2].selected).toBe(true);
  });

  it('colours edges by their port type', () => {
    const registry = testRegistry();
    const [edge] = new FlowEdgeCache().edges(testPatch(), registry, new Set());
    expect(edge.style?.stroke).toBe(registry.portTypes.get('notes')!.color);
    expect(edge.sourceHandle).toBe('notes');
  });
});
