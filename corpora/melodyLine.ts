/** Cleaning steps of the corpus build: a strictly monophonic line from MIDI notes, and step grids to held notes. */
import type { UnitEvent } from './format';

/** Makes a strictly monophonic event list (notes and rests) from notes with beat times. */
export function monophonicEvents(notes: readonly { pitch: number; start: number; duration: number }[], unitsPerBeat: number): UnitEvent[] {
  const byOnset = new Map<number, { pitch: number; units: number }>();
  for (const n of notes) {
    const onset = Math.round(n.start * unitsPerBeat);
    const units = Math.max(1, Math.round(n.duration * unitsPerBeat));
    const prev = byOnset.get(onset);
    if (!prev || n.pitch > prev.pitch) byOnset.set(onset, { pitch: n.pitch, units });
  }
  const onsets = [...byOnset.keys()].sort((a, b) => a - b);
  const events: UnitEvent[] = [];
  if (onsets.length > 0 && onsets[0] > 0) events.push({ pitch: null, units: onsets[0] });
  onsets.forEach((onset, i) => {
    const note = byOnset.get(onset)!;
    const next = i + 1 < onsets.length ? onsets[i + 1] : Infinity;
    const units = Math.min(note.units, next - onset);
    events.push({ pitch: note.pitch, units });
    if (Number.isFinite(next) && next > onset + units) events.push({ pitch: null, units: next - onset - units });
  });
  return events;
}

/** Merges runs of equal steps (-1 = rest) of one voice into events of whole steps. */
export function stepEvents(steps: readonly number[]): UnitEvent[] {
  const events: UnitEvent[] = [];
  for (const p of steps) {
    const pitch = p < 0 ? null : p;
    const last = events[events.length - 1];
    if (last && last.pitch === pitch) last.units++;
    else events.push({ pitch, units: 1 });
  }
  return events;
}
