import { describe, expect, it } from 'vitest';
import { NodeRegistry } from '../../../src/engine/registry';
import { transformNodes } from '../../../nodes/transform';
import { runNode } from '../runNode';
import { POLKA, tune } from '../io/fixtures/irishTunes';

describe('the transform family', () => {
  it('registers eleven notes → notes nodes with one-paragraph docs', () => {
    const registry = new NodeRegistry(transformNodes);
    expect(registry.list().map((d) => d.type).sort()).toEqual([
      'notes.concat', 'notes.filter', 'notes.humanize', 'notes.loop', 'notes.merge', 'notes.quantize-grid',
      'notes.quantize-scale', 'notes.time-stretch', 'notes.transpose', 'notes.velocity', 'notes.voice-split',
    ]);
    for (const def of transformNodes) {
      expect(def.category).toBe('transform');
      expect(def.inputs.notes.type).toBe('notes');
      expect(def.outputs.notes.type).toBe('notes');
      expect(def.doc.length, def.type).toBeGreaterThan(250);
      expect(def.doc, def.type).not.toContain('\n');
    }
  });

  it.each(transformNodes.map((d) => [d.type, d] as const))('%s runs on a real tune with its defaults and previews a piano roll', async (_type, def) => {
    const polka = tune(POLKA);
    const input = def.inputs.notes.multiple ? [polka] : polka;
    const { outputs, previews } = await runNode(def, { notes: input });
    expect((outputs.notes as typeof polka).notes.length).toBeGreaterThan(0);
    expect(previews).toContainEqual(expect.objectContaining({ kind: 'pianoroll', port: 'notes' }));
    expect(polka).toEqual(tune(POLKA)); // inputs are never mutated
  });
});
