/**
 * Checks the structure of a Standard MIDI File and parses it with @tonejs/midi, turning every
 * failure into an Error that names the file and says what is wrong. @tonejs/midi (through
 * midi-file) throws bare strings and reads past the end of truncated data, so the structure is
 * checked here first: MThd header, time division, every chunk and every event fitting its bytes.
 */
import { Midi } from './tonejsMidi';

/** The fields of an MThd header chunk. */
export interface SmfHeader {
  format: number;
  trackCount: number;
  ppq: number;
}

const ascii = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
const u32 = (b: Uint8Array, at: number): number => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const u16 = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1];

/**
 * Reads the MThd header, or throws `"<file>: <problem>"`.
 * @example
 * readSmfHeader(bytes, 'song.mid'); // { format: 1, trackCount: 3, ppq: 480 }
 */
export function readSmfHeader(bytes: Uint8Array, fileName = 'MIDI file'): SmfHeader {
  const fail = (problem: string): never => { throw new Error(`${fileName}: ${problem}`); };
  if (bytes.length < 4 || ascii(bytes, 0) !== 'MThd') fail('not a Standard MIDI File (no MThd header)');
  if (bytes.length < 14) fail(`truncated: the MThd header needs 14 bytes but the file has ${bytes.length}`);
  const headerLength = u32(bytes, 4);
  if (headerLength < 6) fail(`bad MThd header: length ${headerLength}, expected at least 6`);
  const format = u16(bytes, 8);
  const trackCount = u16(bytes, 10);
  const division = u16(bytes, 12);
  if (format > 2) fail(`unknown SMF format ${format} (expected 0, 1 or 2)`);
  if (trackCount === 0) fail('the header announces no tracks');
  if (division & 0x8000) fail('SMPTE time division is not supported (only ticks per quarter note)');
  if (division === 0) fail('bad time division: 0 ticks per quarter note');
  return { format, trackCount, ppq: division };
}

/**
 * Walks the events of one MTrk body and says what is wrong, or returns null. midi-file reads
 * missing bytes as `undefined` instead of failing, so an event cut off by the end of its track
 * must be caught here. Running status survives meta and sysex events, as in midi-file.
 */
function trackEventProblem(track: Uint8Array): string | null {
  let at = 0;
  let running = 0;
  const readVlq = (): number | null => {
    let value = 0;
    for (let i = 0; i < 4; i++) {
      if (at >= track.length) return null;
      const b = track[at++];
      value = value * 128 + (b & 0x7f);
      if (!(b & 0x80)) return value;
    }
    return null;
  };
  while (at < track.length) {
    const eventStart = at;
    if (readVlq() === null) return `the delta time at byte ${eventStart} is cut off or too long`;
    if (at >= track.length) return `the event at byte ${eventStart} is cut off after its delta time`;
    let status = track[at];
    if (status & 0x80) at++;
    else if (running) status = running;
    else return `running status without a previous status byte at byte ${at}`;
    let length: number | null;
    if (status === 0xff) {
      at++; // meta type
      length = readVlq();
    } else if (status === 0xf0 || status === 0xf7) {
      length = readVlq();
    } else if (status >= 0xf0) {
      return `unknown status byte 0x${status.toString(16)} at byte ${eventStart}`;
    } else {
      running = status;
      length = (status & 0xe0) === 0xc0 ? 1 : 2; // program change and channel pressure carry one byte
    }
    if (length === null || at + length > track.length) return `the event at byte ${eventStart} runs past the end of the track`;
    at += length;
  }
  return null;
}

/**
 * Checks every chunk and returns bytes holding only the MThd chunk and the announced MTrk chunks
 * (alien chunks, which the standard says to skip, are dropped so the parser never sees them).
 */
function checkedTrackBytes(bytes: Uint8Array, header: SmfHeader, fileName: string): Uint8Array {
  const fail = (problem: string): never => { throw new Error(`${fileName}: ${problem}`); };
  const kept: Uint8Array[] = [bytes.subarray(0, 8 + u32(bytes, 4))];
  let at = 8 + u32(bytes, 4);
  let tracks = 0;
  let alien = false;
  while (tracks < header.trackCount) {
    if (at >= bytes.length) {
      fail(`truncated: the header announces ${header.trackCount} tracks but only ${tracks} are present`);
    }
    if (at + 8 > bytes.length) fail(`truncated: the header of track ${tracks + 1} is cut off`);
    const id = ascii(bytes, at);
    const size = u32(bytes, at + 4);
    const remaining = bytes.length - at - 8;
    const what = id === 'MTrk' ? `track ${tracks + 1}` : `chunk '${id}'`;
    if (size > remaining) fail(`truncated: ${what} declares ${size} bytes but only ${remaining} remain`);
    if (id === 'MTrk') {
      const problem = trackEventProblem(bytes.subarray(at + 8, at + 8 + size));
      if (problem) fail(`malformed track ${tracks + 1}: ${problem}`);
      kept.push(bytes.subarray(at, at + 8 + size));
      tracks++;
    } else {
      alien = true;
    }
    at += 8 + size;
  }
  if (!alien) return bytes.subarray(0, at);
  const out = new Uint8Array(kept.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of kept) { out.set(part, offset); offset += part.length; }
  return out;
}

/**
 * Parses SMF bytes into a @tonejs/midi `Midi`, or throws an Error naming the file and the problem.
 * @example
 * const midi = parseMidiBytes(readFileSync('tune.mid'), 'tune.mid');
 */
export function parseMidiBytes(bytes: Uint8Array, fileName = 'MIDI file'): Midi {
  const header = readSmfHeader(bytes, fileName);
  const trackBytes = checkedTrackBytes(bytes, header, fileName);
  try {
    return new Midi(trackBytes);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`${fileName}: malformed track data (${reason})`);
  }
}
