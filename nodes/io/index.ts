/** The io family of nodes: MIDI files, WAV files and typed clips in, MIDI and WAV exports out. */
import type { NodeDef } from '../../src/engine/node';
import { audioFileNode } from './audioFile';
import { exportMidiNode } from './exportMidi';
import { exportWavNode } from './exportWav';
import { midiFileNode } from './midiFile';
import { midiTracksNode } from './midiTracks';
import { notesClipNode } from './notesClip';

/** Every node of the io family. */
export const ioNodes: NodeDef[] = [midiFileNode, midiTracksNode, notesClipNode, audioFileNode, exportMidiNode, exportWavNode];
