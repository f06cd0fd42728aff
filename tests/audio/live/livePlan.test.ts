import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../nodes/index';
import { diffLive } from '../../../src/audio/live/liveDiff';
import { planLive } from '../../../src/audio/live/livePlan';
import { eventsToNotes } from '../../../src/audio/live/liveRecorder';
import { loopBars } from '../../../src/audio/live/clipLooper';
import { NoteLooper } from '../../../src/audio/live/noteLooper';
import type { LiveNoteEvent } from '../../../src/engine/node';
import { parseNotation } from '../../../src/music/notation';

const registry = createRegistry();
const node = (id: string, type: string, params: Record<string, unknown> = {}, exposed?: string[]) => ({ id, type, params, ...(exposed ? { exposed } : {}) });
const edge = (a: string, ap: string, b: string, bp: string) => ({ from: { node: a, port: ap }, to: { node: b, port: bp } });

describe('planLive', () => {
  it('reads every edge as live mode plays it', () => {
    const plan = planLive({
      nodes: [
        node('clip', 'notes.clip'), node('bass', 'instrument.poly'), node('filter', 'live.filter', {}, ['cutoff']),
        node('lfo', 'live.lfo'), node('keys', 'live.keyboard'), node('synth', 'live.synth'), node('mix', 'live.mix'),
        node('out', 'audio.output'), node('gain', 'audio.gain'), node('out2', 'audio.output'),
      ],
      edges: [
        edge('clip', 'notes', 'bass', 'notes'), edge('bass', 'audio', 'filter', 'audio'), edge('lfo', 'value', 'filter', 'cutoff'),
        edge('keys', 'events', 'synth', 'events'), edge('clip', 'notes', 'synth', 'notes'), edge('filter', 'audio', 'mix', 'audio'),
        edge('synth', 'audio', 'mix', 'audio'), edge('mix', 'audio', 'out', 'audio'), edge('synth', 'audio', 'gain', 'audio'),
        edge('gain', 'audio', 'out2', 'audio'),
      ],
    }, registry);
    expect([...plan.nodes.keys()].sort()).toEqual(['filter', 'keys', 'lfo', 'mix', 'synth']);
    const kinds = plan.links.map((l) => `${l.from.node}→${l.to.node}:${l.kind}${l.clip ? ':clip' : ''}${l.master ? ':master' : ''}`);
    expect(kinds).toEqual([
      'bass→filter:audio:clip', 'lfo→filter:control', 'keys→synth:events', 'clip→synth:notes',
      'filter→mix:audio', 'synth→mix:audio', 'mix→out:audio:master', 'gain→out2:audio:clip:master',
    ]);
    expect(plan.bypassed).toEqual([{ node: 'gain', from: 'synth' }]);
    expect(plan.order.indexOf('lfo')).toBeLessThan(plan.order.indexOf('filter'));
    expect(plan.order.indexOf('keys')).toBeLessThan(plan.order.indexOf('synth'));
  });
});

describe('diffLive', () => {
  it('creates new nodes, updates edited ones and those with new inputs, disposes removed ones and re-creates retyped ones', () => {
    const a = node('a', 'live.lfo', { rate: 1 });
    const b = node('b', 'live.slider');
    const c = node('c', 'live.slider');
    const inputs = { notes: { length: 4 } };
    const current = new Map([['a', { node: a, inputs: {} }], ['b', { node: b, inputs }], ['c', { node: c, inputs: {} }]]);
    const next = new Map([
      ['a', { node: { ...a, params: { rate: 2 } }, inputs: {} }],
      ['b', { node: { ...b, position: { x: 9, y: 9 } }, inputs: { notes: { length: 4 } } }],
      ['c', { node: { ...c, type: 'live.xy' }, inputs: {} }],
      ['d', { node: node('d', 'live.random'), inputs: {} }],
    ]);
    expect(diffLive(current, next)).toEqual({ create: ['c', 'd'], update: ['a', 'b'], dispose: ['c'] });
    const same = new Map([...current].map(([id, s]) => [id, { node: { ...s.node, title: 'renamed' } as typeof s.node, inputs: s.inputs }]));
    expect(diffLive(current, same)).toEqual({ create: [], update: [], dispose: [] });
  });
});

describe('loops', () => {
  it('loop the musical length in whole bars, else the whole bars of the audio', () => {
    expect(loopBars(8.5, 8, 2)).toBe(4);
    expect(loopBars(8.5, 7.9, 2)).toBe(4);
    expect(loopBars(5.5, null, 2)).toBe(2);
    expect(loopBars(0.5, null, 2)).toBe(1);
  });

  it('deliver a note clip bar by bar at audio times, swapping at the next bar and cutting notes on stop', () => {
    const got: LiveNoteEvent[] = [];
    let now = 0;
    const looper = new NoteLooper((e) => got.push(e), () => now);
    looper.setSequence(parseNotation('C4/4 D4 E4 F4 | G4/1', { tempo: 120 }));
    looper.onBar(10, 0, 4, 0.5);
    expect(got.filter((e) => e.type === 'on').map((e) => [e.pitch, e.time])).toEqual([[60, 10], [62, 10.5], [64, 11], [65, 11.5]]);
    expect(got.find((e) => e.type === 'off' && e.pitch === 65)!.time).toBe(12);
    got.length = 0;
    looper.setSequence(parseNotation('A4/1', { tempo: 120 }));
    looper.onBar(12, 1, 4, 0.5);
    expect(got.map((e) => [e.type, e.pitch, e.time])).toEqual([['on', 69, 12], ['off', 69, 14]]);
    got.length = 0;
    now = 13;
    looper.stop();
    expect(got).toEqual([{ type: 'off', pitch: 69, velocity: 0, time: 13 }]);
  });
});

describe('eventsToNotes', () => {
  it('pairs note-ons and note-offs per source into beats from the take start, closing held notes at its end', () => {
    const on = (pitch: number, time: number): LiveNoteEvent => ({ type: 'on', pitch, velocity: 0.5, time });
    const off = (pitch: number, time: number): LiveNoteEvent => ({ type: 'off', pitch, velocity: 0, time });
    const notes = eventsToNotes([
      { source: 'keys', event: on(60, 1) }, { source: 'clip', event: on(60, 1.5) }, { source: 'keys', event: off(60, 2) },
      { source: 'clip', event: off(60, 2.5) }, { source: 'keys', event: on(64, 3) },
    ], 1, 4, 120);
    expect(notes).toEqual([
      { pitch: 60, velocity: 0.5, start: 0, duration: 2, voice: 0 },
      { pitch: 60, velocity: 0.5, start: 1, duration: 2, voice: 1 },
      { pitch: 64, velocity: 0.5, start: 4, duration: 2, voice: 0 },
    ]);
  });
});
