/**
 * Patch format migrations: one step per version (N → N+1), applied in order on load until the
 * document reaches PATCH_VERSION. Steps work on plain JSON and report problems with paths into
 * the document as it was before the step.
 */
import { asObject, readArray } from './fields';
import { isJsonObject, type JsonObject } from './jsonText';
import { describeJson, type ProblemList } from './problems';
import { PATCH_VERSION } from './types';

/** One format migration step from version `from` to `from + 1`. */
export interface PatchMigration {
  from: number;
  /** What changed, for docs and messages. */
  description: string;
  /** Returns the migrated document (a new object); reports what it cannot migrate. */
  migrate(doc: JsonObject, problems: ProblemList): JsonObject;
}

/** Splits a v0 endpoint "node:port" at its last colon. */
function splitEndpoint(value: unknown): { node: string; port: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const colon = value.lastIndexOf(':');
  if (colon <= 0 || colon === value.length - 1) return undefined;
  return { node: value.slice(0, colon), port: value.slice(colon + 1) };
}

/** v0 (pre-release) → v1: `links` with "node:port" `source`/`target` strings become `edges`. */
const linksToEdges: PatchMigration = {
  from: 0,
  description: 'v0 `links: [{id?, source: "node:port", target: "node:port"}]` become `edges: [{id, from, to}]`',
  migrate(doc, problems) {
    const rest: JsonObject = { ...doc };
    delete rest.links;
    const links = readArray({ obj: doc, path: [], problems }, 'links') ?? [];
    const taken = new Set(links.map((l) => (isJsonObject(l) && typeof l.id === 'string' ? l.id : '')));
    let counter = 0;
    const freshId = (): string => {
      do counter++; while (taken.has(`e${counter}`));
      return `e${counter}`;
    };
    const edges: JsonObject[] = [];
    links.forEach((link, i) => {
      const src = asObject(link, ['links', i], problems, 'a link');
      if (!src) return;
      const from = splitEndpoint(src.obj.source);
      const to = splitEndpoint(src.obj.target);
      for (const [key, end] of [['source', from], ['target', to]] as const) {
        if (!end) problems.error(['links', i, key], `expected a "node:port" string, got ${describeJson(src.obj[key])}`);
      }
      if (from && to) edges.push({ id: typeof src.obj.id === 'string' ? src.obj.id : freshId(), from, to });
    });
    return { ...rest, edges };
  },
};

/** The format migrations of this build, oldest first. */
export const patchMigrations: readonly PatchMigration[] = [linksToEdges];

/**
 * Migrates `doc` from its `version` (an integer ≤ `target`, checked by the caller) to `target`,
 * or returns undefined after reporting a missing step.
 * @example
 * migratePatchDocument({ format: 'genpatch', version: 0, links: [] }, problems);
 * // { format: 'genpatch', version: 1, edges: [] }
 */
export function migratePatchDocument(
  doc: JsonObject,
  problems: ProblemList,
  steps: readonly PatchMigration[] = patchMigrations,
  target: number = PATCH_VERSION,
): JsonObject | undefined {
  let current = doc;
  for (let version = doc.version as number; version < target; version++) {
    const step = steps.find((s) => s.from === version);
    if (!step) {
      problems.error(['version'], `no migration from format version ${version} to ${version + 1}`);
      return undefined;
    }
    current = { ...step.migrate(current, problems), version: version + 1 };
  }
  return current;
}
