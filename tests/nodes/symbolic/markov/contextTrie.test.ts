import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/engine/rng';
import { buildContextTrie, childOf, contextPath, countOf } from '../../../../nodes/symbolic/markov/contextTrie';

describe('buildContextTrie', () => {
  const trie = buildContextTrie([Int32Array.from([0, 1, 0, 1, 2]), Int32Array.from([2, 0])], 3, 2);

  it('counts unigrams at the root', () => {
    expect([0, 1, 2].map((s) => countOf(trie, 0, s))).toEqual([3, 2, 2]);
    expect(trie.total[0]).toBe(7);
  });

  it('counts what followed each context, nearest state first', () => {
    const after0 = childOf(trie, 0, 0);
    expect(countOf(trie, after0, 1)).toBe(2);
    expect(trie.total[after0]).toBe(2);
    const after1 = childOf(trie, 0, 1);
    expect([countOf(trie, after1, 0), countOf(trie, after1, 2)]).toEqual([1, 1]);
    // context "0 then 1" = path 1 ← 0: followed by 0 once and 2 once
    const after01 = childOf(trie, after1, 0);
    expect(trie.depth[after01]).toBe(2);
    expect([countOf(trie, after01, 0), countOf(trie, after01, 2)]).toEqual([1, 1]);
  });

  it('never links the end of one sequence to the start of the next', () => {
    // 2 is followed by nothing in the first sequence, and by 0 in the second only.
    const after2 = childOf(trie, 0, 2);
    expect(countOf(trie, after2, 0)).toBe(1);
    expect(trie.total[after2]).toBe(1);
    // the first 2 of the second sequence has no context, so "1 then 2" never precedes 0
    expect(childOf(trie, after2, 1)).toBe(-1);
  });

  it('walks the longest seen context', () => {
    const path = new Int32Array(3);
    expect(contextPath(trie, [0, 1], 2, path)).toBe(2);
    expect(contextPath(trie, [2, 2], 2, path)).toBe(1); // "2 2" never seen
    expect(contextPath(trie, [5, -1], 2, path)).toBe(0); // unknown state
  });

  it('keeps one node per distinct context and sorted CSR ranges', () => {
    for (let n = 0; n < trie.nodeCount; n++) {
      for (let i = trie.nextStart[n] + 1; i < trie.nextStart[n + 1]; i++) expect(trie.nextState[i]).toBeGreaterThan(trie.nextState[i - 1]);
    }
    // contexts: the root, "0", "1", "2", and of length 2 only "0 1" (twice) and "1 0"
    expect(trie.nodeCount).toBe(1 + 3 + 2);
  });
});

describe('buildContextTrie storage paths', () => {
  it('builds the same trie with dense rows, hash maps, or a budget that runs out midway', () => {
    const rng = createRng(6);
    // Random walks over 12 states with repeats, so contexts branch at every depth.
    const sequences = Array.from({ length: 30 }, () => {
      const seq = new Int32Array(200);
      for (let t = 1; t < seq.length; t++) seq[t] = (seq[t - 1] + 12 + rng.int(5) - 2) % 12;
      return seq;
    });
    const dense = buildContextTrie(sequences, 12, 5);
    for (const budget of [0, 12 * 40]) expect(buildContextTrie(sequences, 12, 5, budget)).toEqual(dense);
    expect(dense.nodeCount).toBeGreaterThan(1000);
  });
});
