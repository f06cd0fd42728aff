/** The `notes.time-stretch` node: scales every time in a sequence by a factor or to a target length. */
import { defineNode } from '../../src/engine/node';
import type { NoteSequence } from '../../src/engine/values';

/**
 * Multiplies starts, durations, the length and tempo-change positions by `factor` (tempo stays,
 * so 2 plays twice as long: augmentation; 0.5 is diminution).
 * @example
 * stretchSequence(seq, 2).length === 2 * seq.length; // true
 */
export function stretchSequence(seq: NoteSequence, factor: number): NoteSequence {
  if (!(factor > 0) || !Number.isFinite(factor)) throw new Error(`time-stretch factor must be positive, got ${factor}`);
  const out: NoteSequence = {
    ...seq,
    notes: seq.notes.map((n) => ({ ...n, start: n.start * factor, duration: n.duration * factor })),
    length: seq.length * factor,
  };
  if (seq.tempoChanges) out.tempoChanges = seq.tempoChanges.map((c) => ({ ...c, beat: c.beat * factor }));
  return out;
}

/** Stretches note timing by a factor or to a length in beats. */
export const timeStretchNode = defineNode({
  type: 'notes.time-stretch',
  title: 'Time stretch',
  category: 'transform',
  doc: 'Scales every start and duration by one factor: 2 is augmentation (each note twice as long), '
    + '0.5 diminution (twice as fast), the canon and fugue techniques where a theme returns in longer '
    + 'or shorter values. The tempo stays the same, so the music really gets slower or faster in beats. '
    + 'In "length" mode the factor is chosen so the sequence lasts exactly the target number of beats, '
    + 'which fits a generated phrase into a slot of a longer form.',
  inputs: { notes: { type: 'notes' } },
  outputs: { notes: { type: 'notes' } },
  params: {
    mode: { kind: 'enum', options: ['factor', 'length'], default: 'factor', doc: 'Stretch by a factor or to a length.' },
    factor: { kind: 'float', default: 2, min: 1 / 16, max: 16, step: 0.05, doc: 'Time factor (mode "factor").' },
    length: { kind: 'float', default: 16, min: 0.25, max: 4096, unit: 'beats', doc: 'Target length (mode "length").' },
  },
  run: ({ notes }, { mode, factor, length }) => {
    if (mode === 'length' && !(notes.length > 0)) throw new Error('notes.time-stretch: the input has length 0, so it cannot be stretched to a length');
    const f = mode === 'length' ? length / notes.length : factor;
    return {
      outputs: { notes: stretchSequence(notes, f) },
      previews: [{ kind: 'pianoroll', title: `Stretched ×${Math.round(f * 1000) / 1000}`, port: 'notes' }],
    };
  },
});
