import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWav } from '../../src/dsp/wav';
import { dominantFrequency, toneAmplitude } from './signal';
import { fmtBody, int16Bytes, wavChunk, wavFile } from './wavBytes';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/audio/${name}`, import.meta.url)));

/** SoX-made files (tests/fixtures/audio/make-fixtures.sh): 400 frames at 8 kHz of a 440 Hz sine at 0.5. */
const soxFiles = [
  { file: 'sine440_u8.wav', channels: 1, step: 1 / 128 },
  { file: 'sine440_s16.wav', channels: 1, step: 1 / 32768 },
  { file: 'sine440_s24_stereo.wav', channels: 2, step: 1 / 8388608 }, // WAVE_FORMAT_EXTENSIBLE
  { file: 'sine440_s32.wav', channels: 1, step: 1 / 2147483648 }, // WAVE_FORMAT_EXTENSIBLE
  { file: 'sine440_f32.wav', channels: 1, step: 2 ** -24 },
  { file: 'sine440_f64.wav', channels: 1, step: 0 },
];

describe('readWav on files made by SoX', () => {
  const reference = readWav(fixture('sine440_f64.wav')).channels[0];

  it.each(soxFiles)('$file decodes to the same 440 Hz sine', ({ file, channels, step }) => {
    const clip = readWav(fixture(file), file);
    expect(clip.sampleRate).toBe(8000);
    expect(clip.channels).toHaveLength(channels);
    for (const ch of clip.channels) {
      expect(ch).toHaveLength(400);
      expect(dominantFrequency(ch, 8000)).toBe(440);
      expect(toneAmplitude(ch, 440, 8000)).toBeCloseTo(0.5, 2);
      // Every sample equals the float64 original up to half a quantization step of its format.
      let worst = 0;
      for (let i = 0; i < ch.length; i++) worst = Math.max(worst, Math.abs(ch[i] - reference[i]));
      expect(worst).toBeLessThanOrEqual(step / 2 + 1e-7);
    }
  });

  it('keeps channel order in a 3-channel extensible file', () => {
    const clip = readWav(fixture('tones_440_660_880_3ch.wav'));
    expect(clip.channels.map((ch) => dominantFrequency(ch, 8000))).toEqual([440, 660, 880]);
  });
});

describe('readWav on hand-built files', () => {
  const samples = [0, 16384, -16384, 32767, -32768];

  it('skips unknown chunks, including odd-sized ones with their pad byte', () => {
    const bytes = wavFile([
      wavChunk('fmt ', fmtBody(1, 1, 22050, 16)),
      wavChunk('junk', [1, 2, 3]), // odd: followed by a pad byte
      wavChunk('LIST', [...'INFOISFT'].map((c) => c.charCodeAt(0))),
      wavChunk('data', int16Bytes(samples)),
      wavChunk('cue ', [9]),
    ]);
    const clip = readWav(bytes);
    expect(clip.sampleRate).toBe(22050);
    expect(Array.from(clip.channels[0])).toEqual([0, 0.5, -0.5, 32767 / 32768, -1]);
  });

  it('de-interleaves stereo and ignores a trailing half frame', () => {
    const bytes = wavFile([wavChunk('fmt ', fmtBody(1, 2, 8000, 16)), wavChunk('data', [...int16Bytes(samples), 7])]);
    const clip = readWav(bytes);
    expect(Array.from(clip.channels[0])).toEqual([0, -0.5]); // the fifth sample has no partner
    expect(Array.from(clip.channels[1])).toEqual([0.5, 32767 / 32768]);
  });

  it('reads a streamed file whose data size was never filled in', () => {
    const bytes = wavFile([wavChunk('fmt ', fmtBody(1, 1, 8000, 16)), wavChunk('data', int16Bytes(samples), { size: 0xffffffff })], 0xffffffff);
    expect(readWav(bytes).channels[0]).toHaveLength(5);
  });

  it('names the file and the problem when it cannot read it', () => {
    const fmt = wavChunk('fmt ', fmtBody(1, 1, 8000, 16));
    const data = wavChunk('data', int16Bytes(samples));
    const cases: [Uint8Array, string][] = [
      [new TextEncoder().encode('MThd not audio'), 'x.wav: not a WAV file (no RIFF/WAVE header)'],
      [Uint8Array.from([...'RIFX\0\0\0\0WAVE'].map((c) => c.charCodeAt(0))), 'x.wav: big-endian WAV (RIFX) is not supported'],
      [wavFile([fmt, data]).slice(0, 44 + 3), "x.wav: truncated: chunk 'data' declares 10 bytes but only 3 remain"],
      [wavFile([data]), "x.wav: no 'fmt ' chunk"],
      [wavFile([fmt]), "x.wav: no 'data' chunk"],
      [wavFile([wavChunk('fmt ', fmtBody(7, 1, 8000, 8)), data]), 'x.wav: unsupported encoding: format tag 0x0007 (mu-law)'],
      [wavFile([wavChunk('fmt ', fmtBody(1, 1, 8000, 12)), data]), 'x.wav: unsupported PCM bit depth 12'],
      [wavFile([wavChunk('fmt ', fmtBody(3, 1, 8000, 16)), data]), 'x.wav: unsupported float bit depth 16'],
      [wavFile([wavChunk('fmt ', fmtBody(1, 1, 8000, 16).slice(0, 12)), data]), "x.wav: 'fmt ' chunk is 12 bytes"],
      [wavFile([wavChunk('fmt ', fmtBody(1, 0, 8000, 16)), data]), 'x.wav: the format declares 0 channels'],
    ];
    for (const [bytes, message] of cases) expect(() => readWav(bytes, 'x.wav')).toThrow(message);
  });
});
