/** The `condition.tempo-meter` node: sets the tempo and time signature of notes. */
import { defineNode } from '../../src/engine/node';
import type { NoteSequence } from '../../src/engine/values';
import { endBeat, roundUpToBar } from '../../src/music/noteSequence';

const DENOMINATORS = ['1', '2', '4', '8', '16'] as const;

/**
 * A copy of `seq` at one tempo and meter: earlier tempo changes are dropped, beats are kept, and the
 * length is rounded up to whole bars of the new meter.
 * @example
 * applyTempoMeter(seq, 90, 3, 4).timeSignature; // { numerator: 3, denominator: 4 }
 */
export function applyTempoMeter(seq: NoteSequence, bpm: number, numerator: number, denominator: number): NoteSequence {
  const { tempoChanges: _dropped, ...rest } = seq;
  const timeSignature = { numerator, denominator };
  const length = roundUpToBar(Math.max(seq.length, endBeat(seq.notes)), timeSignature);
  return { ...rest, notes: seq.notes.map((n) => ({ ...n })), tempo: bpm, timeSignature, length };
}

/** Sets tempo (BPM) and meter on a notes stream. */
export const tempoMeterNode = defineNode({
  type: 'condition.tempo-meter',
  title: 'Tempo & meter',
  category: 'conditioning',
  doc: 'Gives music its pulse: sets the tempo in quarter-note beats per minute and the time signature '
    + '(beats per bar over the beat\'s note value) of the incoming notes. Note positions stay in '
    + 'beats, so the same pattern simply plays faster or slower, and the length is rounded up to '
    + 'whole bars of the new meter, which is where loops and exports cut. Tempo changes from a MIDI '
    + 'file are replaced by the single tempo. Try a 7-step pattern in 7/8, or slow a random walk to '
    + '60 BPM to hear each choice.',
  inputs: {
    notes: { type: 'notes' },
  },
  outputs: {
    notes: { type: 'notes' },
  },
  params: {
    bpm: { kind: 'float', default: 120, min: 20, max: 300, step: 1, unit: 'BPM', doc: 'Quarter-note beats per minute.' },
    numerator: { kind: 'int', default: 4, min: 1, max: 32, doc: 'Beats per bar.' },
    denominator: { kind: 'enum', options: DENOMINATORS, default: '4', doc: 'Note value of one beat of the meter (4 = quarter, 8 = eighth).' },
  },
  run: ({ notes }, { bpm, numerator, denominator }) => {
    const out = applyTempoMeter(notes, bpm, numerator, Number(denominator));
    const barBeats = (numerator * 4) / Number(denominator);
    return {
      outputs: { notes: out },
      previews: [
        { kind: 'text', title: 'Tempo & meter', text: `${bpm} BPM, ${numerator}/${denominator}: ${out.length / barBeats} bars, ${((out.length * 60) / bpm).toFixed(1)} s` },
      ],
    };
  },
});
