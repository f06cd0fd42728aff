import { describe, expect, it } from 'vitest';
import { connectionProblem } from '../../src/ui/canvas/connection';
import { testPatch, testRegistry } from './fixtures';

describe('connectionProblem', () => {
  const registry = testRegistry();
  const patch = testPatch();

  it('accepts equal types', () => {
    expect(connectionProblem(patch, registry, { source: 'n1', sourceHandle: 'notes', target: 'n2', targetHandle: 'notes' })).toBeNull();
  });

  it('refuses a type mismatch naming both types', () => {
    const p = connectionProblem(patch, registry, { source: 'n3', sourceHandle: 'audio', target: 'n2', targetHandle: 'notes' });
    expect(p).toMatch(/audio.*notes/);
  });

  it('refuses a connection that closes a cycle, naming its path', () => {
    const p = connectionProblem(patch, registry, { source: 'n2', sourceHandle: 'notes', target: 'n1', targetHandle: 'notes' });
    // n1 has no input "notes", so first check a real cycle on a chain n1 → n2 → n4.
    expect(p).toMatch(/not an input/);
    const chain = { ...patch, nodes: [...patch.nodes, { id: 'n4', type: 'test.shift', version: 1, position: { x: 0, y: 0 }, params: {} }],
      edges: [...patch.edges, { id: 'e2', from: { node: 'n2', port: 'notes' }, to: { node: 'n4', port: 'notes' } }] };
    expect(connectionProblem(chain, registry, { source: 'n4', sourceHandle: 'notes', target: 'n2', targetHandle: 'notes' }))
      .toBe('would make a cycle: n2 → n4 → n2');
  });

  it('accepts a number into an exposed param only once exposed', () => {
    const exposedPatch = { ...patch, nodes: patch.nodes.map((n) => (n.id === 'n2' ? { ...n, exposed: ['by'] } : n)) };
    expect(connectionProblem(patch, registry, { source: 'n1', sourceHandle: 'notes', target: 'n2', targetHandle: 'by' })).toMatch(/not an input/);
    expect(connectionProblem(exposedPatch, registry, { source: 'n1', sourceHandle: 'notes', target: 'n2', targetHandle: 'by' })).toMatch(/notes.*number/);
  });
});
