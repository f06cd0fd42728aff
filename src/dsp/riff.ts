/**
 * RIFF container basics for WAV files: walking the chunk list (skipping chunks we do not know and
 * honouring the pad byte after odd-sized ones) and assembling chunks into a file.
 */

/** One chunk of a RIFF file: its four-character id and where its data lies in the file. */
export interface RiffChunk {
  id: string;
  /** Byte offset of the chunk's data (after the 8-byte chunk header). */
  offset: number;
  size: number;
}

const fourCC = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
const u32le = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** Size written by streaming recorders that never came back to fill in the real data size. */
const UNKNOWN_SIZE = 0xffffffff;

/**
 * Lists the chunks of a RIFF/WAVE file, or throws `"<file>: <problem>"` when it is not one or is cut off.
 * @example
 * readWaveChunks(bytes, 'take.wav').map((c) => c.id); // ['fmt ', 'LIST', 'data']
 */
export function readWaveChunks(bytes: Uint8Array, fileName = 'WAV file'): RiffChunk[] {
  const fail = (problem: string): never => { throw new Error(`${fileName}: ${problem}`); };
  const kind = bytes.length >= 4 ? fourCC(bytes, 0) : '';
  if (kind === 'RIFX') fail('big-endian WAV (RIFX) is not supported');
  if (kind === 'RF64') fail('RF64 (64-bit WAV) is not supported');
  if (kind !== 'RIFF' || bytes.length < 12 || fourCC(bytes, 8) !== 'WAVE') fail('not a WAV file (no RIFF/WAVE header)');
  const declaredEnd = u32le(bytes, 4) + 8;
  // Trust the RIFF size unless it runs past the file (then the file is judged chunk by chunk).
  const end = declaredEnd >= 12 && declaredEnd <= bytes.length ? declaredEnd : bytes.length;
  const chunks: RiffChunk[] = [];
  let at = 12;
  while (at + 8 <= end) {
    const id = fourCC(bytes, at);
    let size = u32le(bytes, at + 4);
    const remaining = end - at - 8;
    if (id === 'data' && size === UNKNOWN_SIZE) size = remaining;
    if (size > remaining) fail(`truncated: chunk '${id}' declares ${size} bytes but only ${remaining} remain`);
    chunks.push({ id, offset: at + 8, size });
    at += 8 + size + (size & 1);
  }
  return chunks;
}

/** A chunk with its header and, for odd sizes, the pad byte RIFF requires. */
export function riffChunk(id: string, data: Uint8Array): Uint8Array {
  if (id.length !== 4) throw new Error(`RIFF chunk id must be 4 characters, got '${id}'`);
  const out = new Uint8Array(8 + data.length + (data.length & 1));
  for (let i = 0; i < 4; i++) out[i] = id.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, data.length, true);
  out.set(data, 8);
  return out;
}

/**
 * A RIFF/WAVE file from ready-made chunks (see `riffChunk`).
 * @example
 * riffWaveFile([riffChunk('fmt ', fmt), riffChunk('data', samples)]);
 */
export function riffWaveFile(chunks: Uint8Array[]): Uint8Array {
  const size = 4 + chunks.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(8 + size);
  out.set([0x52, 0x49, 0x46, 0x46], 0); // RIFF
  new DataView(out.buffer).setUint32(4, size, true);
  out.set([0x57, 0x41, 0x56, 0x45], 8); // WAVE
  let at = 12;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}
