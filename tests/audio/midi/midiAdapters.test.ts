/** The adapters against web-midi-test, a fake Web MIDI implementation: virtual ports, permissions, hot-plugging. */
import WMT from 'web-midi-test';
import { afterEach, describe, expect, it } from 'vitest';
import { openMidiInput, openMidiOutput, type MidiAccessRequest, type MidiInputEvent } from '../../../src/audio/midi';

const request = WMT.requestMIDIAccess as unknown as MidiAccessRequest;
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
  WMT.midi = true;
});

describe('openMidiInput', () => {
  it('turns a device\'s messages into normalised events', async () => {
    const src = new WMT.MidiSrc('Test Keys');
    src.connect();
    cleanup.push(() => src.disconnect());
    const events: MidiInputEvent[] = [];
    const input = await openMidiInput({ request, onEvent: (e) => events.push(e) });
    cleanup.push(() => input.close());
    expect(input.status).toBe('ready');
    expect(input.ports().map((p) => p.name)).toContain('Test Keys');
    await tick(); // the port opens asynchronously
    src.emit([0x90, 60, 100]);
    src.emit([0xb0, 1, 64]);
    src.emit([0xe0, 0, 0]);
    src.emit([0x80, 60, 0]);
    expect(events.map(({ port: _p, time: _t, ...e }) => e)).toEqual([
      { type: 'noteon', channel: 0, note: 60, velocity: 100 / 127 },
      { type: 'cc', channel: 0, controller: 1, value: 64 / 127 },
      { type: 'pitchbend', channel: 0, value: -1 },
      { type: 'noteoff', channel: 0, note: 60, velocity: 0 },
    ]);
    expect(typeof events[0].time).toBe('number');
    input.close();
    src.emit([0x90, 62, 100]);
    expect(events).toHaveLength(4);
  });

  it('waits without a device and starts hearing one plugged in later; selects one port', async () => {
    const events: MidiInputEvent[] = [];
    const changes: string[][] = [];
    const input = await openMidiInput({ request, onEvent: (e) => events.push(e), onPortsChange: (p) => changes.push(p.map((x) => x.name)) });
    cleanup.push(() => input.close());
    expect(input.status).toBe('no-device');
    expect(input.message).toBe('no MIDI input is connected');
    const a = new WMT.MidiSrc('Pad A');
    const b = new WMT.MidiSrc('Pad B');
    a.connect();
    b.connect();
    cleanup.push(() => { a.disconnect(); b.disconnect(); });
    expect(input.status).toBe('ready');
    expect(changes.at(-1)).toEqual(['Pad A', 'Pad B']);
    await tick();
    const idB = input.ports().find((p) => p.name === 'Pad B')!.id;
    input.select(idB);
    await tick();
    a.emit([0x90, 40, 1]);
    b.emit([0x90, 41, 1]);
    expect(events.map((e) => e.type === 'noteon' && e.note)).toEqual([41]);
    expect(events[0].port).toBe(idB);
    b.disconnect();
    expect(input.status).toBe('no-device');
    expect(input.message).toMatch(/"[^"]+" is not connected/);
  });

  it('reports refused permission and a browser without Web MIDI instead of throwing', async () => {
    WMT.midi = false;
    const denied = await openMidiInput({ request, onEvent: () => undefined });
    expect(denied.status).toBe('denied');
    expect(denied.message).toMatch(/MIDI permission was refused: MIDI is not allowed/);
    expect(denied.ports()).toEqual([]);
    // Node has no navigator.requestMIDIAccess: the default request finds none.
    const unsupported = await openMidiInput({ onEvent: () => undefined });
    expect(unsupported.status).toBe('unsupported');
    const failing: MidiAccessRequest = () => Promise.reject(new Error('driver crashed'));
    expect((await openMidiInput({ request: failing, onEvent: () => undefined })).message).toBe('MIDI access failed: driver crashed');
  });
});

describe('openMidiOutput', () => {
  it('sends encoded events to the external synth and ends held notes on close', async () => {
    const received: number[][] = [];
    const dst = new WMT.MidiDst('Ext Synth');
    dst.receive = (msg) => received.push([...(msg ?? [])]);
    dst.connect();
    cleanup.push(() => dst.disconnect());
    const out = await openMidiOutput({ request });
    expect(out.status).toBe('ready');
    expect(out.send({ type: 'noteon', channel: 2, note: 64, velocity: 0.5 })).toBe(true);
    out.send({ type: 'noteon', channel: 2, note: 67, velocity: 1 });
    out.send({ type: 'noteoff', channel: 2, note: 64, velocity: 0 });
    out.send({ type: 'cc', channel: 0, controller: 74, value: 1 });
    out.close();
    await tick();
    expect(received).toEqual([[0x92, 64, 64], [0x92, 67, 127], [0x82, 64, 0], [0xb0, 74, 127], [0x82, 67, 0]]);
  });

  it('returns false from send when there is no output or no permission', async () => {
    const out = await openMidiOutput({ request });
    expect(out.status).toBe('no-device');
    expect(out.send({ type: 'noteon', channel: 0, note: 60, velocity: 1 })).toBe(false);
    WMT.midi = false;
    const denied = await openMidiOutput({ request });
    expect(denied.status).toBe('denied');
    expect(denied.send({ type: 'noteon', channel: 0, note: 60, velocity: 1 })).toBe(false);
  });
});
