/** The patch file format (`*.genpatch.json`): load, check, migrate, write, share. See docs/patch-format.md. */
export * from './types';
export { loadPatch, validatePatchObject, type LoadOptions, type LoadResult } from './loadPatch';
export { serializePatch, patchDocument } from './serializePatch';
export { createPatch, addAsset, assetBytes } from './patchAssets';
export { encodeShareLink, decodeShareLink, loadShareLink, SHARE_LINK_KEY, type DecodedShareLink } from './shareLink';
export { formatProblem, type Problem } from './problems';
export { isPlaceholder } from './readNodes';
export { patchMigrations, migratePatchDocument, type PatchMigration } from './migrations';
export { MAX_PATCH_BYTES } from './jsonText';
export { sha256Hex } from './sha256';
