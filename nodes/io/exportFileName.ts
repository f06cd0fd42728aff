/** File names of export nodes: checked to be plain names, given their extension when it is missing. */

/**
 * A file name an export writes to: trimmed, without folders, ending in one of `extensions` (the
 * first is appended when none matches). Throws, naming the node type, on an empty name or a path.
 * @example
 * exportFileName('song', ['.mid', '.midi'], 'export.midi'); // 'song.mid'
 */
export function exportFileName(name: string, extensions: readonly string[], nodeType: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === '.' || trimmed === '..') throw new Error(`${nodeType}: the file name is empty`);
  if (/[/\\:\u0000-\u001f]/.test(trimmed)) {
    throw new Error(`${nodeType}: file name "${name}" must be a plain name without folders, ":" or control characters`);
  }
  const lower = trimmed.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext)) ? trimmed : trimmed + extensions[0];
}
