import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allNodes } from '../../../nodes/index';
import { NodeRegistry } from '../../../src/engine/registry';
import { createPatch } from '../../../src/engine/patch';
import type { Patch, PatchNode } from '../../../src/engine/patch/types';
import type { LiveSession } from '../../../src/audio/live/liveSession';
import { offlineLive } from './offlineSession';
import { counterNode, cpu, failingNode, logs, nanNode, slowNode } from './testNodes';

const registry = new NodeRegistry([...allNodes, counterNode, nanNode, slowNode, failingNode]);
const noResults = (): undefined => undefined;

function patchOf(nodes: [string, string, Record<string, unknown>, string[]?][], edges: [string, string, string, string][] = []): Patch {
  const p = createPatch({ title: 'runtime test' });
  p.nodes = nodes.map(([id, type, params, exposed]) => ({ id, type, version: 1, position: { x: 0, y: 0 }, params, ...(exposed ? { exposed } : {}) }));
  p.edges = edges.map(([a, ap, b, bp], i) => ({ id: `e${i}`, from: { node: a, port: ap }, to: { node: b, port: bp } }));
  return p;
}

/** A copy of `p` with node `id` replaced by `change(node)` (other nodes keep their objects, as immer does). */
function edit(p: Patch, id: string, change: (n: PatchNode) => PatchNode): Patch {
  return { ...p, nodes: p.nodes.map((n) => (n.id === id ? change(n) : n)) };
}

let live: LiveSession;
let time = 0;
/** Runs `n` frames 1/60 s apart with the transport stopped. */
const frames = (n: number): void => {
  for (let i = 0; i < n; i++) {
    time += 1 / 60;
    live.runtime.frame({ time, dt: 1 / 60, beat: 0, bpm: 120, playing: false });
  }
};

beforeAll(async () => {
  live = (await offlineLive(registry, 1, { cpuNow: () => cpu.now })).session;
});

beforeEach(() => {
  live.apply(patchOf([]), noResults);
  logs.clear();
  cpu.now = 0;
  time = 0;
});

describe('live runtime', () => {
  it('touches only what an edit changed: creates, updates and disposes instances, keeping their state', () => {
    const p0 = patchOf([['a', 'test.counter', { gain: 1 }], ['b', 'test.counter', {}]]);
    expect(live.apply(p0, noResults)).toEqual({ create: ['a', 'b'], update: [], dispose: [] });
    frames(5);
    expect(live.runtime.values.get('a')?.outputs.count).toBe(5);

    const p1 = edit(p0, 'a', (n) => ({ ...n, params: { gain: 10 } }));
    expect(live.apply(p1, noResults)).toEqual({ create: [], update: ['a'], dispose: [] });
    frames(1);
    expect(live.runtime.values.get('a')?.outputs.count).toBe(60); // the count went on: 6 × 10
    expect(logs.get('a')!.created).toBe(1);
    expect(logs.get('b')!.updates).toHaveLength(1);

    const p2 = edit(p1, 'b', (n) => ({ ...n, position: { x: 300, y: 40 }, title: 'moved' }));
    expect(live.apply(p2, noResults)).toEqual({ create: [], update: [], dispose: [] });

    const p3 = { ...p2, nodes: [p2.nodes[0], { id: 'c', type: 'live.slider', version: 1, position: { x: 0, y: 0 }, params: { value: 0.25 } }] };
    expect(live.apply(p3, noResults)).toEqual({ create: ['c'], update: [], dispose: ['b'] });
    expect(logs.get('b')!.disposed).toBe(1);
    frames(1);
    expect(live.runtime.values.get('c')?.outputs.value).toBe(0.25);
    expect(live.runtime.values.get('b')).toBeUndefined();

    const p4 = edit(p3, 'c', (n) => ({ ...n, type: 'test.counter', params: {} }));
    expect(live.apply(p4, noResults)).toEqual({ create: ['c'], update: [], dispose: ['c'] });
    expect(live.runtime.runningIds().sort()).toEqual(['a', 'c']);
  });

  it('updates an instance when an upstream render result changes, with the new value as input', () => {
    const p = patchOf([['clip', 'notes.clip', { text: 'C4/4' }], ['a', 'test.counter', {}]], [['clip', 'notes', 'a', 'notes']]);
    const first = { notes: { notes: [], tempo: 120, timeSignature: { numerator: 4, denominator: 4 }, length: 4 } };
    live.apply(p, (id) => (id === 'clip' ? first : undefined));
    expect(live.apply(p, (id) => (id === 'clip' ? first : undefined)).update).toEqual([]);
    const second = { notes: { ...first.notes, length: 8 } };
    expect(live.apply(p, (id) => (id === 'clip' ? second : undefined)).update).toEqual(['a']);
    expect(logs.get('a')!.updates.at(-1)!.inputs.notes).toBe(second.notes);
  });

  it('drives a param from a control output every frame, in control order', () => {
    const p = patchOf([
      ['probe', 'test.counter', { gain: 1 }, ['gain']],
      ['lfo', 'live.lfo', { shape: 'saw', sync: false, rate: 6, min: 0, max: 60 }],
    ], [['lfo', 'value', 'probe', 'gain']]);
    live.apply(p, noResults);
    frames(12);
    const gains = logs.get('probe')!.updates.slice(1).map((u) => u.params.gain as number);
    expect(gains.length).toBeGreaterThanOrEqual(11);
    const lfoNow = live.runtime.values.get('lfo')!.outputs.value;
    expect(live.runtime.values.get('probe')!.driven.gain).toBe(lfoNow);
    expect(gains.at(-1)).toBe(lfoNow);
    expect(new Set(gains).size).toBeGreaterThan(8);
    // a 6 Hz saw over 0…60 climbs 6 per 1/60 s frame
    expect(gains[5] - gains[4]).toBeCloseTo(6, 6);
  });

  it('mutes a control that sends NaN, names the node, and lets it play again after an edit', () => {
    const p = patchOf([['bad', 'test.nan', { after: 3 }], ['probe', 'test.counter', {}, ['gain']]], [['bad', 'value', 'probe', 'gain']]);
    live.apply(p, noResults);
    frames(6);
    const problems = live.monitor.problems.get();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ nodeId: 'bad', kind: 'nan' });
    expect(problems[0].message).toContain('"Broken control"');
    expect(problems[0].message).toContain('muted');
    expect(live.runtime.values.get('bad')!.outputs.value).toBe(3);
    expect(live.runtime.values.get('probe')!.driven.gain).toBe(3);
    live.apply(edit(p, 'bad', (n) => ({ ...n, params: { after: 100 } })), noResults);
    expect(live.monitor.problems.get()).toEqual([]);
    frames(2);
    expect(live.runtime.values.get('bad')!.outputs.value).toBe(2);
  });

  it('reports a node whose frames take longer than the budget, and clears it once it recovers', () => {
    const p = patchOf([['heavy', 'test.slow-live', { ms: 9 }], ['light', 'test.counter', {}]]);
    live.apply(p, noResults);
    frames(2);
    expect(live.monitor.problems.get()).toEqual([]);
    frames(1);
    const [problem] = live.monitor.problems.get();
    expect(problem).toMatchObject({ nodeId: 'heavy', kind: 'slow' });
    expect(problem.message).toContain('9.0 ms');
    live.apply(edit(p, 'heavy', (n) => ({ ...n, params: { ms: 1 } })), noResults);
    frames(119);
    expect(live.monitor.problems.get()).toHaveLength(1);
    frames(1);
    expect(live.monitor.problems.get()).toEqual([]);
  });

  it('reports a node that failed as failed, not as one that cannot keep up', () => {
    live.apply(patchOf([['model', 'test.failing-live', { problem: 'cannot load the sax decoder: 404' }]]), noResults);
    expect(live.monitor.problems.get()).toEqual([{ nodeId: 'model', kind: 'error', message: '"Fragile" failed: cannot load the sax decoder: 404' }]);
  });

  it('sends keyboard notes to the instances its events reach', () => {
    const p = patchOf([['keys', 'live.keyboard', { channel: 2 }], ['a', 'test.counter', {}]], [['keys', 'events', 'a', 'events']]);
    live.apply(p, noResults);
    live.notes.press('keys', 60, 0.7);
    live.notes.midi({ channel: 2, type: 'on', pitch: 64, velocity: 0.5 });
    live.notes.midi({ channel: 3, type: 'on', pitch: 67, velocity: 0.5 });
    live.notes.release('keys', 60);
    const got = logs.get('a')!.events.map((e) => `${e.port}:${e.event.type}${e.event.pitch}`);
    expect(got).toEqual(['events:on60', 'events:on64', 'events:off60']);
  });

  it('says when a render-only node stands in a live audio path', () => {
    const p = patchOf([['keys', 'live.keyboard', {}], ['synth', 'live.synth', {}], ['gain', 'audio.gain', {}], ['out', 'audio.output', {}]],
      [['keys', 'events', 'synth', 'events'], ['synth', 'audio', 'gain', 'audio'], ['gain', 'audio', 'out', 'audio']]);
    live.apply(p, noResults);
    const [problem] = live.monitor.problems.get();
    expect(problem).toMatchObject({ nodeId: 'gain', kind: 'bypass' });
    expect(problem.message).toContain('"Live synth"');
  });
});
