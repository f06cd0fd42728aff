/** The `midi.tracks` node: lists the tracks of an embedded MIDI file as text. */
import { defineNode } from '../../src/engine/node';
import { listMidiTracks } from '../../src/music/midi';
import { MIDI_EXTENSIONS } from './midiFile';

/** Lists a MIDI asset's tracks (index, name, channel, program, notes), to pick one for midi.file. */
export const midiTracksNode = defineNode({
  type: 'midi.tracks',
  title: 'MIDI tracks',
  category: 'io',
  doc: 'Shows what is inside an embedded MIDI file before it is used: one line per track with the '
    + 'index that midi.file\'s track param takes, its name, MIDI channel (10 is drums in General '
    + 'MIDI), General MIDI program number and note count. Format 0 files, which keep every '
    + 'instrument in one track, are listed per channel.',
  outputs: { text: { type: 'text', doc: 'One line per track.' } },
  params: {
    file: { kind: 'asset', accept: MIDI_EXTENSIONS, default: null, doc: 'The embedded MIDI file.' },
  },
  run: (_inputs, { file }, ctx) => {
    if (!file) throw new Error('midi.tracks: no file chosen (drop a .mid file on the node or pick one in its file param)');
    const asset = ctx.asset(file);
    let tracks;
    try {
      tracks = listMidiTracks(asset.bytes, asset.name);
    } catch (e) {
      throw new Error(`midi.tracks: ${(e as Error).message}`);
    }
    const text = tracks.length === 0
      ? `${asset.name}: no tracks`
      : tracks.map((t) => `${t.index}: ${t.name || 'untitled'} — channel ${t.channel}${t.drums ? ' (drums)' : ''}, `
        + `program ${t.program}, ${t.noteCount} note${t.noteCount === 1 ? '' : 's'}`).join('\n');
    return { outputs: { text }, previews: [{ kind: 'text', title: asset.name, text }] };
  },
});
