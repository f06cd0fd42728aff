import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/engine/rng';
import { sortContexts } from '../../../../nodes/symbolic/markov/contextSort';
import { buildContextTrie, childOf, countOf } from '../../../../nodes/symbolic/markov/contextTrie';

/** Random sequences over `vocab` states with repeats, so contexts recur at every length. */
function randomSequences(seed: number, vocab: number, count: number, length: number): Int32Array[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => Int32Array.from({ length: rng.int(length) + 1 }, () => rng.int(vocab)));
}

/** The context of position t read backwards (most recent state first), at most `order` long, within its sequence. */
function contextOf(seq: Int32Array, t: number, order: number): number[] {
  const context: number[] = [];
  for (let j = 1; j <= Math.min(order, t); j++) context.push(seq[t - j]);
  return context;
}

/** −1, 0 or 1 comparing two contexts step by step, a shorter one first when it starts the other. */
function compareContexts(a: number[], b: number[]): number {
  for (let j = 0; j < Math.min(a.length, b.length); j++) if (a[j] !== b[j]) return a[j] - b[j];
  return a.length - b.length;
}

describe('sortContexts', () => {
  it('orders positions by their backward context, stably, whatever the bucket budget', () => {
    const [seq] = randomSequences(4, 3, 1, 300);
    const order = 4;
    const contextLength = Uint8Array.from(seq, (_, t) => Math.min(order, t));
    const expected = Array.from(seq, (_, t) => t)
      .sort((a, b) => compareContexts(contextOf(seq, a, order), contextOf(seq, b, order)) || a - b);
    for (const budget of [0, 16, 1 << 16]) {
      expect(Array.from(sortContexts(seq, contextLength, 3, order, budget))).toEqual(expected);
    }
  });
});

describe('buildContextTrie against a direct count', () => {
  it('counts what followed every context of every length, and nothing else', () => {
    const sequences = randomSequences(8, 4, 12, 60);
    for (const order of [1, 3, 8]) {
      const followers = new Map<string, Map<number, number>>();
      for (const seq of sequences) {
        for (let t = 0; t < seq.length; t++) {
          const context = contextOf(seq, t, order);
          for (let len = 0; len <= context.length; len++) {
            const key = context.slice(0, len).join(' ');
            const next = followers.get(key) ?? new Map<number, number>();
            next.set(seq[t], (next.get(seq[t]) ?? 0) + 1);
            followers.set(key, next);
          }
        }
      }
      const trie = buildContextTrie(sequences, 4, order);
      expect(trie.nodeCount).toBe(followers.size);
      for (const [key, next] of followers) {
        let node = 0;
        for (const s of key === '' ? [] : key.split(' ').map(Number)) node = childOf(trie, node, s);
        expect(node, `context "${key}"`).toBeGreaterThanOrEqual(0);
        for (const [s, c] of next) expect(countOf(trie, node, s)).toBe(c);
        expect(trie.nextStart[node + 1] - trie.nextStart[node]).toBe(next.size);
      }
    }
  });

  it('numbers nodes in the order the sequences first reach them, shorter contexts first', () => {
    const sequences = randomSequences(9, 3, 5, 40);
    const trie = buildContextTrie(sequences, 3, 3);
    const order: number[] = [0];
    const seen = new Set([0]);
    for (const seq of sequences) {
      for (let t = 0; t < seq.length; t++) {
        let node = 0;
        for (const s of contextOf(seq, t, 3)) {
          node = childOf(trie, node, s);
          if (!seen.has(node)) { seen.add(node); order.push(node); }
        }
      }
    }
    expect(order).toEqual(Array.from({ length: trie.nodeCount }, (_, i) => i));
  });
});
