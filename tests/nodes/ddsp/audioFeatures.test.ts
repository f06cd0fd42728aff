/** ddsp.audio-features: a synthetic tone reads its own pitch and loudness; silence reads unvoiced at −100 dB. */
import { describe, expect, it } from 'vitest';
import { audioFeaturesNode } from '../../../nodes/ddsp/audioFeaturesNode';
import { cleanPitch } from '../../../nodes/ddsp/cleanPitch';
import type { Features } from '../../../src/engine/values';
import { runNode } from '../runNode';
import { cents, harmonicTone, median } from './tones';

describe('ddsp.audio-features', () => {
  it('reads a 1 kHz sine at half scale after half a second of silence: 1000 Hz, −9 dB, unvoiced silence', async () => {
    const clip = harmonicTone(1000, { sampleRate: 44100, seconds: 1, amplitude: 0.5, silence: 0.5 });
    const { outputs, previews } = await runNode(audioFeaturesNode, { audio: clip });
    const { frameRate, f0, loudness, extra } = outputs.features as Features;
    expect(frameRate).toBe(250);
    expect(f0.length).toBe(Math.floor((1.5 * 16000) / 64) + 1);
    const tone = (a: Float32Array) => Array.from(a.subarray(175, 350)); // 0.7–1.4 s, away from the edges
    const silent = (a: Float32Array) => Array.from(a.subarray(0, 90)); // 0–0.36 s, before the tone reaches a window
    expect(Math.abs(cents(median(tone(f0)), 1000))).toBeLessThan(3);
    expect(median(tone(loudness))).toBeCloseTo(-3.01 - 6.02, 1);
    expect(Math.min(...tone(extra!.voicing))).toBeGreaterThan(0.85);
    expect(silent(f0).every((v) => v === 0)).toBe(true);
    expect(silent(loudness).every((v) => v === -100)).toBe(true);
    expect(previews?.map((p) => [p.kind, p.title])).toEqual([['line', 'f0 (Hz)'], ['line', 'Loudness (dB)']]);
  });

  it('follows a 220 Hz harmonic tone at 48 kHz and gives 6 dB less for half the amplitude', async () => {
    const read = async (amplitude: number) => {
      const clip = harmonicTone(220, { sampleRate: 48000, seconds: 1, amplitude, count: 10 });
      return (await runNode(audioFeaturesNode, { audio: clip })).outputs.features as Features;
    };
    const loud = await read(0.4);
    const soft = await read(0.2);
    const middle = (a: Float32Array) => median(Array.from(a.subarray(50, 200)));
    expect(Math.abs(cents(middle(loud.f0), 220))).toBeLessThan(3);
    expect(middle(loud.loudness) - middle(soft.loudness)).toBeCloseTo(6.02, 1);
  });
});

describe('cleanPitch', () => {
  it('drops frames under the confidence and removes a short subharmonic jump', () => {
    const f0 = Float32Array.from({ length: 40 }, (_, m) => (m >= 18 && m < 21 ? 110 : m < 20 ? 330 : 440));
    const voicing = Float32Array.from({ length: 40 }, (_, m) => (m === 30 ? 0.88 : 0.97));
    const out = cleanPitch(f0, voicing, 0.92, 9);
    expect(Array.from(out.subarray(16, 22))).toEqual([330, 330, 330, 330, 330, 440].map((v) => Math.fround(v)));
    expect(out[30]).toBe(0);
    expect(out[5]).toBeCloseTo(330, 3);
    expect(cleanPitch(f0, voicing, 0.85, 1)).toEqual(f0);
  });
});
