/**
 * WAV → AudioClip. Reads integer PCM (8-bit unsigned, 16/24/32-bit signed) and IEEE float (32/64
 * bit), plain or WAVE_FORMAT_EXTENSIBLE, any channel count; unknown chunks are skipped. Integers
 * are scaled by 2^(bits-1), so full scale maps to [-1, 1).
 */
import { inflateSync, strFromU8 } from 'fflate';
import type { AudioClip } from '../engine/values';
import { readWaveChunks, type RiffChunk } from './riff';

/** RIFF chunk id under which `writeWav` stores the deflated patch JSON. */
export const PATCH_CHUNK_ID = 'gpch';

/** How the samples of a WAV file are encoded. */
export interface WavFormat {
  /** 1 = integer PCM, 3 = IEEE float (the sub-format for WAVE_FORMAT_EXTENSIBLE files). */
  encoding: number;
  extensible: boolean;
  channels: number;
  sampleRate: number;
  /** Bytes per frame (one sample of every channel). */
  blockAlign: number;
  bitsPerSample: number;
}

const PCM = 1;
const IEEE_FLOAT = 3;
const EXTENSIBLE = 0xfffe;
const KNOWN_TAGS: Record<number, string> = {
  0x0002: 'Microsoft ADPCM', 0x0006: 'A-law', 0x0007: 'mu-law', 0x0011: 'IMA ADPCM', 0x0055: 'MPEG layer 3',
};

function chunkNamed(chunks: RiffChunk[], id: string, fileName: string): RiffChunk {
  const chunk = chunks.find((c) => c.id === id);
  if (!chunk) throw new Error(`${fileName}: no '${id}' chunk`);
  return chunk;
}

/** Parses the 'fmt ' chunk, or throws naming the file and the unsupported or broken field. */
export function readWavFormat(bytes: Uint8Array, fmt: RiffChunk, fileName = 'WAV file'): WavFormat {
  const fail = (problem: string): never => { throw new Error(`${fileName}: ${problem}`); };
  if (fmt.size < 16) fail(`'fmt ' chunk is ${fmt.size} bytes, expected at least 16`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + fmt.offset, fmt.size);
  const tag = view.getUint16(0, true);
  const format: WavFormat = {
    encoding: tag,
    extensible: tag === EXTENSIBLE,
    channels: view.getUint16(2, true),
    sampleRate: view.getUint32(4, true),
    blockAlign: view.getUint16(12, true),
    bitsPerSample: view.getUint16(14, true),
  };
  if (format.extensible) {
    if (fmt.size < 40) fail(`WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is ${fmt.size} bytes, expected 40`);
    format.encoding = view.getUint16(24, true); // first two bytes of the sub-format GUID
  }
  const { encoding, channels, sampleRate, bitsPerSample: bits, blockAlign } = format;
  if (encoding !== PCM && encoding !== IEEE_FLOAT) {
    const name = KNOWN_TAGS[encoding] ? ` (${KNOWN_TAGS[encoding]})` : '';
    fail(`unsupported encoding: format tag 0x${encoding.toString(16).padStart(4, '0')}${name}; only PCM and IEEE float are read`);
  }
  if (encoding === PCM && ![8, 16, 24, 32].includes(bits)) fail(`unsupported PCM bit depth ${bits} (expected 8, 16, 24 or 32)`);
  if (encoding === IEEE_FLOAT && bits !== 32 && bits !== 64) fail(`unsupported float bit depth ${bits} (expected 32 or 64)`);
  if (channels === 0) fail('the format declares 0 channels');
  if (sampleRate === 0) fail('the format declares a sample rate of 0');
  if (blockAlign < (channels * bits) / 8) {
    fail(`block align ${blockAlign} is too small for ${channels} channels of ${bits}-bit samples`);
  }
  return format;
}

/** Reads one sample at `at` as a float (integers scaled to [-1, 1)). */
function sampleReader(format: WavFormat): (view: DataView, at: number) => number {
  if (format.encoding === IEEE_FLOAT) {
    return format.bitsPerSample === 64 ? (v, at) => v.getFloat64(at, true) : (v, at) => v.getFloat32(at, true);
  }
  switch (format.bitsPerSample) {
    case 8: return (v, at) => (v.getUint8(at) - 128) / 128;
    case 16: return (v, at) => v.getInt16(at, true) / 32768;
    case 24: return (v, at) => ((v.getUint8(at) | (v.getUint8(at + 1) << 8) | (v.getInt8(at + 2) << 16))) / 8388608;
    default: return (v, at) => v.getInt32(at, true) / 2147483648;
  }
}

/**
 * Decodes a WAV file into an AudioClip; throws an Error naming the file when it is broken or unsupported.
 * @example
 * const clip = readWav(new Uint8Array(await file.arrayBuffer()), file.name);
 */
export function readWav(bytes: Uint8Array, fileName = 'WAV file'): AudioClip {
  const chunks = readWaveChunks(bytes, fileName);
  const format = readWavFormat(bytes, chunkNamed(chunks, 'fmt ', fileName), fileName);
  const data = chunkNamed(chunks, 'data', fileName);
  const frames = Math.floor(data.size / format.blockAlign);
  const view = new DataView(bytes.buffer, bytes.byteOffset + data.offset, data.size);
  const read = sampleReader(format);
  const bytesPerSample = format.bitsPerSample / 8;
  const channels = Array.from({ length: format.channels }, () => new Float32Array(frames));
  for (let c = 0; c < format.channels; c++) {
    const out = channels[c];
    for (let i = 0, at = c * bytesPerSample; i < frames; i++, at += format.blockAlign) out[i] = read(view, at);
  }
  return { sampleRate: format.sampleRate, channels };
}

/**
 * The patch JSON that `writeWav` embedded in a 'gpch' chunk, or null when the file has none.
 * @example
 * const json = extractPatchFromWav(bytes); // '{"format":"genpatch",...}' or null
 */
export function extractPatchFromWav(bytes: Uint8Array, fileName = 'WAV file'): string | null {
  const chunk = readWaveChunks(bytes, fileName).find((c) => c.id === PATCH_CHUNK_ID);
  if (!chunk) return null;
  try {
    return strFromU8(inflateSync(bytes.subarray(chunk.offset, chunk.offset + chunk.size)));
  } catch (err) {
    throw new Error(`${fileName}: embedded patch is damaged (${err instanceof Error ? err.message : String(err)})`);
  }
}
