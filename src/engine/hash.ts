/** Content hashing for cache keys: stable JSON of plain values and a 64-bit FNV-style digest. */

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

const HEX_DIGITS = '0123456789abcdef';

/** A 32-bit lane as 8 lowercase hex digits (several times faster than toString(16).padStart). */
function hex8(h: number): string {
  let s = '';
  for (let shift = 28; shift >= 0; shift -= 4) s += HEX_DIGITS[(h >>> shift) & 15];
  return s;
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
  return hex8(h1) + hex8(h2);
}

/** Digest of raw bytes (for typed arrays inside params or inputs). */
export function hashBytes(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0xcbf29ce4 | 0;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i], 0x01000193);
    h2 = Math.imul(h2 ^ bytes[i], 0x0100019d) ^ (h2 >>> 15);
  }
  return hex8(h1) + hex8(h2);
}
