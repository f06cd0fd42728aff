/** Exports of what the patch rendered: MIDI of its notes and WAV of its output, each with the patch embedded. */
import { serializePatch } from '../../engine/patch';
import type { Patch } from '../../engine/patch/types';
import type { AudioClip, NoteSequence } from '../../engine/values';
import { writeWav } from '../../dsp/wavWrite';
import { writeMidi } from '../../music/midi';
import type { AppServices } from '../AppContext';
import { OUTPUT_NODE_TYPE } from '../run/outputAudio';
import { download } from './fileSystem';
import { patchFileName } from './documents';

const baseName = (app: AppServices): string => patchFileName(app).replace(/\.genpatch\.json$|\.json$/, '');

/**
 * Writes WAV files carrying the patch: one per 'export.wav' node (its file name and sample format),
 * else the output audio as 16-bit, once the run in flight (if any) ends; false when there is no rendered audio.
 */
export async function exportWav(app: AppServices): Promise<boolean> {
  await app.runner.idle();
  const patch = app.editor.state.get().patch;
  const patchJson = serializePatch(patch);
  const targets = exportTargets(app, patch, 'export.wav', 'audio', '.wav');
  if (targets.length === 0) {
    const clip = app.runner.outputAudio.get();
    if (clip) targets.push({ value: clip, name: `${baseName(app)}.wav`, params: {} });
  }
  if (targets.length === 0) {
    app.notify('Nothing to export: no audio has been rendered yet (add an Audio output or Export WAV node).', 'error');
    return false;
  }
  for (const t of targets) {
    const format = wavFormat(String(t.params.bitDepth ?? '16'));
    download(writeWav(t.value as AudioClip, { ...format, patchJson }), t.name, 'audio/wav');
  }
  app.notify(`Exported ${targets.map((t) => t.name).join(', ')}`);
  return true;
}

/** Rendered inputs of every export node of `type`, with their file names. */
function exportTargets(app: AppServices, patch: Patch, type: string, port: string, ext: string):
  { value: unknown; name: string; params: Record<string, unknown> }[] {
  return patch.nodes.filter((n) => n.type === type).flatMap((n) => {
    const view = app.runtime.results.get(n.id);
    const value = view?.inputs[port] ?? view?.outputs[port];
    if (!value) return [];
    const raw = String(n.params.fileName ?? '').trim() || `${baseName(app)}${ext}`;
    return [{ value, name: raw.toLowerCase().endsWith(ext) || (ext === '.mid' && raw.toLowerCase().endsWith('.midi')) ? raw : `${raw}${ext}`, params: n.params }];
  });
}

/** writeWav options for an export.wav bit-depth option ('16', '24', '32f'). */
function wavFormat(option: string): { bitDepth: 16 | 24 | 32; float: boolean } {
  if (option === '24') return { bitDepth: 24, float: false };
  if (option === '32f') return { bitDepth: 32, float: true };
  return { bitDepth: 16, float: false };
}

/**
 * Writes MIDI files carrying the patch: one per 'export.midi' node, else the notes found by
 * `findNotes`; false when no node produced notes.
 */
export async function exportMidi(app: AppServices): Promise<boolean> {
  await app.runner.idle();
  const patch = app.editor.state.get().patch;
  const patchJson = serializePatch(patch);
  const targets = exportTargets(app, patch, 'export.midi', 'notes', '.mid');
  if (targets.length === 0) {
    const seq = findNotes(app, patch);
    if (seq) targets.push({ value: seq, name: `${baseName(app)}.mid`, params: {} });
  }
  if (targets.length === 0) {
    app.notify('Nothing to export: no node has produced notes yet.', 'error');
    return false;
  }
  for (const t of targets) download(writeMidi(t.value as NoteSequence, { patchJson }), t.name, 'audio/midi');
  app.notify(`Exported ${targets.map((t) => t.name).join(', ')}`);
  return true;
}

/**
 * The notes to export: the selected node's notes output, else the notes nearest upstream of the
 * output node, else any node's notes.
 */
export function findNotes(app: AppServices, patch: Patch): NoteSequence | null {
  const notesOf = (id: string): NoteSequence | null => {
    const node = patch.nodes.find((n) => n.id === id);
    const def = node && app.registry.get(node.type);
    const view = app.runtime.results.get(id);
    if (!def || !view) return null;
    for (const [port, spec] of Object.entries(def.outputs)) if (spec.type === 'notes' && view.outputs[port]) return view.outputs[port] as NoteSequence;
    return null;
  };
  const sel = app.editor.state.get().selection;
  if (sel.length === 1 && notesOf(sel[0])) return notesOf(sel[0]);
  const output = patch.nodes.find((n) => n.type === OUTPUT_NODE_TYPE);
  if (output) {
    const seen = new Set([output.id]);
    let frontier = [output.id];
    while (frontier.length) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const e of patch.edges) {
          if (e.to.node !== id || seen.has(e.from.node)) continue;
          const s = notesOf(e.from.node);
          if (s) return s;
          seen.add(e.from.node);
          next.push(e.from.node);
        }
      }
      frontier = next;
    }
  }
  for (const n of patch.nodes) {
    const s = notesOf(n.id);
    if (s) return s;
  }
  return null;
}
