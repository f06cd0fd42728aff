/** The `export.midi` node: marks notes to be written as a MIDI file by the host. */
import { defineNode } from '../../src/engine/node';
import { exportFileName } from './exportFileName';

/** Extensions of MIDI exports; the first is added to names without one. */
export const MIDI_EXPORT_EXTENSIONS = ['.mid', '.midi'] as const;

/** A sink: hosts write its notes as a MIDI file with the patch embedded. */
export const exportMidiNode = defineNode({
  type: 'export.midi',
  title: 'Export MIDI',
  category: 'io',
  sink: true,
  doc: 'Marks the notes wired into it to be saved as a Standard MIDI File, one track per voice with '
    + 'its tempo map and meter. Nodes are pure, so this node writes nothing itself: after a render, '
    + 'the host — `genpatch render` on the command line, the Export button in the page — finds every '
    + 'export node, writes its input under the file name given here, and embeds the patch in the '
    + 'file, so dropping the .mid back on the canvas reopens the patch that made it. The notes also '
    + 'pass through unchanged, so the node can sit in the middle of a chain.',
  inputs: { notes: { type: 'notes' } },
  outputs: { notes: { type: 'notes', doc: 'The input, unchanged.' } },
  params: {
    fileName: { kind: 'text', default: 'genpatch.mid', doc: 'Name of the written file (.mid is added if missing).' },
  },
  run: ({ notes }, { fileName }) => {
    const name = exportFileName(fileName, MIDI_EXPORT_EXTENSIONS, 'export.midi');
    const voices = new Set(notes.notes.map((n) => n.voice ?? 0)).size;
    return {
      outputs: { notes },
      previews: [
        { kind: 'pianoroll', title: name, port: 'notes' },
        { kind: 'text', title: 'Export', text: `Saves ${name}: ${notes.notes.length} notes in ${voices} track(s), ${notes.length} beats at ${notes.tempo} BPM.` },
      ],
    };
  },
});
