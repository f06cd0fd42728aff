import { describe, expect, it } from 'vitest';
import { bjorklund, patternText, rotatePattern } from '../../../nodes/rhythm/bjorklund';
import { euclidNode } from '../../../nodes/rhythm/euclidNode';
import type { NoteSequence } from '../../../src/engine/values';
import { runNode } from '../runNode';

const E = (k: number, n: number): string => patternText(bjorklund(k, n));

describe('Bjorklund / Euclidean rhythms', () => {
  it('gives the tresillo and cinquillo in Toussaint\'s rotation', () => {
    expect(E(3, 8)).toBe('x..x..x.');
    expect(E(5, 8)).toBe('x.xx.xx.');
  });

  it('matches the rhythms tabulated by Toussaint (2005)', () => {
    const table: Record<string, string> = {
      '2,5': 'x.x..', '3,4': 'x.xx', '3,7': 'x.x.x..', '4,9': 'x.x.x.x..', '5,9': 'x.x.x.x.x',
      '5,12': 'x..x.x..x.x.', '5,16': 'x..x..x..x..x...', '7,12': 'x.xx.x.xx.x.', '7,16': 'x..x.x.x..x.x.x.',
    };
    for (const [kn, pattern] of Object.entries(table)) {
      const [k, n] = kn.split(',').map(Number);
      expect(E(k, n), `E(${kn})`).toBe(pattern);
    }
  });

  it('is maximally even: k onsets whose gaps differ by at most one step', () => {
    for (let n = 1; n <= 24; n++) {
      for (let k = 1; k <= n; k++) {
        const onsets = bjorklund(k, n).flatMap((b, i) => (b ? [i] : []));
        expect(onsets.length).toBe(k);
        const gaps = onsets.map((o, i) => ((onsets[(i + 1) % k] - o + n - 1) % n) + 1);
        expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
      }
    }
    expect(E(0, 4)).toBe('....');
    expect(() => bjorklund(5, 4)).toThrow(/hits must be 0–4/);
  });

  it('rotates left by the rotation, right when negative', () => {
    expect(patternText(rotatePattern(bjorklund(3, 8), 3))).toBe('x..x.x..');
    expect(patternText(rotatePattern(bjorklund(3, 8), -2))).toBe('x.x..x..');
  });
});

describe('rhythm.euclid node', () => {
  it('repeats the pattern over the length with an accented downbeat on a drum voice', async () => {
    const { outputs, previews } = await runNode(euclidNode, {}, { hits: 3, steps: 8, length: 4, velocity: 0.6, accent: 0.3, pitch: 38 });
    const seq = outputs.notes as NoteSequence;
    expect(seq.notes.map((n) => n.start)).toEqual([0, 0.75, 1.5, 2, 2.75, 3.5]);
    seq.notes.forEach((n, i) => expect(n.velocity).toBeCloseTo([0.9, 0.6, 0.6, 0.9, 0.6, 0.6][i]));
    expect(seq.notes.every((n) => n.pitch === 38)).toBe(true);
    expect(seq.voices).toEqual([{ name: 'E(3,8)', drums: true }]);
    expect(previews?.[0]).toMatchObject({ kind: 'text', text: 'x..x..x.' });
  });

  it('cuts the last cycle at the length, so a 5-step cycle drifts against the bar', async () => {
    const seq = (await runNode(euclidNode, {}, { hits: 2, steps: 5, length: 3, stepDuration: 0.5 })).outputs.notes as NoteSequence;
    expect(seq.notes.map((n) => n.start)).toEqual([0, 1, 2.5]);
    expect(seq.length).toBe(3);
    await expect(runNode(euclidNode, {}, { hits: 9, steps: 8 })).rejects.toThrow(/9 hits do not fit in 8 steps/);
  });
});
