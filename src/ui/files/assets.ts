/** Embeds a user file in the patch as an asset (engine's addAsset: base64 with its sha256) through an undoable action. */
import { addAsset } from '../../engine/patch';
import type { Editor } from '../state/editor';

/** MIME type guessed from a file name when the browser gives none. */
export function mimeOf(name: string, given = ''): string {
  if (given && given.includes('/')) return given;
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'mid' || ext === 'midi' ? 'audio/midi' : ext === 'wav' ? 'audio/wav' : ext === 'json' ? 'application/json' : 'application/octet-stream';
}

/**
 * Adds `bytes` as an asset (reusing an identical one already embedded) and returns its id.
 * @example
 * const id = embedBytes(editor, 'riff.mid', 'audio/midi', bytes);
 */
export function embedBytes(editor: Editor, name: string, mime: string, bytes: Uint8Array): string {
  const patch = editor.state.get().patch;
  const scratch = { ...patch, assets: { ...patch.assets } };
  const id = addAsset(scratch, name, mime, bytes);
  if (scratch.assets[id] !== patch.assets[id]) editor.dispatch({ type: 'addAsset', id, asset: scratch.assets[id] });
  return id;
}

/** Reads a File and embeds it; returns the asset id. */
export async function embedFile(editor: Editor, file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return embedBytes(editor, file.name, mimeOf(file.name, file.type), bytes);
}
