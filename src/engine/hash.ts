/** Content hashing for cache keys: stable JSON of plain values, 64-bit digests of text and bytes, and an incremental word hasher. */

/** JSON with object keys sorted, so equal values always give equal text; typed arrays are hashed by content. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return value === undefined ? 'null' : JSON.stringify(value) ?? 'null';
  }
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return `"#bin${bytes.length}:${hashBytes(bytes)}"`;
  }
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

/** Char codes of the hex digits 0–f. */
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/**
 * Two 32-bit lanes as 16 lowercase hex digits, made as one flat string in a single call (several
 * times faster than concatenating pieces or `toString(16).padStart`, and quicker to hash as a Map key).
 */
export function hexKey(a: number, b: number): string {
  return String.fromCharCode(
    HEX[(a >>> 28) & 15], HEX[(a >>> 24) & 15], HEX[(a >>> 20) & 15], HEX[(a >>> 16) & 15],
    HEX[(a >>> 12) & 15], HEX[(a >>> 8) & 15], HEX[(a >>> 4) & 15], HEX[a & 15],
    HEX[(b >>> 28) & 15], HEX[(b >>> 24) & 15], HEX[(b >>> 20) & 15], HEX[(b >>> 16) & 15],
    HEX[(b >>> 12) & 15], HEX[(b >>> 8) & 15], HEX[(b >>> 4) & 15], HEX[b & 15],
  );
}

/** Two independent 32-bit FNV-1a lanes, printed as 16 hex digits. */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0xcbf29ce4 | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x0100019d) ^ (h2 >>> 15);
  }
  return hexKey(h1, h2);
}

/** Digest of raw bytes (for typed arrays inside params or inputs). */
export function hashBytes(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0xcbf29ce4 | 0;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i], 0x01000193);
    h2 = Math.imul(h2 ^ bytes[i], 0x0100019d) ^ (h2 >>> 15);
  }
  return hexKey(h1, h2);
}

const float = new Float64Array(1);
const floatWords = new Int32Array(float.buffer);

/** Tags that keep values of different kinds apart (1 and "1" and true hash differently). */
const TAG_NUMBER = 1, TAG_STRING = 2, TAG_TRUE = 3, TAG_FALSE = 4, TAG_NULL = 5, TAG_UNDEFINED = 6, TAG_JSON = 7;

/**
 * An incremental 64-bit hash fed with 32-bit words: two independent lanes (a murmur3 round and an
 * xxhash32 round), so a cache key is hashed field by field without building its text first. One
 * instance is reused for every key: `start`, feed, then `finishA` and `finishB`.
 * @example
 * const h = new WordHasher();
 * h.start(1, 2); h.value(0.5); h.word(7);
 * hexKey(h.finishA(), h.finishB()); // 16 hex digits
 */
export class WordHasher {
  a = 0;
  b = 0;

  /** Starts a new hash from a two-lane state (e.g. a precomputed prefix). */
  start(a: number, b: number): void {
    this.a = a | 0;
    this.b = b | 0;
  }

  /** Mixes one 32-bit word into both lanes. */
  word(w: number): void {
    let k = Math.imul(w | 0, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    const a = this.a ^ k;
    this.a = (Math.imul((a << 13) | (a >>> 19), 5) + 0xe6546b64) | 0;
    const b = (this.b + Math.imul(w | 0, 0x85ebca77)) | 0;
    this.b = Math.imul((b << 13) | (b >>> 19), 0x9e3779b1);
  }

  /** Mixes a string's length and UTF-16 code units, two per word. */
  text(s: string): void {
    const n = s.length;
    this.word(n);
    let i = 0;
    for (; i + 1 < n; i += 2) this.word(s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
    if (i < n) this.word(s.charCodeAt(i));
  }

  /** Mixes a param value: primitives directly, anything else through its stable JSON. */
  value(v: unknown): void {
    switch (typeof v) {
      case 'number':
        float[0] = v;
        this.word(TAG_NUMBER);
        this.word(floatWords[0]);
        this.word(floatWords[1]);
        return;
      case 'string':
        this.word(TAG_STRING);
        this.text(v);
        return;
      case 'boolean':
        this.word(v ? TAG_TRUE : TAG_FALSE);
        return;
      case 'undefined':
        this.word(TAG_UNDEFINED);
        return;
      default:
        if (v === null) return this.word(TAG_NULL);
        this.word(TAG_JSON);
        this.text(stableStringify(v));
    }
  }

  /** Lane a, finalized (murmur3's fmix32). */
  finishA(): number {
    return fmix(this.a ^ 0x5bd1e995);
  }

  /** Lane b, finalized. */
  finishB(): number {
    return fmix(this.b ^ 0x27d4eb2f);
  }
}

/** murmur3's 32-bit finalizer: every input bit reaches every output bit. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
