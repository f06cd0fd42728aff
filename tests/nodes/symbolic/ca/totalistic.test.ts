import { describe, expect, it } from 'vitest';
import { runElementary } from '../../../../nodes/symbolic/ca/elementary';
import { gridRow } from '../../../../nodes/symbolic/ca/grid';
import { centreInRow } from '../../../../nodes/symbolic/ca/initialRow';
import { maxTotalisticCode, runTotalistic } from '../../../../nodes/symbolic/ca/totalistic';
import { totalisticNode } from '../../../../nodes/symbolic/ca/totalisticNode';
import type { Grid } from '../../../../src/engine/values';
import { runNode } from '../../runNode';

/** Reference: digit s of the code in base k (least significant first) is the state for sum s; ring boundary. */
function referenceTotalistic(code: number, k: number, r: number, first: number[], steps: number): number[][] {
  const digits = code.toString(k).split('').reverse().map(Number);
  const rows = [first];
  for (let t = 1; t < steps; t++) {
    const prev = rows[t - 1];
    rows.push(prev.map((_, x) => {
      let sum = 0;
      for (let d = -r; d <= r; d++) sum += prev[(x + d + prev.length) % prev.length];
      return digits[sum] ?? 0;
    }));
  }
  return rows;
}

const rows = (g: Grid): number[][] => Array.from({ length: g.steps }, (_, t) => Array.from(gridRow(g, t)));

describe('totalistic automata', () => {
  it('with 2 states and radius 1, code 6 is elementary rule 126', () => {
    const first = centreInRow([1], 31);
    expect(runTotalistic(6, 2, 1, first, 12, 'wrap').cells).toEqual(runElementary(126, first, 12, 'wrap').cells);
  });

  it('matches the reference for 3-state code 1635 and a 4-state radius-2 code', () => {
    const first = Array.from(centreInRow([1], 41));
    expect(rows(runTotalistic(1635, 3, 1, Uint8Array.from(first), 20, 'wrap'))).toEqual(referenceTotalistic(1635, 3, 1, first, 20));
    const mixed = Array.from({ length: 23 }, (_, i) => (i * 7) % 4);
    expect(rows(runTotalistic(987654321, 4, 2, Uint8Array.from(mixed), 15, 'wrap'))).toEqual(referenceTotalistic(987654321, 4, 2, mixed, 15));
  });

  it('knows the code range and refuses codes past it', async () => {
    expect(maxTotalisticCode(3, 1)).toBe(3 ** 7 - 1);
    expect(maxTotalisticCode(4, 2)).toBe(4 ** 16 - 1);
    await expect(runNode(totalisticNode, {}, { states: 2, radius: 1, code: 16 })).rejects.toThrow(/code 16 is too big for 2 states and radius 1 \(at most 15\)/);
  });

  it('node outputs state values and the rule table', async () => {
    const { outputs, previews } = await runNode(totalisticNode, {}, { width: 21, steps: 10 });
    const grid = outputs.grid as Grid;
    expect(Math.max(...grid.cells)).toBe(2);
    const text = previews?.find((p) => p.kind === 'text');
    expect(text?.kind === 'text' && text.text.split('\n')[1]).toBe('sum 1 → 2');
  });
});
