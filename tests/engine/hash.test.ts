import { describe, expect, it } from 'vitest';
import { hashBytes, hashText, hexKey, stableStringify, WordHasher } from '../../src/engine/hash';

const keyOf = (feed: (h: WordHasher) => void): string => {
  const h = new WordHasher();
  h.start(1, 2);
  feed(h);
  return hexKey(h.finishA(), h.finishB());
};

describe('hash', () => {
  it('keeps the digests of text and bytes stable (patch goldens depend on them)', () => {
    expect(hashText('')).toBe('811c9dc5cbf29ce4');
    expect(hashText('hello world')).toBe('d58b3fa73ff60a20');
    expect(hashText(stableStringify({ b: [1, 2], a: 'x' }))).toBe('884fc90b006c244c');
    expect(hashBytes(new Uint8Array([1, 2, 3, 250]))).toBe('f93414833623671c');
  });

  it('formats two lanes as 16 lowercase hex digits', () => {
    expect(hexKey(0, -1)).toBe('00000000ffffffff');
    expect(hexKey(0x12ab, 0x7fffffff)).toBe('000012ab7fffffff');
  });

  it('tells apart values of different kinds and strings split differently', () => {
    const keys = [
      keyOf((h) => h.value(1)), keyOf((h) => h.value('1')), keyOf((h) => h.value(true)),
      keyOf((h) => h.value(null)), keyOf((h) => h.value(undefined)), keyOf((h) => h.value([1])),
      keyOf((h) => { h.text('ab'); h.text('c'); }), keyOf((h) => { h.text('a'); h.text('bc'); }),
      keyOf((h) => h.value(0.1 + 0.2)), keyOf((h) => h.value(0.3)),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keyOf((h) => h.value({ b: 1, a: 2 }))).toBe(keyOf((h) => h.value({ a: 2, b: 1 })));
  });

  it('spreads nearby inputs over distinct keys', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 20000; i++) keys.add(keyOf((h) => { h.value(i / 1024); h.word(i & 7); }));
    expect(keys.size).toBe(20000);
  });
});
