/** ddsp.notes-features: pitch glides and vibrato, the loudness envelope with its −100 dB floor, and the highest note winning. */
import { describe, expect, it } from 'vitest';
import { notesFeaturesNode } from '../../../nodes/ddsp/notesFeaturesNode';
import type { Features, Note, NoteSequence } from '../../../src/engine/values';
import { runNode } from '../runNode';
import { cents } from './tones';

/** A sequence at 60 BPM, so beats are seconds. */
const seq = (notes: Partial<Note>[], length = 4): NoteSequence => ({
  notes: notes.map((n) => ({ pitch: 69, velocity: 1, start: 0, duration: 1, ...n })),
  tempo: 60, timeSignature: { numerator: 4, denominator: 4 }, length,
});
const still = { vibratoDepth: 0, glide: 0, attack: 0, release: 0 };
const features = async (notes: NoteSequence, params: Record<string, unknown>) =>
  (await runNode(notesFeaturesNode, { notes }, params)).outputs.features as Features;
const at = (a: Float32Array, seconds: number) => a[Math.round(seconds * 250)];

describe('ddsp.notes-features', () => {
  it('holds each pitch exactly and covers the sequence plus the tail', async () => {
    const f = await features(seq([{ pitch: 69 }, { pitch: 72, start: 1 }], 2), { ...still, tail: 0.5 });
    expect(f.frameRate).toBe(250);
    expect(f.f0.length).toBe(2.5 * 250 + 1);
    expect(at(f.f0, 0.5)).toBeCloseTo(440, 3);
    expect(at(f.f0, 1.5)).toBeCloseTo(440 * 2 ** (3 / 12), 3);
  });

  it('glides linearly in pitch over the glide time', async () => {
    const f = await features(seq([{ pitch: 69 }, { pitch: 81, start: 1 }], 2), { ...still, glide: 0.2 });
    expect(cents(at(f.f0, 1), 440)).toBeCloseTo(0, 3);
    expect(cents(at(f.f0, 1.04), 440)).toBeCloseTo(240, 3);
    expect(cents(at(f.f0, 1.1), 440)).toBeCloseTo(600, 3);
    expect(cents(at(f.f0, 1.2), 440)).toBeCloseTo(1200, 3);
    expect(at(f.f0, 1.5)).toBeCloseTo(880, 2);
  });

  it('a glide interrupted by the next note starts from where the pitch is', async () => {
    const f = await features(seq([{ pitch: 69 }, { pitch: 81, start: 1, duration: 0.1 }, { pitch: 69, start: 1.1 }], 2), { ...still, glide: 0.2 });
    expect(cents(at(f.f0, 1.1), 440)).toBeCloseTo(600, 3);
    expect(cents(at(f.f0, 1.2), 440)).toBeCloseTo(300, 3);
  });

  it('vibrato: the rate and depth asked for, faded in after the onset', async () => {
    const f = await features(seq([{ pitch: 69, duration: 3 }]), { ...still, vibratoRate: 5, vibratoDepth: 50, vibratoFadeIn: 0.5 });
    const dev = Array.from(f.f0.subarray(225, 725), (v) => cents(v, 440)); // 0.9–2.9 s, fully faded in
    expect(Math.max(...dev)).toBeCloseTo(50, 0); // the frames straddle the peaks by up to 0.1 cent
    expect(Math.min(...dev)).toBeCloseTo(-50, 0);
    let crossings = 0;
    for (let i = 1; i < dev.length; i++) if (dev[i - 1] < 0 && dev[i] >= 0) crossings++;
    expect(crossings).toBe(10); // 5 Hz over 2 s
    expect(Math.max(...Array.from(f.f0.subarray(0, 25), (v) => Math.abs(cents(v, 440))))).toBeLessThan(50 * (0.1 / 0.5)); // at most a fifth of the depth in the first 0.1 s
  });

  it('loudness: velocity in dB, a linear-amplitude attack and release, −100 dB between notes', async () => {
    const notes = seq([{ velocity: 1 }, { velocity: 0.5, start: 2 }], 3);
    const f = await features(notes, { ...still, attack: 0.1, release: 0.2, loudness: -20, dynamics: 24 });
    expect(at(f.loudness, 0)).toBe(-100);
    expect(at(f.loudness, 0.048)).toBeCloseTo(-20 + 20 * Math.log10(0.48), 3); // 48 ms into a 100 ms attack
    expect(at(f.loudness, 0.5)).toBeCloseTo(-20, 5);
    expect(at(f.loudness, 1.1)).toBeCloseTo(-20 + 20 * Math.log10(0.5), 3); // half-way down the release
    expect(Array.from(f.loudness.subarray(Math.round(1.2 * 250), 500)).every((v) => v === -100)).toBe(true);
    expect(at(f.loudness, 2.5)).toBeCloseTo(-32, 5);
    expect(at(f.extra!.voicing, 1.5)).toBe(0);
    expect(at(f.f0, 1.5)).toBeCloseTo(440, 3); // the pitch holds through the silence
  });

  it('tongues touching notes anew unless legato', async () => {
    const notes = seq([{ duration: 1 }, { start: 1, pitch: 71 }], 2);
    const tongued = await features(notes, { ...still, attack: 0.05, loudness: -20 });
    const slurred = await features(notes, { ...still, attack: 0.05, loudness: -20, legato: true });
    expect(at(tongued.loudness, 1)).toBeLessThan(-60);
    expect(at(slurred.loudness, 1)).toBeCloseTo(-20, 5);
  });

  it('is monophonic: the highest of overlapping notes sounds', async () => {
    const chord = seq([{ pitch: 60, duration: 2 }, { pitch: 67, duration: 2 }, { pitch: 64, duration: 2 }, { pitch: 62, start: 1, duration: 2 }], 3);
    const f = await features(chord, still);
    expect(at(f.f0, 0.5)).toBeCloseTo(440 * 2 ** (-2 / 12), 2); // G4 over C4 and E4
    expect(at(f.f0, 2.5)).toBeCloseTo(440 * 2 ** (-7 / 12), 2); // D4 alone once the chord ends
  });

  it('an empty sequence gives silence', async () => {
    const f = await features(seq([], 1), {});
    expect(f.loudness.every((v) => v === -100)).toBe(true);
    expect(f.f0.every((v) => v === 0)).toBe(true);
  });
});
