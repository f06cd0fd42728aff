/** The `midi.file` node: a MIDI file embedded in the patch, read into notes. */
import { defineNode } from '../../src/engine/node';
import { readMidi } from '../../src/music/midi';
import { transposeSequence } from '../transform/transpose';

/** The file extensions a MIDI asset may have. */
export const MIDI_EXTENSIONS = ['.mid', '.midi'] as const;

/** Reads an embedded MIDI file as notes. */
export const midiFileNode = defineNode({
  type: 'midi.file',
  title: 'MIDI file',
  category: 'io',
  doc: 'Reads a Standard MIDI File that travels inside the patch (drop a .mid on the canvas or pick '
    + 'one here) and outputs its notes with the file\'s tempo, meter and track names. MIDI (1983) is '
    + 'the common language of keyboards, sequencers and symbolic-music datasets, so this is how real '
    + 'music — a tune to continue, a corpus to learn from, a part to re-orchestrate — enters a patch. '
    + 'Choose one track or all of them (each becomes its own voice), optionally only one MIDI channel '
    + '(10 = drums), and transpose on the way in.',
  outputs: { notes: { type: 'notes', doc: 'The file\'s notes; each track is one voice.' } },
  params: {
    file: { kind: 'asset', accept: MIDI_EXTENSIONS, default: null, doc: 'The embedded MIDI file.' },
    track: { kind: 'int', default: -1, min: -1, max: 255, doc: 'Track index from 0 (-1 = every track with notes).' },
    channel: { kind: 'int', default: 0, min: 0, max: 16, doc: 'Keep only tracks on this MIDI channel 1–16 (0 = any).' },
    transpose: { kind: 'int', default: 0, min: -48, max: 48, unit: 'st', doc: 'Semitones to transpose (drum tracks stay).' },
  },
  run: (_inputs, { file, track, channel, transpose }, ctx) => {
    if (!file) throw new Error('midi.file: no file chosen (drop a .mid file on the node or pick one in its file param)');
    const asset = ctx.asset(file);
    let notes;
    try {
      notes = readMidi(asset.bytes, {
        fileName: asset.name,
        track: track < 0 ? 'all' : track,
        channel: channel === 0 ? undefined : channel,
      });
    } catch (e) {
      throw new Error(`midi.file: ${(e as Error).message}`);
    }
    if (transpose !== 0) notes = transposeSequence(notes, transpose);
    const tracks = notes.voices?.map((v, i) => `${i}: ${v.name || 'untitled'}${v.drums ? ' (drums)' : ''}`).join(', ');
    return {
      outputs: { notes },
      previews: [
        { kind: 'pianoroll', title: asset.name, port: 'notes' },
        {
          kind: 'text',
          title: asset.name,
          text: `${notes.notes.length} notes, ${notes.length} beats at ${notes.tempo} BPM in `
            + `${notes.timeSignature.numerator}/${notes.timeSignature.denominator}; voices ${tracks || 'none'}.`,
        },
      ],
    };
  },
});
