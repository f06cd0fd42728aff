/**
 * Share links: the patch's compact JSON, deflated (fflate) and written in base64url, carried in a
 * URL fragment as `#patch=…` (fragments never reach the server). Decoding checks every step and
 * says which one failed; the inflated size is capped at MAX_PATCH_BYTES.
 */
import { deflateSync, inflateSync } from 'fflate';
import type { NodeRegistry } from '../registry';
import { base64UrlDecode, base64UrlEncode } from './base64';
import { MAX_PATCH_BYTES } from './jsonText';
import { loadPatch, type LoadResult } from './loadPatch';
import type { Problem } from './problems';
import { patchDocument } from './serializePatch';
import type { Patch } from './types';

/** The fragment key of a share link: `#patch=<base64url of deflated JSON>`. */
export const SHARE_LINK_KEY = 'patch';

/** What decoding a share link gives: the patch JSON text, or the problems saying why not. */
export interface DecodedShareLink {
  text: string | null;
  problems: Problem[];
}

/**
 * The URL fragment (without '#') that carries `patch`.
 * @example
 * location.hash = encodeShareLink(patch); // '#patch=q1YqSi0uyc…'
 */
export function encodeShareLink(patch: Patch): string {
  const json = JSON.stringify(patchDocument(patch));
  return `${SHARE_LINK_KEY}=${base64UrlEncode(deflateSync(new TextEncoder().encode(json), { level: 9 }))}`;
}

/** The base64url payload of a fragment, a '#fragment' or a whole URL, or undefined when absent. */
function payloadOf(fragment: string): string | undefined {
  const hash = fragment.includes('#') ? fragment.slice(fragment.indexOf('#') + 1) : fragment;
  for (const part of hash.split('&')) {
    if (part.startsWith(`${SHARE_LINK_KEY}=`)) return part.slice(SHARE_LINK_KEY.length + 1);
  }
  return undefined;
}

const failed = (message: string): DecodedShareLink => ({ text: null, problems: [{ path: '$', message, severity: 'error', file: 'share link' }] });

/**
 * Decodes a share link (fragment, '#fragment' or whole URL) back to patch JSON text.
 * @example
 * const { text, problems } = decodeShareLink(location.hash);
 */
export function decodeShareLink(fragment: string): DecodedShareLink {
  if (typeof fragment !== 'string') return failed('a share link must be text');
  const payload = payloadOf(fragment.trim());
  if (payload === undefined) return failed(`the link carries no patch (expected a fragment "#${SHARE_LINK_KEY}=…")`);
  if (payload === '') return failed('the link carries an empty patch: it was probably cut off');
  if (payload.length > MAX_PATCH_BYTES) return failed(`the link is ${payload.length} characters long; links are limited to ${MAX_PATCH_BYTES}`);
  const decoded = base64UrlDecode(payload);
  if (decoded.error !== undefined) return failed(`the link is damaged (not base64url: ${decoded.error})`);
  // One byte more than the limit: if it fills up, the patch is too big (fflate truncates to `out`).
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(decoded.bytes, { out: new Uint8Array(MAX_PATCH_BYTES + 1) });
  } catch (e) {
    return failed(`the link is damaged or cut off (decompression failed: ${(e as Error)?.message ?? String(e)})`);
  }
  if (inflated.length > MAX_PATCH_BYTES) return failed(`the patch in the link is larger than ${MAX_PATCH_BYTES} bytes once decompressed`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(inflated), problems: [] };
  } catch {
    return failed('the link is damaged (its content is not UTF-8 text)');
  }
}

/**
 * Decodes a share link and loads its patch (problems name the file "share link").
 * @example
 * const { patch, problems } = loadShareLink(location.hash, registry);
 */
export function loadShareLink(fragment: string, registry: NodeRegistry): LoadResult {
  const { text, problems } = decodeShareLink(fragment);
  return text === null ? { patch: null, problems } : loadPatch(text, registry, { fileName: 'share link' });
}
