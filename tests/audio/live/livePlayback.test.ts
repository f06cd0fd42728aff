/**
 * Live mode rendered offline (node-web-audio-api + Tone's offline clock): a loop edited while it
 * plays, a note clip played by a live synth, an LFO sweeping a live filter, and the NaN guard.
 */
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../nodes/index';
import { createNodeOfflineRenderer } from '../../../src/audio/nodeOfflineRenderer';
import { createPatch } from '../../../src/engine/patch';
import type { Patch } from '../../../src/engine/patch/types';
import { createRng } from '../../../src/engine/rng';
import { Scheduler } from '../../../src/engine/scheduler';
import type { AudioClip } from '../../../src/engine/values';
import { onsetTimes, rmsBetween, yinPitch } from '../measure';
import { offlineLive } from './offlineSession';

const registry = createRegistry();
const RATE = 44100;
/** The transport starts this long after play is pressed; bars follow every 2 s at 120 BPM in 4/4. */
const START = 0.2;

function patchOf(nodes: [string, string, Record<string, unknown>, string[]?][], edges: [string, string, string, string][]): Patch {
  const p = createPatch({ title: 'live playback test' });
  p.nodes = nodes.map(([id, type, params, exposed]) => ({ id, type, version: 1, position: { x: 0, y: 0 }, params, ...(exposed ? { exposed } : {}) }));
  p.edges = edges.map(([a, ap, b, bp], i) => ({ id: `e${i}`, from: { node: a, port: ap }, to: { node: b, port: bp } }));
  return p;
}

/** Evaluates a patch with the Node renderer; returns an outputs reader. */
async function evaluate(scheduler: Scheduler, patch: Patch): Promise<(id: string) => Record<string, unknown> | undefined> {
  const evaluation = await scheduler.evaluate(patch);
  const failed = [...evaluation.nodes].filter(([, o]) => o.status === 'failed');
  expect(failed.map(([id, o]) => `${id}: ${o.error}`)).toEqual([]);
  return (id) => evaluation.nodes.get(id)?.outputs;
}

/** Largest sample-to-sample change of `x` in [from, to) seconds. */
function maxJump(x: Float32Array, from: number, to: number): number {
  let m = 0;
  for (let i = Math.max(1, Math.round(from * RATE)); i < Math.min(x.length, Math.round(to * RATE)); i++) m = Math.max(m, Math.abs(x[i] - x[i - 1]));
  return m;
}

describe('live playback (offline)', () => {
  it('swaps an edited loop in at the next bar, crossfaded: no gap, no click, the new level after', async () => {
    const scheduler = new Scheduler(registry, { services: { renderer: createNodeOfflineRenderer() } });
    const before = patchOf([
      ['clip', 'notes.clip', { text: 'C4/1', tempo: 120 }],
      ['synth', 'instrument.poly', { oscillator: 'sine', attack: 0.01, sustain: 1, release: 0.3, tail: 0.5, volume: -6 }],
      ['out', 'audio.output', {}],
    ], [['clip', 'notes', 'synth', 'notes'], ['synth', 'audio', 'out', 'audio']]);
    const after = { ...before, nodes: before.nodes.map((n) => (n.id === 'synth' ? { ...n, params: { ...n.params, volume: -14 } } : n)) };
    const [a, b] = [await evaluate(scheduler, before), await evaluate(scheduler, after)];
    const live = await offlineLive(registry, 6.5);
    live.session.apply(before, a);
    live.session.transport.start();
    live.at(3.1, () => live.session.apply(after, b)); // mid bar 2: the swap waits for the bar at 4.2 s
    const x = (await live.render()).channels[0];
    expect(live.session.swaps).toEqual([{ nodeId: 'synth', time: expect.closeTo(START + 4, 6), beat: expect.closeTo(8, 6) }]);
    const swap = START + 4;
    const normal = Math.max(maxJump(x, START + 0.05, swap - 0.15), maxJump(x, swap + 0.15, 6.4));
    expect(maxJump(x, swap - 0.05, swap + 0.1)).toBeLessThanOrEqual(normal);
    for (let t = swap - 0.05; t < swap + 0.1; t += 0.005) expect(rmsBetween(x, RATE, t, t + 0.01)).toBeGreaterThan(0.1);
    const ratio = rmsBetween(x, RATE, swap + 0.1, swap + 1.5) / rmsBetween(x, RATE, swap - 1.5, swap - 0.1);
    expect(20 * Math.log10(ratio)).toBeCloseTo(-8, 0);
    expect(rmsBetween(x, RATE, 0, START - 0.01)).toBe(0);
  }, 120_000);

  it('plays a note clip through a live synth on the beat, and takes a new clip at the next bar', async () => {
    const seq = (text: string) => patchOf([
      ['clip', 'notes.clip', { text, tempo: 120 }],
      ['synth', 'live.synth', { oscillator: 'triangle', cutoff: 8000, attack: 0.005, release: 0.05 }],
      ['out', 'audio.output', {}],
    ], [['clip', 'notes', 'synth', 'notes'], ['synth', 'audio', 'out', 'audio']]);
    const scheduler = new Scheduler(registry, { services: { renderer: createNodeOfflineRenderer() } });
    const first = seq('A3/4 r/4 A3/4 r/4');
    const second = seq('E4/4 r/4 E4/4 r/4');
    const [a, b] = [await evaluate(scheduler, first), await evaluate(scheduler, second)];
    const live = await offlineLive(registry, 6.2);
    live.session.apply(first, a);
    live.session.transport.start();
    live.at(2.5, () => live.session.apply(second, b));
    const x = (await live.render()).channels[0];
    const onsets = onsetTimes(x, RATE);
    const expected = [0, 1, 2, 3, 4, 5].map((beat) => START + beat);
    expect(onsets).toHaveLength(expected.length);
    onsets.forEach((t, i) => expect(Math.abs(t - expected[i])).toBeLessThan(0.015));
    expect(yinPitch(x, RATE, START + 2.1)).toBeCloseTo(220, -1);
    expect(yinPitch(x, RATE, START + 3.1)).toBeCloseTo(220, -1); // the edit at 2.5 s waits for the bar
    expect(yinPitch(x, RATE, START + 4.1)).toBeCloseTo(329.6, -1);
  }, 120_000);

  it('restarts the bar count at the loop region, and plays a clip from its first bar again', async () => {
    const patch = patchOf([
      ['clip', 'notes.clip', { text: 'A3/1 C4/1 E4/1 G4/1', tempo: 240 }],
      ['synth', 'live.synth', { oscillator: 'triangle', cutoff: 8000, release: 0.02 }],
      ['out', 'audio.output', {}],
    ], [['clip', 'notes', 'synth', 'notes'], ['synth', 'audio', 'out', 'audio']]);
    const scheduler = new Scheduler(registry, { services: { renderer: createNodeOfflineRenderer() } });
    const outputs = await evaluate(scheduler, patch);
    const live = await offlineLive(registry, 4.3);
    const bars: number[] = [];
    live.session.transport.onBar((_time, bar) => bars.push(bar));
    live.session.transport.setBpm(240);
    live.session.transport.setLoop(true, 2);
    live.session.apply(patch, outputs);
    live.session.transport.start();
    const x = (await live.render()).channels[0];
    expect(bars).toEqual([0, 1, 0, 1, 0]); // bars at 0.2, 1.2, 2.2, 3.2 and 4.2 s
    // bars of 1 s: A3, C4, then A3 and C4 again instead of E4 and G4
    [220, 261.6, 220, 261.6].forEach((hz, bar) => expect(yinPitch(x, RATE, START + bar + 0.3)).toBeCloseTo(hz, -1));
  }, 120_000);

  it('sweeps a live filter with a beat-synced LFO: the brightness follows the LFO', async () => {
    const rng = createRng(7);
    const noise: AudioClip = { sampleRate: RATE, channels: [Float32Array.from({ length: 2 * RATE }, () => rng.range(-0.3, 0.3))] };
    const patch = patchOf([
      ['noise', 'audio.file', {}],
      ['filter', 'live.filter', { cutoff: 1000, resonance: 0 }, ['cutoff']],
      ['lfo', 'live.lfo', { shape: 'triangle', sync: true, beats: 4, min: 200, max: 8000, curve: 'exponential' }],
      ['out', 'audio.output', {}],
    ], [['noise', 'audio', 'filter', 'audio'], ['lfo', 'value', 'filter', 'cutoff'], ['filter', 'audio', 'out', 'audio']]);
    const live = await offlineLive(registry, 4.2);
    live.session.apply(patch, (id) => (id === 'noise' ? { audio: noise } : undefined));
    live.session.transport.start();
    const x = (await live.render()).channels[0];
    // brightness: energy of the first difference over energy, per 50 ms window, against log cutoff
    const pairs: [number, number][] = [];
    for (let t = START + 0.1; t < 4.1; t += 0.05) {
      let e = 0; let d = 0;
      for (let i = Math.round(t * RATE); i < Math.round((t + 0.05) * RATE); i++) { e += x[i] * x[i]; d += (x[i] - x[i - 1]) ** 2; }
      const beat = (t + 0.025 - START) * 2;
      const phase = (beat / 4) % 1;
      const tri = 1 - 4 * Math.abs(phase - 0.5);
      pairs.push([Math.log(200 * 40 ** ((tri + 1) / 2)), d / e]);
    }
    expect(rankCorrelation(pairs)).toBeGreaterThan(0.9);
  }, 120_000);

  it('mutes a clip that turns NaN, names its node, and keeps the other sources playing', async () => {
    const clean: AudioClip = { sampleRate: RATE, channels: [Float32Array.from({ length: 2 * RATE }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 330 * i) / RATE))] };
    const broken: AudioClip = { sampleRate: RATE, channels: [Float32Array.from({ length: 2 * RATE }, (_, i) => (i > 0.5 * RATE && i < 0.6 * RATE ? Number.NaN : 0.2))] };
    const patch = patchOf([
      ['bad', 'audio.file', {}], ['badOut', 'audio.output', {}], ['good', 'audio.file', {}], ['out', 'audio.output', {}],
    ], [['bad', 'audio', 'badOut', 'audio'], ['good', 'audio', 'out', 'audio']]);
    patch.nodes[0].title = 'Broken file';
    const live = await offlineLive(registry, 1.5, { guards: true });
    live.session.apply(patch, (id) => ({ bad: { audio: broken }, good: { audio: clean } } as Record<string, Record<string, unknown>>)[id]);
    live.session.transport.start();
    const x = (await live.render()).channels[0];
    expect(x.every(Number.isFinite)).toBe(true);
    const problems = live.session.monitor.problems.get();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ nodeId: 'bad', kind: 'nan' });
    expect(problems[0].message).toMatch(/^"Broken file" sent NaN audio on "audio": muted/);
    // before the NaN both play (0.2 offset on the sine); after it only the sine, centred again
    const mean = (from: number, to: number): number => x.slice(Math.round(from * RATE), Math.round(to * RATE)).reduce((s, v) => s + v, 0) / ((to - from) * RATE);
    expect(mean(START + 0.1, START + 0.45)).toBeGreaterThan(0.1);
    expect(Math.abs(mean(START + 0.7, START + 1.2))).toBeLessThan(0.01);
    expect(rmsBetween(x, RATE, START + 0.7, START + 1.2)).toBeGreaterThan(0.15);
  }, 120_000);
});

/** Spearman's rank correlation of pairs: 1 when the second always rises with the first. */
function rankCorrelation(pairs: [number, number][]): number {
  const ranks = (values: number[]): number[] => {
    const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(values.length);
    order.forEach(([, i], k) => { r[i] = k; });
    return r;
  };
  const rx = ranks(pairs.map((p) => p[0]));
  const ry = ranks(pairs.map((p) => p[1]));
  return correlation(rx.map((x, i) => [x, ry[i]]));
}

/** Pearson correlation of pairs. */
function correlation(pairs: [number, number][]): number {
  const n = pairs.length;
  const mx = pairs.reduce((s, p) => s + p[0], 0) / n;
  const my = pairs.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0; let sxx = 0; let syy = 0;
  for (const [x, y] of pairs) { sxy += (x - mx) * (y - my); sxx += (x - mx) ** 2; syy += (y - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy);
}
