/**
 * Reads `assets` (embedded files: name, mime, sha256, base64 data), verifies each sha256 against
 * its decoded bytes, and checks that asset params of nodes name assets that exist.
 */
import { base64Decode } from './base64';
import { readObject, readString, warnUnknownKeys, type FieldSource } from './fields';
import type { PathSegment, ProblemList } from './problems';
import type { LoadedNode } from './readNodes';
import { sha256Hex } from './sha256';
import type { PatchAsset } from './types';

const SHA256_HEX = /^[0-9a-f]{64}$/;

function readAsset(src: FieldSource, id: string): PatchAsset | undefined {
  const name = readString(src, 'name', { nonEmpty: true });
  const mime = readString(src, 'mime', { nonEmpty: true });
  const sha256 = readString(src, 'sha256');
  const data = readString(src, 'data');
  warnUnknownKeys(src, ['name', 'mime', 'sha256', 'data'], `asset "${id}"`);
  if (sha256 !== undefined && !SHA256_HEX.test(sha256)) {
    src.problems.error([...src.path, 'sha256'], `asset "${id}": sha256 must be 64 lowercase hex digits, got ${JSON.stringify(sha256.slice(0, 80))}`);
  }
  if (data === undefined) return undefined;
  const decoded = base64Decode(data);
  if (decoded.error !== undefined) {
    src.problems.error([...src.path, 'data'], `asset "${id}": data is not valid base64: ${decoded.error}`);
  } else if (sha256 !== undefined && SHA256_HEX.test(sha256)) {
    const actual = sha256Hex(decoded.bytes);
    if (actual !== sha256) {
      src.problems.error([...src.path, 'sha256'],
        `asset "${id}" (${name ?? 'unnamed'}): sha256 mismatch: the data hashes to ${actual} but the file says ${sha256} (the data is damaged or was edited)`);
    }
  }
  // Kept even when damaged (the load then fails anyway), so asset params report no false "missing asset".
  return name === undefined || mime === undefined || sha256 === undefined ? undefined : { name, mime, sha256, data };
}

/** Reads the optional `assets` object: asset id → asset. */
export function readAssets(doc: FieldSource): Record<string, PatchAsset> {
  const assets: Record<string, PatchAsset> = {};
  const src = readObject(doc, 'assets', false);
  if (!src) return assets;
  for (const id of Object.keys(src.obj)) {
    if (id === '') {
      src.problems.error([...src.path, id], 'asset ids must not be empty');
      continue;
    }
    const entry = readObject(src, id);
    const asset = entry && readAsset(entry, id);
    if (asset) assets[id] = asset;
  }
  return assets;
}

/** True when `asset` matches one accepted entry: an extension (".mid"), a mime ("audio/wav") or a mime family ("audio/*"). */
export function assetAccepted(asset: PatchAsset, accept: readonly string[]): boolean {
  if (accept.length === 0) return true;
  const name = asset.name.toLowerCase();
  const mime = asset.mime.toLowerCase();
  return accept.some((raw) => {
    const a = raw.toLowerCase();
    if (a.endsWith('/*')) return mime.startsWith(a.slice(0, -1));
    if (a.includes('/')) return mime === a;
    return name.endsWith(a.startsWith('.') ? a : `.${a}`);
  });
}

/** The asset ids an asset param value names, with their index when the param holds a list. */
function namedAssets(value: unknown): { id: string; at?: number }[] {
  if (typeof value === 'string') return [{ id: value }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((id, at) => (typeof id === 'string' ? [{ id, at }] : []));
}

/** Checks every asset param of every known node: each id must exist and be of an accepted kind. */
export function checkAssetParams(nodes: readonly LoadedNode[], assets: Readonly<Record<string, PatchAsset>>, problems: ProblemList): void {
  const known = Object.keys(assets);
  const listed = known.length ? `assets: ${known.join(', ')}` : 'the patch has no assets';
  for (const { node, index, def } of nodes) {
    for (const [name, spec] of Object.entries(def?.params ?? {})) {
      if (spec.kind !== 'asset') continue;
      const where = `param "${name}" of node "${node.id}" (type ${node.type})`;
      for (const { id, at } of namedAssets(node.params[name])) {
        const path: PathSegment[] = at === undefined ? ['nodes', index, 'params', name] : ['nodes', index, 'params', name, at];
        const asset = Object.hasOwn(assets, id) ? assets[id] : undefined;
        if (!asset) problems.error(path, `${where} refers to asset "${id}", which is not in $.assets (${listed})`);
        else if (!assetAccepted(asset, spec.accept)) {
          problems.warn(path, `${where}: asset "${id}" (${asset.name}, ${asset.mime}) is not one of the accepted kinds: ${spec.accept.join(', ')}`);
        }
      }
    }
  }
}
