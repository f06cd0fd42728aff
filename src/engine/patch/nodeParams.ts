/**
 * Params of a known node on load: migrates them from the saved node version, checks each value
 * against its spec (checkParam), warns about unknown names and fills missing ones with defaults.
 */
import type { NodeDef } from '../node';
import { checkParam } from '../params';
import { isJsonObject, type JsonObject } from './jsonText';
import { describeJson, type PathSegment, type ProblemList } from './problems';

/** The saved params of one node and where they sit in the file. */
export interface SavedParams {
  nodeId: string;
  params: JsonObject;
  /** Node version that saved the params. */
  version: number;
  /** Path of the node object. */
  path: readonly PathSegment[];
}

/** Runs def.migrate when the saved version is older; returns the params to check, or undefined if it failed. */
function migrateParams(def: NodeDef, saved: SavedParams, problems: ProblemList): JsonObject | undefined {
  const where = `node "${saved.nodeId}" (type ${def.type})`;
  if (saved.version > def.version) {
    problems.warn([...saved.path, 'version'],
      `${where} was saved by version ${saved.version} of its type, newer than this build's version ${def.version}: its params may not load as intended`);
    return saved.params;
  }
  if (saved.version === def.version || !def.migrate) return saved.params;
  try {
    const migrated: unknown = def.migrate(structuredClone(saved.params), saved.version);
    if (isJsonObject(migrated)) return migrated;
    problems.error([...saved.path, 'params'], `migrating the params of ${where} from version ${saved.version} returned ${describeJson(migrated)}, not an object`);
  } catch (e) {
    problems.error([...saved.path, 'version'], `migrating the params of ${where} from version ${saved.version} to ${def.version} failed: ${(e as Error)?.message ?? String(e)}`);
  }
  return undefined;
}

/**
 * The full params of a known node: saved values that pass checkParam, plus defaults for the rest.
 * Bad values are errors (the patch then does not load); unknown names are warnings, dropped.
 * @example
 * resolveParams(transposeDef, { nodeId: 't1', params: { semitones: 99 }, version: 1, path: ['nodes', 0] }, problems);
 * // problems: $.nodes[0].params.semitones: param "semitones" of node "t1" (type notes.transpose): 99 is above the maximum 48
 */
export function resolveParams(def: NodeDef, saved: SavedParams, problems: ProblemList): Record<string, unknown> {
  const params = migrateParams(def, saved, problems) ?? {};
  const where = `node "${saved.nodeId}" (type ${def.type})`;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    const path = [...saved.path, 'params', name];
    if (!Object.hasOwn(def.params, name)) {
      const known = Object.keys(def.params);
      problems.warn(path, `unknown param "${name}" of ${where}: ignored, and dropped when saved (its params: ${known.length ? known.join(', ') : 'none'})`);
      continue;
    }
    const why = checkParam(def.params[name], value);
    if (why) problems.error(path, `param "${name}" of ${where}: ${why}`);
    else out[name] = value;
  }
  for (const [name, spec] of Object.entries(def.params)) {
    if (!Object.hasOwn(out, name)) out[name] = structuredClone(spec.default);
  }
  return out;
}
