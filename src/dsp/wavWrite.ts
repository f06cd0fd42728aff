/**
 * AudioClip → WAV. Integer PCM (16/24/32-bit) or 32-bit float; WAVE_FORMAT_EXTENSIBLE where the
 * spec asks for it (more than two channels or integer samples over 16 bits). Integer conversion
 * has no dither and cannot wrap: samples are clamped to full scale (NaN becomes silence).
 */
import { deflateSync, strToU8 } from 'fflate';
import type { AudioClip } from '../engine/values';
import { riffChunk, riffWaveFile } from './riff';
import { PATCH_CHUNK_ID } from './wavRead';

/** Options of `writeWav`. */
export interface WriteWavOptions {
  /** Bits per sample (default 16). */
  bitDepth?: 16 | 24 | 32;
  /** Write IEEE float samples instead of integers (needs bitDepth 32). */
  float?: boolean;
  /** Patch JSON to embed in a 'gpch' chunk, so the file reopens its patch (see `extractPatchFromWav`). */
  patchJson?: string;
}

const PCM = 1;
const IEEE_FLOAT = 3;
const EXTENSIBLE = 0xfffe;
/** The tail shared by the KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT GUIDs (after the 2-byte tag). */
const GUID_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

/** Speaker mask for the channel count: the usual front pair or centre, else the first n speakers. */
const channelMask = (n: number): number => (n === 1 ? 0x4 : n === 2 ? 0x3 : n < 32 ? 2 ** n - 1 : 0);

function formatChunk(channels: number, sampleRate: number, bits: number, float: boolean): Uint8Array {
  const extensible = channels > 2 || (!float && bits > 16);
  const fmt = new Uint8Array(extensible ? 40 : float ? 18 : 16);
  const view = new DataView(fmt.buffer);
  const encoding = float ? IEEE_FLOAT : PCM;
  const blockAlign = (channels * bits) / 8;
  view.setUint16(0, extensible ? EXTENSIBLE : encoding, true);
  view.setUint16(2, channels, true);
  view.setUint32(4, sampleRate, true);
  view.setUint32(8, sampleRate * blockAlign, true);
  view.setUint16(12, blockAlign, true);
  view.setUint16(14, bits, true);
  if (extensible) {
    view.setUint16(16, 22, true); // cbSize
    view.setUint16(18, bits, true); // valid bits per sample
    view.setUint32(20, channelMask(channels), true);
    view.setUint16(24, encoding, true);
    fmt.set(GUID_TAIL, 26);
  }
  return fmt;
}

/** Interleaves the channels into sample bytes. */
function sampleData(clip: AudioClip, bits: number, float: boolean): Uint8Array {
  const frames = clip.channels[0].length;
  const n = clip.channels.length;
  const bytesPerSample = bits / 8;
  const out = new Uint8Array(frames * n * bytesPerSample);
  const view = new DataView(out.buffer);
  const full = 2 ** (bits - 1);
  for (let c = 0; c < n; c++) {
    const src = clip.channels[c];
    for (let i = 0, at = c * bytesPerSample; i < frames; i++, at += n * bytesPerSample) {
      const x = Number.isFinite(src[i]) ? src[i] : 0;
      if (float) { view.setFloat32(at, x, true); continue; }
      const q = Math.max(-full, Math.min(full - 1, Math.round(x * full)));
      if (bits === 16) view.setInt16(at, q, true);
      else if (bits === 32) view.setInt32(at, q, true);
      else { view.setUint8(at, q & 0xff); view.setUint8(at + 1, (q >> 8) & 0xff); view.setInt8(at + 2, q >> 16); }
    }
  }
  return out;
}

/**
 * Encodes an AudioClip as a WAV file; `readWav` reads it back.
 * @example
 * const bytes = writeWav(clip, { bitDepth: 24, patchJson: JSON.stringify(patch) });
 */
export function writeWav(clip: AudioClip, opts: WriteWavOptions = {}): Uint8Array {
  const bits = opts.bitDepth ?? 16;
  const float = opts.float ?? false;
  if (![16, 24, 32].includes(bits)) throw new Error(`writeWav: bitDepth must be 16, 24 or 32, got ${bits}`);
  if (float && bits !== 32) throw new Error(`writeWav: float samples need bitDepth 32, got ${bits}`);
  if (clip.channels.length === 0) throw new Error('writeWav: the clip has no channels');
  const frames = clip.channels[0].length;
  if (clip.channels.some((ch) => ch.length !== frames)) throw new Error('writeWav: channels differ in length');
  const sampleRate = Math.round(clip.sampleRate);
  if (!(sampleRate > 0)) throw new Error(`writeWav: sample rate must be positive, got ${clip.sampleRate}`);

  const chunks = [riffChunk('fmt ', formatChunk(clip.channels.length, sampleRate, bits, float))];
  if (float) {
    const fact = new Uint8Array(4);
    new DataView(fact.buffer).setUint32(0, frames, true);
    chunks.push(riffChunk('fact', fact)); // sample frames: required for non-PCM data
  }
  chunks.push(riffChunk('data', sampleData(clip, bits, float)));
  if (opts.patchJson !== undefined) chunks.push(riffChunk(PATCH_CHUNK_ID, deflateSync(strToU8(opts.patchJson), { level: 9 })));
  return riffWaveFile(chunks);
}
