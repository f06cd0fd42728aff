/** Document commands: new, open (text or file), save and save as, with problems reported to the user. */
import { createPatch, formatProblem, loadPatch, serializePatch } from '../../engine/patch';
import type { AppServices } from '../AppContext';
import { pickFile, saveFile, type SaveHandle } from './fileSystem';

const handles = new WeakMap<object, SaveHandle | null>();

/** A file name for the patch: the current one, else its title made file-safe. */
export function patchFileName(app: AppServices): string {
  const s = app.editor.state.get();
  if (s.fileName) return s.fileName;
  const slug = (s.patch.meta.title || 'patch').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'patch';
  return `${slug}.genpatch.json`;
}

/** Starts an empty patch. */
export function newPatch(app: AppServices): void {
  app.player.stop();
  handles.delete(app.editor);
  app.editor.load(createPatch(), null);
}

/**
 * Loads patch text into the editor; returns false (and reports the problems) when it cannot load.
 * @example
 * openPatchText(app, text, 'song.genpatch.json');
 */
export function openPatchText(app: AppServices, text: string, fileName: string | null): boolean {
  const { patch, problems } = loadPatch(text, app.registry, { fileName: fileName ?? undefined });
  if (!patch) {
    const errors = problems.filter((p) => p.severity === 'error');
    app.notify(`Cannot open ${fileName ?? 'the patch'}: ${errors.slice(0, 3).map(formatProblem).join('; ')}${errors.length > 3 ? ` (+${errors.length - 3} more)` : ''}`, 'error');
    return false;
  }
  app.player.stop();
  handles.delete(app.editor);
  app.editor.load(patch, fileName);
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (warnings.length) app.notify(`Opened with ${warnings.length} warning(s): ${formatProblem(warnings[0])}`);
  else app.notify(`Opened ${patch.meta.title}`);
  return true;
}

/** Asks for a patch file and opens it. */
export async function openPatchFile(app: AppServices): Promise<void> {
  const file = await pickFile('.json,.genpatch.json,application/json');
  if (file) openPatchText(app, await file.text(), file.name);
}

/** Saves the patch (to the same file where possible); `saveAs` always asks for a name. */
export async function savePatch(app: AppServices, saveAs: boolean): Promise<void> {
  const text = serializePatch(app.editor.state.get().patch);
  const saved = await saveFile(text, patchFileName(app), 'application/json', handles.get(app.editor) ?? null, saveAs);
  if (!saved) return;
  handles.set(app.editor, saved.handle);
  app.editor.markSaved(saved.name);
  app.notify(`Saved ${saved.name}`);
}
