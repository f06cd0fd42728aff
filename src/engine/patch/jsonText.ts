/**
 * Turns patch text into plain JSON data safely: refuses files over the size limit before parsing,
 * reports malformed JSON with its line and column, and (cleanJson) rebuilds every object without
 * the keys `__proto__`, `constructor` and `prototype`, which are refused wherever they appear.
 */
import { findJsonSyntaxError, MAX_JSON_DEPTH } from './jsonSyntax';
import { describeJson, type PathSegment, type ProblemList } from './problems';

/** The largest patch file accepted: 10 MB (embedded assets included). */
export const MAX_PATCH_BYTES = 10 * 1024 * 1024;

/** Keys refused anywhere in a patch, so no parsed object can ever alter a prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A JSON object as the loader sees it. */
export type JsonObject = { [key: string]: unknown };

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Number of bytes `text` takes in UTF-8. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

const megabytes = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/**
 * A copy of parsed JSON without the forbidden keys, reporting each one (and excessive nesting).
 * @example
 * cleanJson(JSON.parse('{"a": {"__proto__": {}}}'), problems); // { a: {} }; problems: $.a.__proto__: the key "__proto__" is not allowed…
 */
export function cleanJson(value: unknown, problems: ProblemList): unknown {
  return sanitize(value, [], problems);
}

function sanitize(value: unknown, path: PathSegment[], problems: ProblemList): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (path.length > MAX_JSON_DEPTH) {
    problems.error(path, `nesting deeper than ${MAX_JSON_DEPTH} levels`);
    return null;
  }
  if (Array.isArray(value)) return value.map((item, i) => sanitize(item, [...path, i], problems));
  const clean: JsonObject = {};
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      problems.error([...path, key], `the key "${key}" is not allowed in a patch (refused: it could alter object prototypes)`);
      continue;
    }
    clean[key] = sanitize((value as JsonObject)[key], [...path, key], problems);
  }
  return clean;
}

/**
 * Parses patch text (size check, then JSON.parse), or returns undefined after recording why it
 * cannot. The result still has to go through cleanJson.
 * @example
 * const problems = new ProblemList();
 * parsePatchText('{"format": "genpatch",}', problems); // undefined; problems: malformed JSON at line 1, column 23
 */
export function parsePatchText(text: string, problems: ProblemList): unknown {
  if (typeof text !== 'string') {
    problems.error([], `expected the patch as text, got ${describeJson(text)}`);
    return undefined;
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const size = body.length > MAX_PATCH_BYTES ? body.length : utf8Length(body);
  if (size > MAX_PATCH_BYTES) {
    const shown = body.length > MAX_PATCH_BYTES ? `at least ${megabytes(size)}` : megabytes(size);
    problems.error([], `the file is ${shown} (${size} bytes); patches are limited to ${megabytes(MAX_PATCH_BYTES)} (${MAX_PATCH_BYTES} bytes)`);
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    const found = findJsonSyntaxError(body);
    const reason = found ? `line ${found.line}, column ${found.column}: ${found.message}` : String((e as Error).message);
    problems.error([], `malformed JSON at ${reason}`);
    return undefined;
  }
  return parsed;
}
