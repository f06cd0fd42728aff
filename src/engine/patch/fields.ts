/**
 * Field readers for patch validation: each reads one field of a JSON object, records a problem
 * at the field's exact JSON path when it is missing or of the wrong type, and returns the value
 * or undefined.
 */
import { isJsonObject, type JsonObject } from './jsonText';
import { describeJson, type PathSegment, type ProblemList } from './problems';

/** Where a field lives: the object, its path, and the shared problem list. */
export interface FieldSource {
  obj: JsonObject;
  path: readonly PathSegment[];
  problems: ProblemList;
}

function present(src: FieldSource, key: string, required: boolean): boolean {
  if (src.obj[key] !== undefined) return true;
  if (required) src.problems.error([...src.path, key], `missing required field "${key}"`);
  return false;
}

function wrong(src: FieldSource, key: string, expected: string): undefined {
  src.problems.error([...src.path, key], `"${key}" must be ${expected}, got ${describeJson(src.obj[key])}`);
  return undefined;
}

/** A string field; `nonEmpty` also refuses "". */
export function readString(src: FieldSource, key: string, opts: { required?: boolean; nonEmpty?: boolean } = {}): string | undefined {
  if (!present(src, key, opts.required ?? true)) return undefined;
  const v = src.obj[key];
  if (typeof v !== 'string') return wrong(src, key, 'a string');
  if (opts.nonEmpty && v === '') return wrong(src, key, 'a non-empty string');
  return v;
}

/** An integer field, at least `min`. */
export function readInteger(src: FieldSource, key: string, min: number, required = true): number | undefined {
  if (!present(src, key, required)) return undefined;
  const v = src.obj[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) return wrong(src, key, `an integer ≥ ${min}`);
  return v;
}

/** A finite number field, optionally strictly positive. */
export function readNumber(src: FieldSource, key: string, opts: { positive?: boolean } = {}): number | undefined {
  if (!present(src, key, true)) return undefined;
  const v = src.obj[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) return wrong(src, key, 'a finite number');
  if (opts.positive && v <= 0) return wrong(src, key, 'a number > 0');
  return v;
}

/** An object field, returned as a FieldSource for reading its own fields. */
export function readObject(src: FieldSource, key: string, required = true): FieldSource | undefined {
  if (!present(src, key, required)) return undefined;
  const v = src.obj[key];
  if (!isJsonObject(v)) return wrong(src, key, 'an object');
  return { obj: v, path: [...src.path, key], problems: src.problems };
}

/** An array field. */
export function readArray(src: FieldSource, key: string, required = true): unknown[] | undefined {
  if (!present(src, key, required)) return undefined;
  const v = src.obj[key];
  if (!Array.isArray(v)) return wrong(src, key, 'an array');
  return v;
}

/** An array of strings; each bad element is reported at its index. */
export function readStringList(src: FieldSource, key: string, required = true): string[] | undefined {
  const list = readArray(src, key, required);
  if (!list) return undefined;
  const out: string[] = [];
  list.forEach((item, i) => {
    if (typeof item === 'string') out.push(item);
    else src.problems.error([...src.path, key, i], `must be a string, got ${describeJson(item)}`);
  });
  return out.length === list.length ? out : undefined;
}

/** An optional `{x, y}` canvas position; missing means the origin. */
export function readPosition(src: FieldSource, key = 'position'): { x: number; y: number } | undefined {
  const pos = readObject(src, key, false);
  if (src.obj[key] === undefined) return { x: 0, y: 0 };
  if (!pos) return undefined;
  const x = readNumber(pos, 'x');
  const y = readNumber(pos, 'y');
  return x === undefined || y === undefined ? undefined : { x, y };
}

/** `value` as an object element of a list, or undefined after reporting what it is instead. */
export function asObject(value: unknown, path: readonly PathSegment[], problems: ProblemList, what: string): FieldSource | undefined {
  if (isJsonObject(value)) return { obj: value, path, problems };
  problems.error(path, `expected ${what} object, got ${describeJson(value)}`);
  return undefined;
}

/** Warns about every key of `src` outside `known`: it is ignored and not written back. */
export function warnUnknownKeys(src: FieldSource, known: readonly string[], what: string): void {
  for (const key of Object.keys(src.obj)) {
    if (!known.includes(key)) src.problems.warn([...src.path, key], `unknown field "${key}" in ${what}: ignored, and dropped when saved`);
  }
}
