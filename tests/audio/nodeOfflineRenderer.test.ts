import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeOfflineRenderer } from '../../src/audio/nodeOfflineRenderer';
import { createSequence } from '../../src/music/noteSequence';
import type { AudioClip, NoteSequence } from '../../src/engine/values';
import { gmDrumKit } from '../../nodes/audio/gmDrumKit';
import type { InstrumentSpec } from '../../nodes/audio/instrumentSpec';
import type { NoteRenderer } from '../../nodes/audio/renderService';
import { cMajorScale, singleNote, testEnvelope } from './fixtures';
import { onsetTimes, peakAbs, rmsBetween, spectralPeak, yinPitch } from './measure';

const RATE = 44100;
const signal = new AbortController().signal;
let renderer: NoteRenderer;
beforeAll(() => { renderer = createNodeOfflineRenderer(); });

const render = (notes: NoteSequence, instrument: InstrumentSpec, tailSeconds = 0.5): Promise<AudioClip> =>
  renderer.render({ notes, instrument, sampleRate: RATE, tailSeconds }, signal);

const instruments: Record<string, InstrumentSpec> = {
  poly: { kind: 'poly', oscillator: 'sawtooth', envelope: testEnvelope, volumeDb: -6 },
  fm: { kind: 'fm', harmonicity: 3, modulationIndex: 10, modulationType: 'square', envelope: testEnvelope, modulationEnvelope: testEnvelope, volumeDb: -6 },
  am: { kind: 'am', harmonicity: 2, oscillator: 'triangle', modulationType: 'square', envelope: testEnvelope, modulationEnvelope: testEnvelope, volumeDb: -6 },
  drums: gmDrumKit({ volumeDb: -6 }),
  piano: { kind: 'piano', release: 0.5, volumeDb: 0 },
};

describe('node offline renderer', () => {
  it.each(Object.keys(instruments))('renders a C major scale on %s: sound where the notes are, silence before', async (name) => {
    const startBeat = 1; // the first note starts at 0.5 s
    const clip = await render(cMajorScale(startBeat), instruments[name]);
    expect(clip.sampleRate).toBe(RATE);
    expect(clip.channels).toHaveLength(2);
    expect(clip.channels[0].length).toBe(Math.ceil((4 + 0.5) * RATE)); // one bar at 120 BPM + tail
    const left = clip.channels[0];
    const peak = peakAbs(left);
    expect(Number.isNaN(peak)).toBe(false);
    expect(peak).toBeGreaterThan(0.05);
    expect(peak).toBeLessThanOrEqual(1);
    expect(rmsBetween(left, RATE, 0, 0.49)).toBeLessThan(1e-6);
    for (let i = 0; i < 8; i++) {
      const t = 0.5 + i * 0.25;
      expect(rmsBetween(left, RATE, t, t + 0.1), `note ${i} at ${t}s`).toBeGreaterThan(0.005);
    }
  });

  it('plays A4 on a sine poly synth at 440 Hz (±1%)', async () => {
    const clip = await render(singleNote(69), { kind: 'poly', oscillator: 'sine', envelope: testEnvelope, volumeDb: -6 });
    const f = spectralPeak(clip.channels[0], RATE, 0.2, 0.5, 200, 2000);
    expect(Math.abs(f - 440) / 440).toBeLessThan(0.01);
  });

  it('plays A4 on the piano at about 440 Hz (the sample is in tune)', async () => {
    const clip = await render(singleNote(69), instruments.piano);
    const f = yinPitch(clip.channels[0], RATE, 0.2); // its 2nd harmonic is the strongest partial
    expect(Math.abs(f - 440) / 440).toBeLessThan(0.01);
  });

  it('repitches the nearest piano sample for notes between samples (B4 = 493.9 Hz)', async () => {
    const clip = await render(singleNote(71), instruments.piano);
    const f = yinPitch(clip.channels[0], RATE, 0.2);
    expect(Math.abs(f - 493.88) / 493.88).toBeLessThan(0.01);
  });

  it('starts piano notes on time (the MP3 delay is trimmed)', async () => {
    const late = createSequence([{ pitch: 60, velocity: 0.8, start: 1, duration: 1 }], { tempo: 120 });
    const onsets = onsetTimes((await render(late, instruments.piano)).channels[0], RATE);
    expect(onsets).toHaveLength(1);
    expect(Math.abs(onsets[0] - 0.5)).toBeLessThan(0.01);
  });

  it('puts a kick at beat 0 and a snare at beat 1 at 0 s and 0.5 s (120 BPM)', async () => {
    const beat = createSequence([
      { pitch: 36, velocity: 1, start: 0, duration: 0.25 },
      { pitch: 38, velocity: 1, start: 1, duration: 0.25 },
    ], { tempo: 120, length: 2 });
    const clip = await render(beat, instruments.drums);
    const onsets = onsetTimes(clip.channels[0], RATE);
    expect(onsets).toHaveLength(2);
    expect(onsets[0]).toBeCloseTo(0, 1);
    expect(Math.abs(onsets[1] - 0.5)).toBeLessThan(0.01);
  });

  it('follows tempo changes', async () => {
    const notes: NoteSequence = {
      ...createSequence([{ pitch: 36, velocity: 1, start: 0, duration: 0.5 }, { pitch: 36, velocity: 1, start: 2, duration: 0.5 }], { tempo: 120, length: 4 }),
      tempoChanges: [{ beat: 1, bpm: 60 }],
    };
    const onsets = onsetTimes((await render(notes, instruments.drums)).channels[0], RATE);
    expect(onsets).toHaveLength(2);
    expect(Math.abs(onsets[1] - 1.5)).toBeLessThan(0.01); // 1 beat at 120 + 1 beat at 60
  });

  it('holds a note across a render-chunk boundary (10 s) without a break', async () => {
    const held = createSequence([{ pitch: 69, velocity: 0.8, start: 19, duration: 2 }], { tempo: 120 }); // 9.5–10.5 s
    const x = (await render(held, { kind: 'poly', oscillator: 'sine', envelope: testEnvelope, volumeDb: -6 })).channels[0];
    const levels = [9.7, 9.9, 10.0, 10.1, 10.3].map((t) => rmsBetween(x, RATE, t, t + 0.05));
    for (const level of levels) expect(level).toBeCloseTo(levels[0], 2);
    expect(rmsBetween(x, RATE, 0, 9.49)).toBeLessThan(1e-6);
  });

  it('renders identically twice, noise drums included', async () => {
    const groove = createSequence([36, 42, 38, 42, 39, 46, 49, 70].map((pitch, i) => ({ pitch, velocity: 0.9, start: i * 0.5, duration: 0.25 })), { tempo: 120 });
    for (const spec of [instruments.drums, instruments.poly]) {
      const [a, b] = [await render(groove, spec), await render(groove, spec)];
      expect(b.channels[0]).toEqual(a.channels[0]);
      expect(b.channels[1]).toEqual(a.channels[1]);
    }
  });

  it('keeps a loud dense chord under −1 dBFS through the master limiter', async () => {
    const chord = createSequence([48, 52, 55, 60, 64, 67, 72, 76].map((pitch) => ({ pitch, velocity: 1, start: 0, duration: 2 })), { tempo: 120 });
    const clip = await render(chord, { kind: 'poly', oscillator: 'square', envelope: testEnvelope, volumeDb: 12 });
    expect(peakAbs(clip.channels[0])).toBeLessThanOrEqual(10 ** (-1 / 20) + 1e-6);
    expect(rmsBetween(clip.channels[0], RATE, 0.2, 0.9)).toBeGreaterThan(0.2);
  });

  it('rejects a bad instrument spec with the field named', async () => {
    await expect(render(singleNote(60), { kind: 'poly', oscillator: 'noise', envelope: testEnvelope, volumeDb: 0 } as unknown as InstrumentSpec))
      .rejects.toThrow(/instrument\.oscillator/);
  });

  it('stops before rendering when the signal is aborted', async () => {
    const aborted = new AbortController();
    aborted.abort();
    await expect(renderer.render({ notes: singleNote(60), instrument: instruments.poly, sampleRate: RATE, tailSeconds: 0 }, aborted.signal))
      .rejects.toThrow(/cancelled/);
  });
});
