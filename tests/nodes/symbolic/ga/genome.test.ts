import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/engine/rng';
import { decodeGenome, HOLD, randomGenome, REST, type GenomeSpec } from '../../../../nodes/symbolic/ga/genome';
import { createMelody, melodyFromNotes, melodyNotes } from '../../../../nodes/symbolic/ga/melody';
import { createSequence } from '../../../../src/music/noteSequence';

const spec: GenomeSpec = { mode: 'rhythm', steps: 8, stepBeats: 0.5, low: 60, high: 72, restRate: 0.1 };

describe('genome', () => {
  it('decodes pitches, held steps and rests into notes', () => {
    const genes = Int16Array.from([HOLD, 60, HOLD, HOLD, REST, HOLD, 62, 64]);
    const m = decodeGenome(genes, spec, createMelody(8));
    expect(melodyNotes(m)).toEqual([
      { pitch: 60, velocity: 0.8, start: 0.5, duration: 1.5 },
      { pitch: 62, velocity: 0.8, start: 3, duration: 0.5 },
      { pitch: 64, velocity: 0.8, start: 3.5, duration: 0.5 },
    ]);
    expect(m.length).toBe(4);
  });

  it('draws random genomes inside the pitch range, holds only in rhythm mode', () => {
    const rng = createRng(3);
    const genes = new Int16Array(8);
    const seen = new Set<number>();
    for (let k = 0; k < 200; k++) {
      randomGenome({ ...spec, mode: 'melody' }, rng, genes);
      for (const g of genes) { expect(g === REST || (g >= 60 && g <= 72)).toBe(true); seen.add(g); }
    }
    expect(seen.has(HOLD)).toBe(false);
    expect(seen.has(REST)).toBe(true);
    randomGenome(spec, rng, genes);
    const holds = Array.from({ length: 100 }, () => (randomGenome(spec, rng, genes), genes.filter((g) => g === HOLD).length));
    expect(holds.reduce((a, b) => a + b, 0) / 100).toBeGreaterThan(1);
  });

  it('reads a target melody from notes, highest of each onset', () => {
    const m = melodyFromNotes(createSequence([
      { pitch: 60, velocity: 1, start: 0, duration: 1 }, { pitch: 67, velocity: 1, start: 0, duration: 1 },
      { pitch: 62, velocity: 1, start: 1, duration: 1 },
    ]));
    expect(Array.from(m.pitch.subarray(0, m.count))).toEqual([67, 62]);
    expect(m.length).toBe(4);
  });
});
