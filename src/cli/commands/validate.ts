/** `genpatch validate PATCH`: prints every problem with its JSON path; exit code 1 when invalid. */
import type { NodeRegistry } from '../../engine/registry';
import { problemLines, readPatchFile } from '../patchFile';

/** Validates each file; returns the exit code. */
export function validateCommand(paths: string[], registry: NodeRegistry, out: (line: string) => void): number {
  let invalid = 0;
  for (const path of paths) {
    const file = readPatchFile(path, registry);
    for (const line of problemLines([...file.errors, ...file.warnings], file.fileName)) out(line);
    if (file.errors.length || !file.patch) {
      invalid++;
      out(`${path}: invalid (${file.errors.length} error${file.errors.length === 1 ? '' : 's'}, ${file.warnings.length} warning${file.warnings.length === 1 ? '' : 's'})`);
    } else {
      out(`${path}: valid${file.warnings.length ? ` with ${file.warnings.length} warning${file.warnings.length === 1 ? '' : 's'}` : ''} (${file.patch.nodes.length} nodes, ${file.patch.edges.length} edges)`);
    }
  }
  return invalid ? 1 : 0;
}
