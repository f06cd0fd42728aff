/**
 * Loading a patch: text → clean JSON → format and version checks → migrations → every section
 * read and checked against the registry. Everything is synchronous (sha256.ts is a sync hash).
 * The loader never throws: every problem is reported with its JSON path, and a patch is returned
 * only when there is no error (warnings still load).
 */
import type { NodeRegistry } from '../registry';
import { readArray, type FieldSource } from './fields';
import { checkDuplicateIds, checkEdges, checkGroups } from './graphChecks';
import { cleanJson, isJsonObject, parsePatchText, type JsonObject } from './jsonText';
import { migratePatchDocument } from './migrations';
import { describeJson, ProblemList, type Problem } from './problems';
import { checkAssetParams, readAssets } from './readAssets';
import { readNodes } from './readNodes';
import { readComment, readEdge, readGroup, readList, readMeta } from './readSections';
import { PATCH_FORMAT, PATCH_VERSION, type Patch } from './types';

/** The outcome of a load: the patch (null when any problem is an error) and every problem found. */
export interface LoadResult {
  patch: Patch | null;
  problems: Problem[];
}

/** Options of a load. */
export interface LoadOptions {
  /** Named in every problem (`file`), e.g. 'drums.genpatch.json'. */
  fileName?: string;
}

/** The top-level fields of format version 1. */
const TOP_FIELDS = ['format', 'version', 'meta', 'nodes', 'edges', 'comments', 'groups', 'assets'];

/** Checks `format` and `version`; returns the document migrated to PATCH_VERSION, or undefined. */
function checkAndMigrate(value: unknown, problems: ProblemList): JsonObject | undefined {
  if (!isJsonObject(value)) {
    problems.error([], `expected a patch object {"format": "${PATCH_FORMAT}", "version": …}, got ${describeJson(value)}`);
    return undefined;
  }
  const errorsBefore = problems.items.length;
  const format = value.format;
  if (format === undefined) problems.error(['format'], `missing required field "format" (expected "${PATCH_FORMAT}")`);
  else if (typeof format !== 'string') problems.error(['format'], `"format" must be "${PATCH_FORMAT}", got ${describeJson(format)}`);
  else if (format !== PATCH_FORMAT) problems.error(['format'], `unknown format "${format}" (expected "${PATCH_FORMAT}")`);
  const version = value.version;
  if (version === undefined) problems.error(['version'], 'missing required field "version"');
  else if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    problems.error(['version'], `"version" must be an integer ≥ 0, got ${describeJson(version)}`);
  } else if (version > PATCH_VERSION) {
    problems.error(['version'], `format version ${version} is newer than this build supports (${PATCH_VERSION}): update genpatch to open this patch`);
  }
  // Without a known format and version, the rest of the file cannot be interpreted.
  if (problems.items.length > errorsBefore) return undefined;
  if (version !== PATCH_VERSION) {
    problems.warn(['version'], `format version ${version} migrated to ${PATCH_VERSION}; the patch is saved as version ${PATCH_VERSION}`);
  }
  return migratePatchDocument(value, problems);
}

/** Reads and checks every section of a migrated document. */
function readPatch(doc: FieldSource, registry: NodeRegistry): Patch | undefined {
  const { problems } = doc;
  for (const key of Object.keys(doc.obj)) {
    if (!TOP_FIELDS.includes(key)) problems.warn([key], `unknown top-level field "${key}": ignored, and dropped when saved`);
  }
  const meta = readMeta(doc);
  const nodes = readNodes(readArray(doc, 'nodes') ?? [], registry, problems);
  const edges = readList(readArray(doc, 'edges') ?? [], 'edges', problems, 'an edge', readEdge);
  const comments = readList(readArray(doc, 'comments', false) ?? [], 'comments', problems, 'a comment', readComment);
  const groups = readList(readArray(doc, 'groups', false) ?? [], 'groups', problems, 'a group', readGroup);
  const assets = readAssets(doc);
  checkDuplicateIds(nodes.map((n) => ({ id: n.node.id, index: n.index })), 'nodes', 'node', problems);
  checkDuplicateIds(edges.map((e) => ({ id: e.value.id, index: e.index })), 'edges', 'edge', problems);
  checkDuplicateIds(comments.map((c) => ({ id: c.value.id, index: c.index })), 'comments', 'comment', problems);
  checkDuplicateIds(groups.map((g) => ({ id: g.value.id, index: g.index })), 'groups', 'group', problems);
  const assetIds = new Set(isJsonObject(doc.obj.assets) ? Object.keys(doc.obj.assets) : []);
  checkEdges(nodes, edges, registry, assetIds, problems);
  checkAssetParams(nodes, assets, problems);
  checkGroups(groups, nodes.map((n) => n.node), problems);
  if (!meta || problems.hasErrors()) return undefined;
  return {
    format: PATCH_FORMAT,
    version: PATCH_VERSION,
    meta,
    nodes: nodes.map((n) => n.node),
    edges: edges.map((e) => e.value),
    comments: comments.map((c) => c.value),
    groups: groups.map((g) => g.value),
    assets,
  };
}

function finish(problems: ProblemList, patch: Patch | undefined, opts: LoadOptions): LoadResult {
  const items = opts.fileName === undefined ? problems.items : problems.items.map((p) => ({ ...p, file: opts.fileName }));
  return { patch: patch && !problems.hasErrors() ? patch : null, problems: items };
}

/** The sync core shared by loadPatch and callers holding parsed JSON; `value` is cleaned first. */
function validateInto(value: unknown, registry: NodeRegistry, problems: ProblemList): Patch | undefined {
  try {
    const clean = cleanJson(value, problems);
    const doc = checkAndMigrate(clean, problems);
    return doc && readPatch({ obj: doc, path: [], problems }, registry);
  } catch (e) {
    // The checks above are written not to throw; this keeps the "never throws" promise if one does.
    problems.error([], `internal error while checking the patch: ${(e as Error)?.message ?? String(e)} (please report it)`);
    return undefined;
  }
}

/**
 * Validates an already-parsed patch (e.g. JSON taken from a MIDI meta event or a WAV chunk).
 * @example
 * const { patch, problems } = validatePatchObject(JSON.parse(text), registry);
 */
export function validatePatchObject(value: unknown, registry: NodeRegistry, opts: LoadOptions = {}): LoadResult {
  const problems = new ProblemList();
  return finish(problems, validateInto(value, registry, problems), opts);
}

/**
 * Loads a `*.genpatch.json` text: never throws; reports every problem with its JSON path.
 * @example
 * const { patch, problems } = loadPatch(text, registry, { fileName: 'drums.genpatch.json' });
 * if (!patch) console.error(problems.map(formatProblem).join('\n'));
 */
export function loadPatch(text: string, registry: NodeRegistry, opts: LoadOptions = {}): LoadResult {
  const problems = new ProblemList();
  const parsed = parsePatchText(text, problems);
  const patch = problems.hasErrors() ? undefined : validateInto(parsed, registry, problems);
  return finish(problems, patch, opts);
}
