/** The keyboard shortcuts: one table drives both the key handler and the help overlay. */
import type { ReactFlowInstance } from '@xyflow/react';
import type { AppServices } from '../AppContext';
import { exportMidi, exportWav } from '../files/exports';
import { newPatch, openPatchFile, savePatch } from '../files/documents';
import { copySelection, deleteSelection, duplicate, paste } from './clipboard';
import { addComment, groupSelection } from './grouping';
import { togglePlay } from './playback';

/** One shortcut: the keys shown, a matcher, and the command. */
export interface Shortcut {
  keys: string;
  label: string;
  match(e: KeyboardEvent): boolean;
  run(app: AppServices, flow: ReactFlowInstance): void;
}

const mod = (e: KeyboardEvent): boolean => e.ctrlKey || e.metaKey;
const key = (k: string) => (e: KeyboardEvent): boolean => e.key.toLowerCase() === k && !mod(e) && !e.altKey;
const modKey = (k: string, shift = false) => (e: KeyboardEvent): boolean => mod(e) && e.key.toLowerCase() === k && e.shiftKey === shift;

const centre = (flow: ReactFlowInstance): { x: number; y: number } => {
  const el = document.querySelector('.gp-canvas')?.getBoundingClientRect();
  return el ? flow.screenToFlowPosition({ x: el.left + el.width / 2, y: el.top + el.height / 2 }) : { x: 0, y: 0 };
};

/** Every shortcut, in the order the help overlay lists them. */
export const shortcuts: Shortcut[] = [
  { keys: 'Ctrl Z', label: 'Undo', match: modKey('z'), run: (a) => a.editor.undo() },
  { keys: 'Ctrl Shift Z / Ctrl Y', label: 'Redo', match: (e) => modKey('z', true)(e) || modKey('y')(e), run: (a) => a.editor.redo() },
  { keys: 'Ctrl C', label: 'Copy', match: modKey('c'), run: (a) => void copySelection(a.editor) },
  { keys: 'Ctrl V', label: 'Paste', match: modKey('v'), run: (a) => paste(a.editor) },
  { keys: 'Ctrl D', label: 'Duplicate', match: modKey('d'), run: (a) => duplicate(a.editor) },
  { keys: 'Delete / Backspace', label: 'Delete the selection', match: (e) => (e.key === 'Delete' || e.key === 'Backspace') && !mod(e), run: (a) => deleteSelection(a.editor) },
  { keys: 'Ctrl A', label: 'Select everything', match: modKey('a'), run: (a) => { const p = a.editor.state.get().patch; a.editor.select([...p.nodes.map((n) => n.id), ...p.comments.map((c) => c.id)]); } },
  { keys: 'Space', label: 'Play / stop the output', match: (e) => e.key === ' ' && !mod(e), run: (a) => void togglePlay(a) },
  { keys: 'Ctrl Enter', label: 'Run now', match: (e) => mod(e) && e.key === 'Enter', run: (a) => void a.runner.runNow() },
  { keys: 'Escape', label: 'Stop the run, clear the selection', match: (e) => e.key === 'Escape', run: (a) => { a.runner.stop(); a.editor.select([]); a.ui.set((s) => ({ ...s, overlay: null })); } },
  { keys: 'F', label: 'Fit the view', match: key('f'), run: (_a, flow) => void flow.fitView({ padding: 0.15, duration: 200 }) },
  { keys: 'C', label: 'Add a comment', match: key('c'), run: (a, flow) => addComment(a.editor, centre(flow)) },
  { keys: 'G', label: 'Group the selected nodes', match: key('g'), run: (a) => { if (!groupSelection(a.editor)) a.notify('Select nodes to group first'); } },
  { keys: '/', label: 'Search the palette', match: (e) => e.key === '/', run: () => document.getElementById('palette-search')?.focus() },
  { keys: 'Ctrl S', label: 'Save', match: modKey('s'), run: (a) => void savePatch(a, false) },
  { keys: 'Ctrl Shift S', label: 'Save as', match: modKey('s', true), run: (a) => void savePatch(a, true) },
  { keys: 'Ctrl O', label: 'Open', match: modKey('o'), run: (a) => void openPatchFile(a) },
  { keys: 'Alt N', label: 'New patch', match: (e) => e.altKey && e.key.toLowerCase() === 'n', run: (a) => newPatch(a) },
  { keys: 'Ctrl Shift M', label: 'Export MIDI', match: modKey('m', true), run: (a) => void exportMidi(a) },
  { keys: 'Ctrl Shift E', label: 'Export WAV', match: modKey('e', true), run: (a) => void exportWav(a) },
  { keys: '?', label: 'Show this help', match: (e) => e.key === '?', run: (a) => a.ui.set((s) => ({ ...s, overlay: s.overlay === 'help' ? null : 'help' })) },
];

/** True when the key event comes from a text field, where shortcuts must not fire. */
export function fromTextField(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  const tag = t.tagName;
  if (t.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (t as HTMLInputElement).type;
  return !['range', 'checkbox', 'button'].includes(type);
}
