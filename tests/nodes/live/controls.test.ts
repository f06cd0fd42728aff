import { describe, expect, it } from 'vitest';
import { createNoteInputHub } from '../../../src/audio/live/noteInputHub';
import type { AudioClip } from '../../../src/engine/values';
import { followerNode } from '../../../nodes/live/followerNode';
import { keyboardNode } from '../../../nodes/live/keyboardNode';
import { lfoNode, lfoShapeAt } from '../../../nodes/live/lfoNode';
import { randomNode } from '../../../nodes/live/randomNode';
import { sliderNode } from '../../../nodes/live/sliderNode';
import { xyPadNode } from '../../../nodes/live/xyPadNode';
import { NOTE_INPUT_SERVICE } from '../../../nodes/live/liveServices';
import { runNode } from '../runNode';
import { liveInstance } from './liveHarness';

const values = (frames: Record<string, number>[], port = 'value'): number[] => frames.map((f) => f[port]);

describe('slider and XY pad', () => {
  it('map their travel onto the range, linearly or by octaves, the same rendered and live', async () => {
    expect((await runNode(sliderNode, {}, { value: 0.25, min: 100, max: 500 })).outputs.value).toBe(200);
    expect((await runNode(sliderNode, {}, { value: 0.5, min: 100, max: 10000, curve: 'exponential' })).outputs.value).toBeCloseTo(1000, 6);
    const slider = liveInstance(sliderNode, { value: 0.5, min: 100, max: 10000, curve: 'exponential' });
    expect(slider.frames(1)[0].value).toBeCloseTo(1000, 6);
    slider.update({ value: 1, min: 100, max: 10000, curve: 'exponential' });
    expect(slider.frames(1)[0].value).toBeCloseTo(10000, 6);
    const pad = { x: 0.5, y: 0.25, xMin: 200, xMax: 800, yMin: -1, yMax: 1 };
    expect((await runNode(xyPadNode, {}, pad)).outputs).toEqual({ x: 500, y: -0.5 });
    expect(liveInstance(xyPadNode, pad).frames(1)[0]).toEqual({ x: 500, y: -0.5 });
  });
});

describe('LFO', () => {
  it('gives the classic shapes at known phases', () => {
    expect(lfoShapeAt('sine', 0.25, 1)).toBeCloseTo(1, 12);
    expect(lfoShapeAt('triangle', 0.5, 1)).toBe(1);
    expect(lfoShapeAt('saw', 0.75, 1)).toBe(0.5);
    expect(lfoShapeAt('square', 0.6, 1)).toBe(-1);
  });

  it('locks a synced cycle to the transport beat and runs free in Hz otherwise', () => {
    const synced = liveInstance(lfoNode, { shape: 'saw', sync: true, beats: 4, min: 0, max: 1 });
    const beatAt = (t: number): number => t * 2; // 120 BPM
    const v = values(synced.frames(60, 1 / 60, beatAt));
    // after one second the transport is at beat 2: half way through the 4-beat cycle
    expect(v[59]).toBeCloseTo(0.5, 9);
    const free = liveInstance(lfoNode, { shape: 'saw', sync: false, rate: 0.25, min: 0, max: 1 });
    const w = values(free.frames(120));
    expect(w[119]).toBeCloseTo(0.5, 9); // 2 s × 0.25 Hz = half a cycle
    expect(w[59] - w[58]).toBeCloseTo(0.25 / 60, 9);
  });

  it('holds seeded random values per cycle: the same seed gives the same steps, another seed others', async () => {
    const run = (seed: number) => values(liveInstance(lfoNode, { shape: 'random', sync: false, rate: 2, seed }, {}, seed).frames(120));
    const a = run(3);
    expect(a).toEqual(run(3));
    expect(new Set(a).size).toBe(4); // 2 s at 2 Hz: four held values
    expect(a.slice(1, 29).every((x) => x === a[1])).toBe(true);
    expect(run(4)).not.toEqual(a);
    const rendered = await runNode(lfoNode, {}, { shape: 'random', sync: false, rate: 2, seed: 3 }, { seed: 3 });
    expect(rendered.outputs.value).toBe(a[0]);
  });

  it('renders its value at beat 0 and a two-cycle preview', async () => {
    const { outputs, previews } = await runNode(lfoNode, {}, { shape: 'sine', phase: 0.25, min: 100, max: 300 });
    expect(outputs.value).toBeCloseTo(300, 9);
    expect(previews?.[0]).toMatchObject({ kind: 'line' });
  });
});

describe('random (sample and hold)', () => {
  it('steps once per cycle on the beat, with a seeded sequence mapped onto the range', () => {
    const beatAt = (t: number): number => t * 2;
    const run = () => values(liveInstance(randomNode, { sync: true, beats: 1, min: 10, max: 20 }, {}, 9).frames(90, 1 / 60, beatAt));
    const v = run();
    expect(v).toEqual(run());
    const changes = v.filter((x, i) => i > 0 && x !== v[i - 1]).length;
    expect(changes).toBe(2); // 1.5 s at 2 beats per second: new values at beats 1 and 2
    expect(v.every((x) => x >= 10 && x < 20)).toBe(true);
  });

  it('samples a connected control instead, and glides when asked', () => {
    const sh = liveInstance(randomNode, { sync: false, rate: 1 });
    sh.update({ sync: false, rate: 1 }, { input: 5 });
    expect(values(sh.frames(3))).toEqual([5, 5, 5]);
    sh.update({ sync: false, rate: 1 }, { input: 7 });
    expect(values(sh.frames(3))).toEqual([5, 5, 5]);
    expect(values(sh.frames(60)).at(-1)).toBe(7);
    const glide = liveInstance(randomNode, { sync: false, rate: 1, glide: 0.5 });
    glide.update({ sync: false, rate: 1, glide: 0.5 }, { input: 0 });
    glide.frames(30);
    glide.update({ sync: false, rate: 1, glide: 0.5 }, { input: 1 });
    const g = values(glide.frames(90)); // the next cycle starts at 1 s, 30 frames in
    expect(g.slice(0, 29).every((x) => x === 0)).toBe(true);
    expect(g[89]).toBeCloseTo(1 - Math.exp(-2), 1); // one second of a 0.5 s glide
    expect(new Set(g.slice(30)).size).toBeGreaterThan(50);
  });
});

describe('envelope follower', () => {
  it('renders the mean level of a clip: about 0.707 × amplitude for a sine in RMS mode', async () => {
    const rate = 48000;
    const sine = (amp: number): AudioClip => ({ sampleRate: rate, channels: [Float32Array.from({ length: rate }, (_, i) => amp * Math.sin((2 * Math.PI * 440 * i) / rate))] });
    const { outputs } = await runNode(followerNode, { audio: sine(0.5) }, { mode: 'rms', attack: 50, release: 50 });
    expect(outputs.value).toBeCloseTo(0.5 * Math.SQRT1_2, 1);
    const quiet = await runNode(followerNode, { audio: sine(0.1) }, { mode: 'rms', attack: 50, release: 50 });
    expect(quiet.outputs.value).toBeLessThan((outputs.value as number) / 4);
  });
});

describe('keyboard', () => {
  it('emits the notes meant for it (its own keys, MIDI on its channel) and ends held notes when disposed', () => {
    let now = 1;
    const hub = createNoteInputHub(() => now);
    const kb = liveInstance(keyboardNode, { channel: 2 }, { [NOTE_INPUT_SERVICE]: hub });
    hub.press('n1', 60, 0.9);
    hub.press('other', 61, 0.9);
    now = 1.5;
    hub.midi({ channel: 2, type: 'on', pitch: 64, velocity: 0.5 });
    hub.midi({ channel: 5, type: 'on', pitch: 65, velocity: 0.5 });
    hub.midi({ channel: 2, type: 'on', pitch: 60, velocity: 0 });
    expect(kb.emitted.map((e) => [e.event.type, e.event.pitch, e.event.time])).toEqual([['on', 60, 1], ['on', 64, 1.5], ['off', 60, 1.5]]);
    kb.instance.dispose!();
    expect(kb.emitted.at(-1)!.event).toMatchObject({ type: 'off', pitch: 64 });
    expect(hub.listeners()).toBe(0);
  });

  it('renders its take as notes, and says where a take is wrong', async () => {
    const { outputs } = await runNode(keyboardNode, {}, { take: 'C4/4 E4 G4', tempo: 90 });
    expect(outputs.events).toMatchObject({ tempo: 90, length: 3 });
    expect((outputs.events as { notes: { pitch: number }[] }).notes.map((n) => n.pitch)).toEqual([60, 64, 67]);
    await expect(runNode(keyboardNode, {}, { take: 'C4/4 H9' })).rejects.toThrow(/live.keyboard take: at char 6, "H9"/);
  });
});
