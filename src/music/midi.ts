/**
 * MIDI file I/O in one import: read (with track/channel selection), list tracks, write, and the
 * patch embedded in a rendered file. Built on @tonejs/midi.
 */
export { readMidi, listMidiTracks, DRUM_CHANNEL } from './midiRead';
export type { ReadMidiOptions, MidiTrackInfo } from './midiRead';
export { writeMidi } from './midiWrite';
export type { WriteMidiOptions } from './midiWrite';
export { extractPatchFromMidi } from './embedPatch';
