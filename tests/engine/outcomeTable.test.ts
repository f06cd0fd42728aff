import { describe, expect, it } from 'vitest';
import { OutcomeTable } from '../../src/engine/outcomeTable';
import type { NodeOutcome } from '../../src/engine/scheduler-types';

const ids = ['a', 'b', 'c', 'd'];
const indexOf = new Map(ids.map((id, i) => [id, i]));
const done = (out: number): NodeOutcome => ({ status: 'done', outputs: { out } });
const outs = (t: OutcomeTable) => Object.fromEntries([...t].map(([id, o]) => [id, o.outputs?.out]));

describe('OutcomeTable', () => {
  it('reads as a Map over the nodes of its order, in that order', () => {
    const t = new OutcomeTable(ids, indexOf, [2, 0, 1]);
    t.setAt(0, done(1));
    t.setAt(2, done(3));
    expect([...t.keys()]).toEqual(['c', 'a']);
    expect(t.size).toBe(2);
    expect(t.get('a')?.outputs?.out).toBe(1);
    expect(t.has('b')).toBe(false);
    expect(t.get('d')).toBeUndefined();
    expect(t.get('zzz')).toBeUndefined();
  });

  it('keeps every older version as it was while newer versions overwrite the shared slots', () => {
    const first = new OutcomeTable(ids, indexOf, [0, 1, 2]);
    first.setAt(0, done(1));
    first.setAt(1, done(2));
    const second = first.derive();
    second.setAt(1, done(20));
    second.setAt(2, done(30));
    const third = second.derive();
    third.setAt(1, done(200));
    third.setAt(0, done(100));
    expect(outs(first)).toEqual({ a: 1, b: 2 });
    expect(outs(second)).toEqual({ a: 1, b: 20, c: 30 });
    expect(outs(third)).toEqual({ a: 100, b: 200, c: 30 });
    expect([first.size, second.size, third.size]).toEqual([2, 3, 3]);
  });

  it('refuses writes to an old version and a second derivation', () => {
    const first = new OutcomeTable(ids, indexOf, [0]);
    first.derive();
    expect(() => first.setAt(0, done(1))).toThrow(/older evaluation/);
    expect(() => first.derive()).toThrow(/already derived/);
  });

  it('still reads an old version correctly after many newer versions', () => {
    const first = new OutcomeTable(ids, indexOf, [0, 1, 2, 3]);
    ids.forEach((_, i) => first.setAt(i, done(i)));
    const versions = [first];
    for (let v = 1; v <= 40; v++) {
      const next = versions[versions.length - 1].derive();
      next.setAt(v % 4, done(v * 10));
      versions.push(next);
    }
    expect(outs(first)).toEqual({ a: 0, b: 1, c: 2, d: 3 });
    expect(outs(versions[5])).toEqual({ a: 40, b: 50, c: 20, d: 30 });
    // Reading the first version again (now detached) and the newest still agree with their histories.
    expect(outs(first)).toEqual({ a: 0, b: 1, c: 2, d: 3 });
    expect(outs(versions[40])).toEqual({ a: 400, b: 370, c: 380, d: 390 });
  });
});
