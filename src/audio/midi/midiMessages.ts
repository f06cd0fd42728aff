/** MIDI channel messages ↔ normalised events: notes with 0–1 velocity, CC as 0–1, pitch bend as −1…1. Channels are 0–15. */

/** A channel event the live runtime understands. */
export type MidiEvent =
  | { type: 'noteon'; channel: number; note: number; velocity: number }
  | { type: 'noteoff'; channel: number; note: number; velocity: number }
  | { type: 'cc'; channel: number; controller: number; value: number }
  | { type: 'pitchbend'; channel: number; value: number };

/**
 * Reads one MIDI message; null for anything else (system messages, aftertouch, program change, truncated data).
 * A note-on with velocity 0 is a note-off, as the MIDI spec says.
 * @example
 * parseMidiMessage([0x90, 60, 127]); // { type: 'noteon', channel: 0, note: 60, velocity: 1 }
 */
export function parseMidiMessage(data: ArrayLike<number>): MidiEvent | null {
  if (data.length < 3) return null;
  const status = data[0] & 0xf0;
  const channel = data[0] & 0x0f;
  const a = data[1] & 0x7f;
  const b = data[2] & 0x7f;
  switch (status) {
    case 0x90:
      return b === 0 ? { type: 'noteoff', channel, note: a, velocity: 0 } : { type: 'noteon', channel, note: a, velocity: b / 127 };
    case 0x80:
      return { type: 'noteoff', channel, note: a, velocity: b / 127 };
    case 0xb0:
      return { type: 'cc', channel, controller: a, value: b / 127 };
    case 0xe0: {
      const raw = (b << 7) | a; // 0..16383, centre 8192
      return { type: 'pitchbend', channel, value: raw >= 8192 ? (raw - 8192) / 8191 : (raw - 8192) / 8192 };
    }
    default:
      return null;
  }
}

const to7 = (v: number): number => Math.max(0, Math.min(127, Math.round(v * 127)));

/**
 * Writes an event as MIDI bytes. A note-on's velocity is at least 1 (0 would mean note-off).
 * @example
 * encodeMidiEvent({ type: 'cc', channel: 1, controller: 74, value: 0.5 }); // [0xb1, 74, 64]
 */
export function encodeMidiEvent(event: MidiEvent): number[] {
  const ch = event.channel;
  if (!Number.isInteger(ch) || ch < 0 || ch > 15) throw new Error(`MIDI channel must be an integer 0–15, got ${ch}`);
  switch (event.type) {
    case 'noteon': return [0x90 | ch, checkData('note', event.note), Math.max(1, to7(event.velocity))];
    case 'noteoff': return [0x80 | ch, checkData('note', event.note), to7(event.velocity)];
    case 'cc': return [0xb0 | ch, checkData('controller', event.controller), to7(event.value)];
    case 'pitchbend': {
      const v = Math.max(-1, Math.min(1, event.value));
      const raw = Math.round(v >= 0 ? 8192 + v * 8191 : 8192 + v * 8192);
      return [0xe0 | ch, raw & 0x7f, raw >> 7];
    }
  }
}

function checkData(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 0 || v > 127) throw new Error(`MIDI ${name} must be an integer 0–127, got ${v}`);
  return v;
}
