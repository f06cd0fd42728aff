/** The `notes.quantize-scale` node: moves every pitch onto a scale, nearest, up or down. */
import { defineNode } from '../../src/engine/node';
import type { Note, NoteSequence } from '../../src/engine/values';
import { withNotes } from '../../src/music/noteSequence';
import { makeScale, scaleNames, snapToPitchClasses } from '../../src/music/theory';

/** Which way an out-of-scale pitch moves. */
export type SnapDirection = 'nearest' | 'up' | 'down';

const TONICS = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'] as const;
const pc = (p: number): number => ((p % 12) + 12) % 12;

/** The scale pitch at or above (`step` 1) or at or below (`step` -1) `pitch`. */
function snapStep(pitch: number, pcs: readonly number[], step: 1 | -1): number {
  for (let d = 0; d < 12; d++) if (pcs.includes(pc(pitch + step * d))) return pitch + step * d;
  return pitch;
}

/** Snaps one pitch to the pitch classes in `direction`, staying inside 0–127. */
export function snapPitch(pitch: number, pcs: readonly number[], direction: SnapDirection): number {
  const snapped = direction === 'nearest' ? snapToPitchClasses(pitch, pcs) : snapStep(pitch, pcs, direction === 'up' ? 1 : -1);
  if (snapped > 127) return snapStep(pitch, pcs, -1);
  if (snapped < 0) return snapStep(pitch, pcs, 1);
  return snapped;
}

/**
 * Moves every pitch onto the pitch classes `pcs`; notes that land on the same pitch at the same
 * time in one voice become one (longest duration, loudest velocity). Drum voices are left alone.
 * @example
 * quantizeToScale(seq, makeScale('A', 'minor').pitchClasses, 'nearest');
 */
export function quantizeToScale(seq: NoteSequence, pcs: readonly number[], direction: SnapDirection): NoteSequence {
  const merged = new Map<string, Note>();
  const kept: Note[] = [];
  for (const n of seq.notes) {
    if (seq.voices?.[n.voice ?? 0]?.drums) { kept.push({ ...n }); continue; }
    const note = { ...n, pitch: snapPitch(n.pitch, pcs, direction) };
    const key = `${note.voice ?? 0}:${note.start}:${note.pitch}`;
    const twin = merged.get(key);
    if (!twin) merged.set(key, note);
    else {
      twin.duration = Math.max(twin.duration, note.duration);
      twin.velocity = Math.max(twin.velocity, note.velocity);
    }
  }
  return withNotes(seq, [...kept, ...merged.values()]);
}

/** Snaps pitches to a scale from the `scale` input or the tonic and scale params. */
export const quantizeScaleNode = defineNode({
  type: 'notes.quantize-scale',
  title: 'Quantize to scale',
  category: 'transform',
  doc: 'Moves every note that falls outside a scale onto a scale tone: the nearest one (ties go '
    + 'down), the next one up or the next one down — the "scale quantizer" of modular synthesizers '
    + 'and of Ableton\'s Scale effect. It lets any source, a random walk or a cellular automaton, '
    + 'play in a key. The scale comes from the scale input when connected, else from the tonic and '
    + 'scale params (tonal\'s scale dictionary). Notes that collapse onto the same pitch at the same '
    + 'time become one, and drum voices are untouched.',
  inputs: {
    notes: { type: 'notes' },
    scale: { type: 'scale', optional: true, doc: 'When connected, overrides the tonic and scale params.' },
  },
  outputs: { notes: { type: 'notes' } },
  params: {
    tonic: { kind: 'enum', options: TONICS, default: 'C', doc: 'Tonic of the scale (used without a scale input).' },
    scaleName: { kind: 'enum', options: scaleNames(), default: 'major', doc: 'Scale (used without a scale input).' },
    direction: { kind: 'enum', options: ['nearest', 'up', 'down'], default: 'nearest', doc: 'Where an out-of-scale note moves.' },
  },
  run: ({ notes, scale }, { tonic, scaleName, direction }) => {
    const target = scale ?? makeScale(tonic, scaleName);
    return {
      outputs: { notes: quantizeToScale(notes, target.pitchClasses, direction) },
      previews: [{ kind: 'pianoroll', title: `In ${target.tonic} ${target.name}`, port: 'notes' }],
    };
  },
});
