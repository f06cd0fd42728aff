import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AudioClip } from '../../src/engine/values';
import { readWaveChunks } from '../../src/dsp/riff';
import { extractPatchFromWav, readWav, readWavFormat, writeWav, type WriteWavOptions } from '../../src/dsp/wav';
import { sine } from './signal';

/** Exactly representable levels for `bits`, plus values that must clip or be silenced. */
function testClip(channels: number, bits: number): AudioClip {
  const full = 2 ** (bits - 1);
  const exact = [0, 1 / full, -1 / full, 0.5, -0.25, (full - 1) / full, -1];
  return {
    sampleRate: 44100,
    channels: Array.from({ length: channels }, (_, c) => Float32Array.from([...(c % 2 ? [...exact].reverse() : exact), 1, 1.5, -3, NaN])),
  };
}

const formats: { opts: WriteWavOptions; tag: number; extensible: boolean }[] = [
  { opts: { bitDepth: 16 }, tag: 1, extensible: false },
  { opts: { bitDepth: 24 }, tag: 1, extensible: true },
  { opts: { bitDepth: 32 }, tag: 1, extensible: true },
  { opts: { bitDepth: 32, float: true }, tag: 3, extensible: false },
];

describe('writeWav → readWav round trips', () => {
  for (const { opts, tag, extensible } of formats) {
    for (const channels of [1, 2, 5]) {
      it(`${opts.float ? 'float' : 'int'}${opts.bitDepth}, ${channels} channel(s)`, () => {
        const clip = testClip(channels, opts.float ? 24 : opts.bitDepth!);
        const bytes = writeWav(clip, opts);
        const chunks = readWaveChunks(bytes);
        const format = readWavFormat(bytes, chunks.find((c) => c.id === 'fmt ')!);
        expect(format.encoding).toBe(tag);
        expect(format.extensible).toBe(extensible || channels > 2);
        expect(format.bitsPerSample).toBe(opts.bitDepth);
        expect(chunks.some((c) => c.id === 'fact')).toBe(tag === 3);

        const back = readWav(bytes);
        expect(back.sampleRate).toBe(44100);
        expect(back.channels).toHaveLength(channels);
        back.channels.forEach((ch, c) => {
          const src = clip.channels[c];
          expect(Array.from(ch.subarray(0, 7))).toEqual(Array.from(src.subarray(0, 7))); // exact levels survive
          if (opts.float) {
            expect(Array.from(ch.subarray(7))).toEqual([1, 1.5, -3, 0]); // float keeps overs; NaN → 0
          } else {
            const top = Math.fround(1 - 2 ** (1 - opts.bitDepth!)); // as a Float32Array holds it
            expect(Array.from(ch.subarray(7))).toEqual([top, top, -1, 0]); // clipped, never wrapped
          }
        });
      });
    }
  }

  it('round-trips an arbitrary signal within half a quantization step', () => {
    const clip = { sampleRate: 48000, channels: [sine(997, 48000, 2000, 0.9), sine(3001, 48000, 2000, 0.3)] };
    for (const bits of [16, 24] as const) {
      const back = readWav(writeWav(clip, { bitDepth: bits }));
      let worst = 0;
      back.channels.forEach((ch, c) => ch.forEach((v, i) => { worst = Math.max(worst, Math.abs(v - clip.channels[c][i])); }));
      expect(worst).toBeLessThanOrEqual(2 ** -bits + 1e-9);
    }
  });

  it('embeds the patch in a gpch chunk that readers skip', () => {
    const patch = JSON.stringify({ format: 'genpatch', nodes: Array(30).fill({ type: 'ddsp.synth', params: { harmonics: 60 } }), title: 'Ré' });
    const clip = { sampleRate: 16000, channels: [sine(440, 16000, 101)] };
    const bytes = writeWav(clip, { patchJson: patch });
    expect(extractPatchFromWav(bytes)).toBe(patch);
    expect(extractPatchFromWav(writeWav(clip))).toBeNull();
    const gpch = readWaveChunks(bytes).find((c) => c.id === 'gpch')!;
    expect(gpch.size).toBeLessThan(patch.length / 4); // stored deflated
    expect(bytes.length % 2).toBe(0); // odd chunks are padded
    expect(readWav(bytes).channels[0]).toEqual(readWav(writeWav(clip)).channels[0]);
  });

  it('refuses options and clips it cannot write', () => {
    const clip = { sampleRate: 8000, channels: [new Float32Array(4)] };
    expect(() => writeWav(clip, { bitDepth: 8 as 16 })).toThrow('bitDepth must be 16, 24 or 32');
    expect(() => writeWav(clip, { bitDepth: 16, float: true })).toThrow('float samples need bitDepth 32');
    expect(() => writeWav({ sampleRate: 8000, channels: [] })).toThrow('the clip has no channels');
    expect(() => writeWav({ sampleRate: 8000, channels: [new Float32Array(4), new Float32Array(3)] })).toThrow('channels differ in length');
    expect(() => writeWav({ sampleRate: 0, channels: [new Float32Array(4)] })).toThrow('sample rate must be positive');
  });
});

const hasSox = (() => {
  try { execFileSync('sox', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
})();

describe.skipIf(!hasSox)('files written here, read by SoX', () => {
  it.each(formats)('SoX decodes $opts the same samples', ({ opts }) => {
    const clip = { sampleRate: 22050, channels: [sine(440, 22050, 300, 0.7), sine(1000, 22050, 300, -0.4), sine(50, 22050, 300, 0.1)] };
    const dir = mkdtempSync(join(tmpdir(), 'genpatch-wav-'));
    try {
      const file = join(dir, 'out.wav');
      writeFileSync(file, writeWav(clip, { ...opts, patchJson: '{"a":1}' }));
      const info = execFileSync('sox', ['--i', file], { encoding: 'utf8' });
      expect(info).toMatch(/Channels\s*:\s*3/);
      expect(info).toMatch(/Sample Rate\s*:\s*22050/);
      const raw = execFileSync('sox', [file, '-t', 'raw', '-e', 'floating-point', '-b', '64', '-'], { maxBuffer: 1 << 20 });
      const decoded = new Float64Array(raw.buffer, raw.byteOffset, raw.length / 8);
      expect(decoded).toHaveLength(900);
      let worst = 0;
      decoded.forEach((v, k) => { worst = Math.max(worst, Math.abs(v - clip.channels[k % 3][Math.floor(k / 3)])); });
      expect(worst).toBeLessThan(2 ** -15);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
