/** Load problems: what is wrong in a patch file, where (a JSON path) and how bad. */

/** One problem found while loading a patch, located by a JSON path such as `$.nodes[2].params.order`. */
export interface Problem {
  path: string;
  message: string;
  severity: 'error' | 'warning';
  /** The file the patch came from, when the caller named it. */
  file?: string;
}

/** A step of a JSON path: an object key or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Writes path segments as a JSON path: identifiers with dots, other keys quoted in brackets.
 * @example
 * jsonPath(['nodes', 2, 'params', 'order']); // '$.nodes[2].params.order'
 * jsonPath(['assets', 'kick drum.wav']);     // '$.assets["kick drum.wav"]'
 */
export function jsonPath(segments: readonly PathSegment[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += IDENTIFIER.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Collects problems during one load; paths are given as segments and written as JSON paths. */
export class ProblemList {
  readonly items: Problem[] = [];

  /** Records an error at `path`. */
  error(path: readonly PathSegment[], message: string): void {
    this.items.push({ path: jsonPath(path), message, severity: 'error' });
  }

  /** Records a warning at `path`. */
  warn(path: readonly PathSegment[], message: string): void {
    this.items.push({ path: jsonPath(path), message, severity: 'warning' });
  }

  /** True when at least one error (not only warnings) was recorded. */
  hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}

/**
 * One line for a terminal or a list: file, JSON path and message; warnings say so.
 * @example
 * formatProblem({ file: 'patch.genpatch.json', path: '$.edges[3].to.port', severity: 'error',
 *   message: 'unknown input "foo" on node "synth1" (type instrument.poly)' });
 * // 'patch.genpatch.json $.edges[3].to.port: unknown input "foo" on node "synth1" (type instrument.poly)'
 */
export function formatProblem(p: Problem): string {
  const where = p.file ? `${p.file} ${p.path}` : p.path;
  return p.severity === 'warning' ? `${where}: warning: ${p.message}` : `${where}: ${p.message}`;
}

/** Describes a JSON value's type for messages: "a string", "an array", "null"… */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  return value === undefined ? 'nothing' : `a ${typeof value} value`;
}
