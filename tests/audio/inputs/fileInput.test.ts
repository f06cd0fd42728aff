/** Audio-file input rendered offline on node-web-audio-api: the decoded file loops sample-exactly. */
import * as nodeAudio from 'node-web-audio-api';
import { describe, expect, it } from 'vitest';
import { openAudioFile } from '../../../src/audio/inputs';
import { writeWav } from '../../../src/dsp/wav';

const RATE = 44100;
const LENGTH = 2205; // 50 ms

/** A WAV holding a rising ramp, so every position in the file has its own value. */
function rampWav(): ArrayBuffer {
  const ch = Float32Array.from({ length: LENGTH }, (_, i) => -0.5 + i / LENGTH);
  const bytes = writeWav({ sampleRate: RATE, channels: [ch] });
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function render(frames: number, setup: (ctx: BaseAudioContext) => Promise<{ buffer: AudioBuffer }>): Promise<{ out: Float32Array; file: Float32Array }> {
  const ctx = new nodeAudio.OfflineAudioContext(1, frames, RATE) as unknown as OfflineAudioContext;
  const { buffer } = await setup(ctx);
  const rendered = await ctx.startRendering();
  return { out: rendered.getChannelData(0), file: buffer.getChannelData(0) };
}

describe('openAudioFile', () => {
  it('decodes a WAV and loops the whole file', async () => {
    const { out, file } = await render(LENGTH * 3 + 100, async (ctx) => {
      const input = await openAudioFile(ctx, rampWav(), { name: 'ramp.wav' });
      input.output.connect(ctx.destination);
      input.start(0);
      expect(input.playing).toBe(true);
      return input;
    });
    expect(file.length).toBe(LENGTH);
    expect(file[0]).toBeCloseTo(-0.5, 3);
    let worst = 0;
    for (let k = 0; k < out.length; k++) worst = Math.max(worst, Math.abs(out[k] - file[k % LENGTH]));
    expect(worst).toBeLessThan(1e-6);
  });

  it('loops a region and plays once without loop', async () => {
    const start = 441 / RATE;
    const end = 882 / RATE;
    const looped = await render(4000, async (ctx) => {
      const input = await openAudioFile(ctx, rampWav());
      input.setLoop(start, end);
      input.output.connect(ctx.destination);
      input.start(0);
      return input;
    });
    // node-web-audio-api 1.0.9 plays the sample at loopEnd on each wrap (browsers play [loopStart, loopEnd)), so those are skipped.
    let worst = 0;
    for (let k = 0; k < looped.out.length; k++) {
      if (k % 441 !== 0 || k === 0) worst = Math.max(worst, Math.abs(looped.out[k] - looped.file[441 + (k % 441)]));
    }
    expect(worst).toBeLessThan(1e-6);

    const once = await render(LENGTH * 2, async (ctx) => {
      const input = await openAudioFile(ctx, rampWav(), { loop: false });
      input.output.connect(ctx.destination);
      input.start(0);
      return input;
    });
    expect(once.out[LENGTH - 1]).toBeCloseTo(once.file[LENGTH - 1], 5);
    expect([...once.out.subarray(LENGTH + 1)].every((v) => v === 0)).toBe(true);
  });

  it('names the file that cannot be decoded and a loop outside it', async () => {
    const ctx = new nodeAudio.OfflineAudioContext(1, 128, RATE) as unknown as OfflineAudioContext;
    await expect(openAudioFile(ctx, new TextEncoder().encode('not audio').buffer as ArrayBuffer, { name: 'notes.txt' }))
      .rejects.toThrow(/audio file "notes.txt" could not be decoded/);
    const input = await openAudioFile(ctx, rampWav(), { name: 'ramp.wav' });
    expect(() => input.setLoop(0.01, 1)).toThrow(/ramp.wav": loop region 0.01–1 s is outside its 0.050 s/);
  });
});
