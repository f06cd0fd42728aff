/**
 * Base64 (RFC 4648) for embedded assets and base64url for share links, strict on input so a
 * damaged asset or link is reported with the position of the first bad character.
 */

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function lookup(alphabet: string): Int16Array {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
}
const STANDARD_LOOKUP = lookup(STANDARD);
const URL_LOOKUP = lookup(URL_SAFE);

function encode(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  const codes = Uint8Array.from(alphabet, (c) => c.charCodeAt(0));
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const left = bytes.length - i;
    const n = (bytes[i] << 16) | ((left > 1 ? bytes[i + 1] : 0) << 8) | (left > 2 ? bytes[i + 2] : 0);
    out[o++] = codes[(n >> 18) & 63];
    out[o++] = codes[(n >> 12) & 63];
    if (left > 1) out[o++] = codes[(n >> 6) & 63];
    else if (pad) out[o++] = 61; // '='
    if (left > 2) out[o++] = codes[n & 63];
    else if (pad) out[o++] = 61;
  }
  return new TextDecoder().decode(out.subarray(0, o));
}

/** Decoded bytes, or the reason the text is not valid base64. */
export type Base64Result = { bytes: Uint8Array; error?: undefined } | { bytes?: undefined; error: string };

function decode(text: string, table: Int16Array, padded: boolean): Base64Result {
  let end = text.length;
  if (padded) {
    if (end % 4 !== 0) return { error: `length ${end} is not a multiple of 4` };
    while (end > 0 && text[end - 1] === '=' && text.length - end < 2) end--;
  }
  const bytes = new Uint8Array(Math.floor((end * 6) / 8));
  let acc = 0;
  let bitsHeld = 0;
  let out = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? table[c] : -1;
    if (v < 0) return { error: `invalid character ${JSON.stringify(text[i])} at position ${i}` };
    acc = ((acc << 6) | v) & 0xffffff;
    bitsHeld += 6;
    if (bitsHeld >= 8) {
      bitsHeld -= 8;
      bytes[out++] = (acc >> bitsHeld) & 0xff;
    }
  }
  if (end % 4 === 1) return { error: `length ${end} cannot be base64 (one character too many or too few)` };
  return { bytes };
}

/**
 * Standard padded base64 of `bytes`.
 * @example
 * base64Encode(new Uint8Array([77, 84, 104, 100])); // 'TVRoZA=='
 */
export function base64Encode(bytes: Uint8Array): string {
  return encode(bytes, STANDARD, true);
}

/** Decodes standard padded base64, or says where it is invalid. */
export function base64Decode(text: string): Base64Result {
  return decode(text, STANDARD_LOOKUP, true);
}

/**
 * Unpadded base64url of `bytes`, safe in URLs and fragments.
 * @example
 * base64UrlEncode(new Uint8Array([251, 255])); // '-_8'
 */
export function base64UrlEncode(bytes: Uint8Array): string {
  return encode(bytes, URL_SAFE, false);
}

/** Decodes unpadded base64url, or says where it is invalid. */
export function base64UrlDecode(text: string): Base64Result {
  return decode(text, URL_LOOKUP, false);
}
