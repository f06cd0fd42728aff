import { describe, expect, it } from 'vitest';
import type { AudioClip } from '../../../src/engine/values';
import { writeWav } from '../../../src/dsp/wav';
import { audioFileNode, trimClip } from '../../../nodes/io/audioFile';
import { makeAsset, runNode } from '../runNode';

/** One second of a 441 Hz sine at 0.5 on the left and a ramp from 0 to 1 on the right, at 8 kHz. */
function testClip(rate = 8000): AudioClip {
  const left = new Float32Array(rate);
  const right = new Float32Array(rate);
  for (let i = 0; i < rate; i++) {
    left[i] = 0.5 * Math.sin((2 * Math.PI * 441 * i) / rate);
    right[i] = i / rate;
  }
  return { sampleRate: rate, channels: [left, right] };
}

const peak = (ch: Float32Array): number => ch.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const wavAsset = (id: string, name: string, clip: AudioClip, bitDepth: 16 | 24 | 32 = 16, float = false) =>
  makeAsset(id, name, writeWav(clip, { bitDepth, float }), 'audio/wav');
const audioOf = (outputs: Record<string, unknown>): AudioClip => outputs.audio as AudioClip;

describe('audio.file', () => {
  it('reads an embedded WAV with its rate and channels, with a waveform preview and a summary', async () => {
    const clip = testClip();
    const asset = wavAsset('a1', 'tone.wav', clip, 32, true);
    const { outputs, previews } = await runNode(audioFileNode, {}, { file: 'a1' }, { assets: [asset] });
    const audio = audioOf(outputs);
    expect(audio.sampleRate).toBe(8000);
    expect(audio.channels).toHaveLength(2);
    expect(audio.channels[0]).toEqual(clip.channels[0]);
    expect(audio.channels[1]).toEqual(clip.channels[1]);
    expect(previews?.[0]).toEqual({ kind: 'waveform', title: 'Waveform', port: 'audio' });
    expect(previews?.[1]).toEqual({ kind: 'text', title: 'tone.wav', text: '1.000 s, 2 channel(s) at 8000 Hz.' });
  });

  it('reads 16-bit PCM within its quantization step', async () => {
    const clip = testClip();
    const { outputs } = await runNode(audioFileNode, {}, { file: 'a' }, { assets: [wavAsset('a', 'tone16.wav', clip)] });
    const audio = audioOf(outputs);
    let worst = 0;
    for (let i = 0; i < 8000; i++) worst = Math.max(worst, Math.abs(audio.channels[0][i] - clip.channels[0][i]));
    expect(worst).toBeLessThanOrEqual(1 / 32768);
  });

  it('trims to the stretch between start and end, in seconds', async () => {
    const asset = wavAsset('a', 'ramp.wav', testClip(), 32, true);
    const audio = audioOf((await runNode(audioFileNode, {}, { file: 'a', start: 0.25, end: 0.75 }, { assets: [asset] })).outputs);
    expect(audio.channels[1]).toHaveLength(4000);
    expect(audio.channels[1][0]).toBeCloseTo(0.25, 6);
    expect(audio.channels[1][3999]).toBeCloseTo(0.749875, 6);
    const tail = audioOf((await runNode(audioFileNode, {}, { file: 'a', start: 0.5, end: 30 }, { assets: [asset] })).outputs);
    expect(tail.channels[0]).toHaveLength(4000);
  });

  it('applies its gain in decibels', async () => {
    const asset = wavAsset('a', 'tone.wav', testClip(), 32, true);
    const audio = audioOf((await runNode(audioFileNode, {}, { file: 'a', gain: -6 }, { assets: [asset] })).outputs);
    expect(peak(audio.channels[0])).toBeCloseTo(0.5 * 10 ** (-6 / 20), 4);
  });

  it('resamples to a target rate, keeping the duration and the tone', async () => {
    const asset = wavAsset('a', 'tone.wav', testClip(), 32, true);
    const { outputs, previews } = await runNode(audioFileNode, {}, { file: 'a', sampleRate: 16000 }, { assets: [asset] });
    const audio = audioOf(outputs);
    expect(audio.sampleRate).toBe(16000);
    expect(audio.channels[0]).toHaveLength(16000);
    // Away from the edges, the 441 Hz sine is the same sine at the new rate.
    let worst = 0;
    for (let i = 2000; i < 14000; i++) worst = Math.max(worst, Math.abs(audio.channels[0][i] - 0.5 * Math.sin((2 * Math.PI * 441 * i) / 16000)));
    expect(worst).toBeLessThan(1e-3);
    expect(previews?.[1]).toMatchObject({ text: '1.000 s, 2 channel(s) at 16000 Hz (resampled from 8000 Hz).' });
  });

  it('says clearly what is wrong, naming the file', async () => {
    const tone = wavAsset('a', 'tone.wav', testClip());
    await expect(runNode(audioFileNode)).rejects.toThrow('audio.file: no file chosen');
    await expect(runNode(audioFileNode, {}, { file: 'gone' })).rejects.toThrow('the patch has no asset "gone"');
    const broken = makeAsset('b', 'broken.wav', new TextEncoder().encode('RIFF but not really a wave file'));
    await expect(runNode(audioFileNode, {}, { file: 'b' }, { assets: [broken] })).rejects.toThrow(/^audio\.file: broken\.wav: /);
    const truncated = makeAsset('t', 'cut.wav', writeWav(testClip()).slice(0, 30));
    await expect(runNode(audioFileNode, {}, { file: 't' }, { assets: [truncated] })).rejects.toThrow(/^audio\.file: cut\.wav: /);
    await expect(runNode(audioFileNode, {}, { file: 'a', start: 2 }, { assets: [tone] }))
      .rejects.toThrow('audio.file: start 2 s is past the end of tone.wav (1.000 s)');
    await expect(runNode(audioFileNode, {}, { file: 'a', start: 0.5, end: 0.25 }, { assets: [tone] }))
      .rejects.toThrow('audio.file: end 0.25 s is not after start 0.5 s in tone.wav');
    const empty = wavAsset('e', 'empty.wav', { sampleRate: 8000, channels: [new Float32Array(0)] });
    await expect(runNode(audioFileNode, {}, { file: 'e' }, { assets: [empty] })).rejects.toThrow('audio.file: empty.wav holds no samples');
  });
});

describe('trimClip', () => {
  it('returns the clip itself when nothing is trimmed', () => {
    const clip = testClip();
    expect(trimClip(clip, 0, 0, 'x.wav')).toBe(clip);
    expect(trimClip(clip, 0, 5, 'x.wav')).toBe(clip);
  });
});
