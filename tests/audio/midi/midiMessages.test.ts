import { describe, expect, it } from 'vitest';
import { encodeMidiEvent, parseMidiMessage, type MidiEvent } from '../../../src/audio/midi';

describe('MIDI messages', () => {
  it('normalises notes, CC and pitch bend', () => {
    expect(parseMidiMessage([0x90, 60, 127])).toEqual({ type: 'noteon', channel: 0, note: 60, velocity: 1 });
    expect(parseMidiMessage([0x93, 64, 0])).toEqual({ type: 'noteoff', channel: 3, note: 64, velocity: 0 });
    expect(parseMidiMessage([0x8f, 64, 64])).toEqual({ type: 'noteoff', channel: 15, note: 64, velocity: 64 / 127 });
    expect(parseMidiMessage([0xb1, 74, 127])).toEqual({ type: 'cc', channel: 1, controller: 74, value: 1 });
    expect(parseMidiMessage([0xe0, 0, 64])).toEqual({ type: 'pitchbend', channel: 0, value: 0 });
    expect(parseMidiMessage([0xe0, 0, 0])).toEqual({ type: 'pitchbend', channel: 0, value: -1 });
    expect(parseMidiMessage([0xe0, 127, 127])).toEqual({ type: 'pitchbend', channel: 0, value: 1 });
    expect(parseMidiMessage([0xe0, 0, 96])!).toMatchObject({ value: 4096 / 8191 });
  });

  it('ignores what live mode does not use', () => {
    expect(parseMidiMessage([0xf8])).toBeNull(); // clock
    expect(parseMidiMessage([0xc0, 5])).toBeNull(); // program change (2 bytes)
    expect(parseMidiMessage([0xd0, 5, 0])).toBeNull(); // channel pressure
    expect(parseMidiMessage([0x90, 60])).toBeNull(); // truncated
  });

  it('encodes events back to the bytes they came from', () => {
    const messages = [[0x90, 60, 100], [0x85, 61, 12], [0xbf, 1, 0], [0xe2, 0, 64], [0xe2, 0, 0], [0xe2, 127, 127], [0xe2, 33, 90]];
    for (const m of messages) expect(encodeMidiEvent(parseMidiMessage(m)!)).toEqual(m);
    expect(encodeMidiEvent({ type: 'noteon', channel: 0, note: 60, velocity: 0 })).toEqual([0x90, 60, 1]);
    const bad: MidiEvent = { type: 'noteon', channel: 16, note: 60, velocity: 1 };
    expect(() => encodeMidiEvent(bad)).toThrow(/channel must be an integer 0–15, got 16/);
    expect(() => encodeMidiEvent({ type: 'cc', channel: 0, controller: 128, value: 0 })).toThrow(/controller must be an integer 0–127/);
  });
});
