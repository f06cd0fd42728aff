/**
 * Files dropped on the canvas: a patch opens; a MIDI or WAV file that carries a patch reopens it;
 * otherwise the file is embedded and a source node reads it ('midi.file' for MIDI, 'audio.file' for WAV).
 */
import type { NodeDef } from '../../engine/node';
import type { NodeRegistry } from '../../engine/registry';
import { extractPatchFromMidi } from '../../music/midi';
import { extractPatchFromWav } from '../../dsp/wavRead';
import type { AppServices } from '../AppContext';
import { createNode } from '../canvas/nodeFactory';
import { embedBytes, mimeOf } from './assets';
import { openPatchText } from './documents';

/** Preferred source node types per file extension. */
const PREFERRED: Record<string, string[]> = {
  '.mid': ['midi.file'], '.midi': ['midi.file'], '.wav': ['audio.file'],
};

/** Imports each dropped file at `position` (flow coordinates). */
export async function importDroppedFiles(app: AppServices, files: File[], position: { x: number; y: number }): Promise<void> {
  for (const [i, file] of files.entries()) {
    try {
      await importFile(app, file, { x: position.x + i * 32, y: position.y + i * 32 });
    } catch (err) {
      app.notify(`Cannot import ${file.name}: ${(err as Error).message}`, 'error');
    }
  }
}

async function importFile(app: AppServices, file: File, position: { x: number; y: number }): Promise<void> {
  const name = file.name.toLowerCase();
  const ext = name.slice(name.lastIndexOf('.'));
  if (ext === '.json') {
    openPatchText(app, await file.text(), file.name);
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const embedded = ext === '.mid' || ext === '.midi' ? extractPatchFromMidi(bytes, file.name)
    : ext === '.wav' ? extractPatchFromWav(bytes, file.name) : null;
  if (embedded) {
    openPatchText(app, embedded, null);
    return;
  }
  const def = sourceNodeFor(app.registry, ext);
  if (!def) throw new Error(`no node type reads ${ext} files (expected ${(PREFERRED[ext] ?? ['a file source node']).join(' or ')})`);
  const assetParam = Object.entries(def.params).find(([, s]) => s.kind === 'asset');
  if (!assetParam) throw new Error(`${def.type} has no asset param to hold ${file.name}`);
  const { editor } = app;
  editor.seal();
  const id = embedBytes(editor, file.name, mimeOf(file.name, file.type), bytes);
  const node = createNode(editor.state.get().patch, def, position);
  const spec = assetParam[1];
  node.params[assetParam[0]] = spec.kind === 'asset' && spec.multiple ? [id] : id;
  node.title = file.name;
  editor.dispatch({ type: 'addNodes', nodes: [node] });
  editor.select([node.id]);
  app.notify(`Added ${file.name} as ${/^[aeiou]/i.test(def.title) ? 'an' : 'a'} ${def.title} node`);
}

/** The node type that reads files with extension `ext`: a preferred type, else any asset source accepting it. */
export function sourceNodeFor(registry: NodeRegistry, ext: string): NodeDef | undefined {
  for (const t of PREFERRED[ext] ?? []) {
    const d = registry.get(t);
    if (d) return d;
  }
  return registry.list().find((d) => Object.keys(d.inputs).length === 0
    && Object.values(d.params).some((s) => s.kind === 'asset' && s.accept.some((a) => a.toLowerCase() === ext || a.toLowerCase() === ext.slice(1))));
}
