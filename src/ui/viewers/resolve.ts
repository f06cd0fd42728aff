/** Resolves what each preview shows: port-based previews read the node's output or input value. */
import type { Preview } from '../../engine/node';
import type { AudioClip, NoteSequence } from '../../engine/values';
import type { NodeResultView } from '../run/runtime';
import { isAudioClip } from '../run/outputAudio';

/** A preview ready to draw: the preview plus the value it refers to. */
export type ResolvedPreview =
  | { kind: 'pianoroll'; title: string; notes: NoteSequence }
  | { kind: 'waveform' | 'spectrogram'; title: string; clip: AudioClip }
  | { kind: 'heatmap' | 'line' | 'grid' | 'xy' | 'text'; title: string; preview: Preview };

const isNotes = (v: unknown): v is NoteSequence =>
  typeof v === 'object' && v !== null && Array.isArray((v as NoteSequence).notes) && typeof (v as NoteSequence).tempo === 'number';

/**
 * The previews of a node result, with port values resolved; when a node returns no previews,
 * its notes and audio outputs are shown as piano roll and waveform.
 */
export function resolvePreviews(view: NodeResultView | undefined): ResolvedPreview[] {
  if (!view) return [];
  const out: ResolvedPreview[] = [];
  for (const p of view.previews) {
    if (p.kind === 'pianoroll') {
      const v = view.outputs[p.port] ?? view.inputs[p.port];
      if (isNotes(v)) out.push({ kind: 'pianoroll', title: p.title, notes: v });
    } else if (p.kind === 'waveform' || p.kind === 'spectrogram') {
      const v = view.outputs[p.port] ?? view.inputs[p.port];
      if (isAudioClip(v)) out.push({ kind: p.kind, title: p.title, clip: v });
    } else {
      out.push({ kind: p.kind, title: p.title, preview: p });
    }
  }
  if (out.length > 0) return out;
  for (const [port, v] of [...Object.entries(view.outputs), ...Object.entries(view.inputs)]) {
    if (isNotes(v)) out.push({ kind: 'pianoroll', title: port, notes: v });
    else if (isAudioClip(v)) out.push({ kind: 'waveform', title: port, clip: v }, { kind: 'spectrogram', title: port, clip: v });
    else if (isGrid(v)) out.push({ kind: 'grid', title: port, preview: { kind: 'grid', title: port, width: v.width, steps: v.steps, cells: v.cells } });
    if (out.length) break;
  }
  return out;
}

const isGrid = (v: unknown): v is { width: number; steps: number; cells: Uint8Array } =>
  typeof v === 'object' && v !== null && (v as { cells?: unknown }).cells instanceof Uint8Array && typeof (v as { width?: unknown }).width === 'number';
