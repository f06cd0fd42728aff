/** SHA-256 of model files: Web Crypto where present (page, Worker, Node ≥ 20), else the engine's sync hash. */
import { sha256Hex } from '../engine/patch/sha256';

/**
 * The SHA-256 digest of `bytes` as 64 lowercase hex digits.
 * @example
 * await sha256Of(new TextEncoder().encode('abc')); // 'ba7816bf…'
 */
export async function sha256Of(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256Hex(bytes);
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
