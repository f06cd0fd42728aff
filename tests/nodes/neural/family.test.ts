import { describe, expect, it } from 'vitest';
import { allNodes } from '../../../nodes';
import { neuralNodes } from '../../../nodes/neural';
import { NodeRegistry } from '../../../src/engine/registry';

describe('the neural family', () => {
  it('registers its nodes with one-paragraph docs, marked heavy where they run models', () => {
    const registry = new NodeRegistry(neuralNodes);
    expect(registry.list().map((d) => d.type).sort())
      .toEqual(['ga.fitness-neural', 'neural.continue', 'neural.harmonize', 'neural.load-model', 'neural.score']);
    for (const def of neuralNodes) {
      expect(def.category).toBe('neural');
      expect(def.doc.length, def.type).toBeGreaterThan(400);
      expect(def.doc, def.type).not.toContain('\n');
      expect(Boolean(def.heavy), def.type).toBe(def.type.startsWith('neural.'));
      const modelPorts = Object.values({ ...def.inputs, ...def.outputs }).filter((p) => p.type.startsWith('model:'));
      for (const port of modelPorts) expect(['model:neural', 'model:fitness'], def.type).toContain(port.type);
    }
  });

  it('sits in the full node list without clashes', () => {
    expect(() => new NodeRegistry(allNodes)).not.toThrow();
    for (const def of neuralNodes) expect(allNodes).toContain(def);
  });
});
