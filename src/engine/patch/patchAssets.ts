/** Making patches and their embedded assets: an empty patch, adding a file, reading its bytes back. */
import { base64Decode, base64Encode } from './base64';
import { FORBIDDEN_KEYS, MAX_PATCH_BYTES } from './jsonText';
import { sha256Hex } from './sha256';
import { PATCH_FORMAT, PATCH_VERSION, type Patch, type PatchMeta } from './types';

/**
 * An empty patch of the current format version.
 * @example
 * const patch = createPatch({ title: 'Markov melody', author: 'Ada' });
 */
export function createPatch(meta: Partial<PatchMeta> = {}): Patch {
  return {
    format: PATCH_FORMAT,
    version: PATCH_VERSION,
    meta: { ...meta, title: meta.title ?? 'Untitled patch' },
    nodes: [],
    edges: [],
    comments: [],
    groups: [],
    assets: {},
  };
}

/** An asset id made from a file name: lowercase letters, digits, '.', '-' and '_'. */
function idFromName(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' || FORBIDDEN_KEYS.has(slug) ? `asset-${slug || 'file'}` : slug;
}

/**
 * Embeds `bytes` in `patch.assets` (mutating it, so it works on an immer draft) and returns the
 * asset id: the file name made id-safe, with a numeric suffix if taken. The same bytes under the
 * same name reuse the existing asset.
 * @example
 * const id = addAsset(patch, 'melody.mid', 'audio/midi', midiBytes); // 'melody.mid'
 * patch.nodes[0].params.file = id;
 */
export function addAsset(patch: Patch, name: string, mime: string, bytes: Uint8Array): string {
  if (typeof name !== 'string' || name.trim() === '') throw new Error('addAsset: the asset needs a file name');
  if (typeof mime !== 'string' || !mime.includes('/')) throw new Error(`addAsset: "${mime}" is not a mime type like "audio/midi"`);
  if (!(bytes instanceof Uint8Array)) throw new Error(`addAsset: the content of "${name}" must be a Uint8Array`);
  if (Math.ceil(bytes.length / 3) * 4 > MAX_PATCH_BYTES) {
    throw new Error(`addAsset: "${name}" is ${(bytes.length / 1048576).toFixed(1)} MB; a whole patch holds at most ${MAX_PATCH_BYTES / 1048576} MB`);
  }
  const data = base64Encode(bytes);
  const sha256 = sha256Hex(bytes);
  const base = idFromName(name);
  const dot = base.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${stem}-${n}${ext}`;
    const existing = Object.hasOwn(patch.assets, id) ? patch.assets[id] : undefined;
    if (existing && existing.sha256 === sha256 && existing.name === name) return id;
    if (!existing) {
      patch.assets[id] = { name, mime, sha256, data };
      return id;
    }
  }
}

/**
 * The bytes of asset `id`; throws a clear error if the patch lacks it or its data is damaged.
 * @example
 * const midi = assetBytes(patch, 'melody.mid');
 */
export function assetBytes(patch: Patch, id: string): Uint8Array {
  const asset = Object.hasOwn(patch.assets, id) ? patch.assets[id] : undefined;
  if (!asset) {
    const known = Object.keys(patch.assets);
    throw new Error(`the patch has no asset "${id}" (${known.length ? `assets: ${known.join(', ')}` : 'it has no assets'})`);
  }
  const decoded = base64Decode(asset.data);
  if (decoded.error !== undefined) throw new Error(`asset "${id}" (${asset.name}) is damaged: ${decoded.error}`);
  return decoded.bytes;
}
