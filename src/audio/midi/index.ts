/** Web MIDI for live mode: normalised input events and output to external synths (see docs/live-io.md). */
export { parseMidiMessage, encodeMidiEvent, type MidiEvent } from './midiMessages';
export { requestMidiAccess, type MidiAccessLike, type MidiAccessRequest, type MidiPortInfo, type MidiStatus } from './midiAccess';
export { openMidiInput, type MidiInputAdapter, type MidiInputEvent, type MidiInputOptions } from './midiInput';
export { openMidiOutput, type MidiOutputAdapter, type MidiOutputOptions } from './midiOutput';
