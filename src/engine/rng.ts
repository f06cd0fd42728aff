/** A seeded pseudo-random generator (sfc32): every random choice in genpatch comes from one. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform float in [lo, hi). */
  range(lo: number, hi: number): number;
  /** Standard normal sample (Box–Muller). */
  normal(): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn with probability proportional to non-negative `weights`. */
  weighted(weights: ArrayLike<number>): number;
  /** A new independent generator derived from this one and a label. */
  fork(label: string): Rng;
}

/** 32-bit FNV-1a hash of a string, used to derive seeds from labels. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Creates a seeded generator.
 * @example
 * const rng = createRng(42); rng.int(12); // same value every run
 */
export function createRng(seed: number | string): Rng {
  const s = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
  let a = 0x9e3779b9 ^ s;
  let b = 0x243f6a88 ^ Math.imul(s, 0x85ebca6b);
  let c = 0xb7e15162 ^ Math.imul(s, 0xc2b2ae35);
  let d = 1;
  const raw = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) raw();
  let spare: number | null = null;
  const rng: Rng = {
    next: raw,
    int: (n) => Math.floor(raw() * n),
    range: (lo, hi) => lo + (hi - lo) * raw(),
    normal: () => {
      if (spare !== null) { const v = spare; spare = null; return v; }
      let u = 0;
      while (u === 0) u = raw();
      const v = raw();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    pick: (items) => {
      if (items.length === 0) throw new Error('rng.pick: empty array');
      return items[Math.floor(raw() * items.length)];
    },
    weighted: (weights) => {
      let total = 0;
      for (let i = 0; i < weights.length; i++) total += Math.max(0, weights[i]);
      if (!(total > 0)) return Math.floor(raw() * weights.length);
      let x = raw() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= Math.max(0, weights[i]);
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    fork: (label) => createRng(hashString(label, s ^ Math.floor(raw() * 4294967296))),
  };
  return rng;
}
