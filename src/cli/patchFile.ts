/** Reads a patch file from disk and loads it, turning every problem into printable lines. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { formatProblem, loadPatch, MAX_PATCH_BYTES, type Patch, type Problem } from '../engine/patch';
import type { NodeRegistry } from '../engine/registry';
import { UserError } from './errors';

/** A loaded patch with its problems, errors and warnings apart. */
export interface PatchFile {
  patch: Patch | null;
  errors: Problem[];
  warnings: Problem[];
  fileName: string;
}

/** Reads `path` and validates it against the registry; a missing or unreadable file is a UserError. */
export function readPatchFile(path: string, registry: NodeRegistry): PatchFile {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_PATCH_BYTES) {
      throw new UserError(`${path}: ${(size / 1e6).toFixed(1)} MB is larger than the ${MAX_PATCH_BYTES / 1e6} MB patch limit`);
    }
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? String(err)})`);
  }
  const fileName = basename(path);
  const { patch, problems } = loadPatch(text, registry, { fileName });
  return {
    patch,
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
    fileName,
  };
}

/** One line per problem, prefixed with the file name. */
export function problemLines(problems: readonly Problem[], fileName: string): string[] {
  return problems.map((p) => formatProblem({ ...p, file: p.file ?? fileName }));
}
