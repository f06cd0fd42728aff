/**
 * Builds Standard MIDI File bytes by hand for tests, independently of @tonejs/midi, so the reader
 * is checked against files whose every byte is known (running status, odd PPQ, broken files…).
 * Events are raw byte lists: a variable-length delta time followed by the event bytes.
 */

/** A number as a MIDI variable-length quantity. */
export function vlq(value: number): number[] {
  const out = [value & 0x7f];
  for (let v = value >>> 7; v > 0; v >>>= 7) out.unshift((v & 0x7f) | 0x80);
  return out;
}

const u32be = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u16be = (n: number): number[] => [(n >>> 8) & 0xff, n & 0xff];
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** A chunk: four-character id, 32-bit big-endian length, body. */
export function chunk(id: string, body: number[]): number[] {
  return [...ascii(id), ...u32be(body.length), ...body];
}

/** One event: delta time then raw bytes (a channel event without status byte uses running status). */
export const ev = (delta: number, ...bytes: number[]): number[] => [...vlq(delta), ...bytes];

/** A meta event (FF type len data). */
export const meta = (delta: number, type: number, data: number[]): number[] =>
  ev(delta, 0xff, type, ...vlq(data.length), ...data);

/** Set-tempo meta event in BPM (stored as microseconds per quarter note). */
export const tempo = (delta: number, bpm: number): number[] => {
  const us = Math.round(60_000_000 / bpm);
  return meta(delta, 0x51, [(us >> 16) & 0xff, (us >> 8) & 0xff, us & 0xff]);
};

/** Time-signature meta event; the denominator is given as a note value (4, 8…). */
export const timeSig = (delta: number, numerator: number, denominator: number): number[] =>
  meta(delta, 0x58, [numerator, Math.log2(denominator), 24, 8]);

/** Track-name meta event. */
export const trackName = (delta: number, name: string): number[] => meta(delta, 0x03, ascii(name));

/** Text meta event. */
export const text = (delta: number, value: string): number[] => meta(delta, 0x01, ascii(value));

/** End-of-track meta event. */
export const endOfTrack = (delta = 0): number[] => meta(delta, 0x2f, []);

/** Note-on with status byte; channel 1–16. */
export const noteOn = (delta: number, channel: number, pitch: number, velocity: number): number[] =>
  ev(delta, 0x90 | (channel - 1), pitch, velocity);

/** Note-off with status byte; channel 1–16. */
export const noteOff = (delta: number, channel: number, pitch: number): number[] =>
  ev(delta, 0x80 | (channel - 1), pitch, 0);

/** Program change; channel 1–16. */
export const program = (delta: number, channel: number, number: number): number[] =>
  ev(delta, 0xc0 | (channel - 1), number);

/** An MTrk chunk from events. */
export const track = (...events: number[][]): number[] => chunk('MTrk', events.flat());

/** A whole file: MThd (format, track count, PPQ) followed by the given chunks. */
export function smf(format: number, ppq: number, ...chunks: number[][]): Uint8Array {
  const trackCount = chunks.filter((c) => String.fromCharCode(...c.slice(0, 4)) === 'MTrk').length;
  return Uint8Array.from([...chunk('MThd', [...u16be(format), ...u16be(trackCount), ...u16be(ppq)]), ...chunks.flat()]);
}
