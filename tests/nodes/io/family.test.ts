import { describe, expect, it } from 'vitest';
import { NodeRegistry } from '../../../src/engine/registry';
import { ioNodes } from '../../../nodes/io';
import { allNodes } from '../../../nodes';

describe('the io family', () => {
  it('registers its nodes with one-paragraph docs, the exports as sinks', () => {
    const registry = new NodeRegistry(ioNodes);
    expect(registry.list().map((d) => d.type).sort()).toEqual(['audio.file', 'export.midi', 'export.wav', 'midi.file', 'midi.tracks', 'notes.clip']);
    for (const def of ioNodes) {
      expect(def.category).toBe('io');
      expect(def.doc.length, def.type).toBeGreaterThan(250);
      expect(def.doc, def.type).not.toContain('\n');
      expect(Boolean(def.sink), def.type).toBe(def.type.startsWith('export.'));
    }
  });

  it('sits in the full node list without clashes', () => {
    expect(() => new NodeRegistry(allNodes)).not.toThrow();
    for (const def of ioNodes) expect(allNodes).toContain(def);
  });
});
