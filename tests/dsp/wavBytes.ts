/** Builds WAV bytes field by field for tests, independently of src/dsp (odd chunks, broken headers…). */

const le32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const le16 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff];
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** A chunk; odd bodies get the RIFF pad byte unless `pad` is false. Pass `size` to lie about the length. */
export function wavChunk(id: string, body: number[], opts: { pad?: boolean; size?: number } = {}): number[] {
  const pad = (opts.pad ?? true) && body.length % 2 === 1 ? [0] : [];
  return [...ascii(id), ...le32(opts.size ?? body.length), ...body, ...pad];
}

/** A plain (16-byte) 'fmt ' chunk body. */
export function fmtBody(tag: number, channels: number, rate: number, bits: number): number[] {
  const blockAlign = (channels * bits) / 8;
  return [...le16(tag), ...le16(channels), ...le32(rate), ...le32(rate * blockAlign), ...le16(blockAlign), ...le16(bits)];
}

/** RIFF/WAVE around chunks; `riffSize` overrides the declared size. */
export function wavFile(chunks: number[][], riffSize?: number): Uint8Array {
  const body = chunks.flat();
  return Uint8Array.from([...ascii('RIFF'), ...le32(riffSize ?? body.length + 4), ...ascii('WAVE'), ...body]);
}

/** 16-bit little-endian sample bytes. */
export function int16Bytes(samples: number[]): number[] {
  return samples.flatMap((s) => le16(s & 0xffff));
}
