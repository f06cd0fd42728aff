import { describe, expect, it } from 'vitest';
import { createNodeOfflineRenderer } from '../../../src/audio/nodeOfflineRenderer';
import type { NodeDef, NodeServices } from '../../../src/engine/node';
import { createNodeContext } from '../../../src/engine/nodeContext';
import { NodeRegistry } from '../../../src/engine/registry';
import type { AudioClip, NoteSequence } from '../../../src/engine/values';
import { createSequence } from '../../../src/music/noteSequence';
import { audioNodes } from '../../../nodes/audio';
import { rmsBetween } from '../../audio/measure';

const renderer = createNodeOfflineRenderer();
const node = (type: string): NodeDef => {
  const def = audioNodes.find((d) => d.type === type);
  if (!def) throw new Error(`no node ${type}`);
  return def;
};
const defaults = (def: NodeDef, overrides: Record<string, unknown> = {}) =>
  ({ ...Object.fromEntries(Object.entries(def.params).map(([k, p]) => [k, p.default])), ...overrides });
const warnings: string[] = [];
const context = (services: NodeServices = { renderer }) => createNodeContext({
  nodeId: 'n1', seed: 1, signal: new AbortController().signal, services,
  log: { info: () => {}, warn: (m) => warnings.push(m) },
  asset: (id) => { throw new Error(`no asset ${id}`); },
  onProgress: () => {},
});
async function run(type: string, inputs: Record<string, unknown>, params: Record<string, unknown> = {}, services?: NodeServices) {
  const def = node(type);
  return def.run(inputs, defaults(def, params), context(services));
}

const melody = createSequence([60, 64, 67, 72].map((pitch, i) => ({ pitch, velocity: 0.8, start: i, duration: 1 })), { tempo: 120 });

describe('audio nodes', () => {
  it('register with valid port types and docs', () => {
    const registry = new NodeRegistry(audioNodes);
    expect(registry.list().map((d) => d.type).sort()).toEqual([
      'audio.gain', 'audio.mix', 'audio.output', 'instrument.am', 'instrument.drums', 'instrument.fm',
      'instrument.multi', 'instrument.piano', 'instrument.poly',
    ]);
    for (const def of audioNodes) expect(def.doc.length, def.type).toBeGreaterThan(200);
    expect(node('audio.output').sink).toBe(true);
  });

  it.each(['instrument.poly', 'instrument.fm', 'instrument.am', 'instrument.piano'])('%s renders its notes with a waveform preview', async (type) => {
    const result = await run(type, { notes: melody }, { sampleRate: 22050, tail: 0.5 });
    const audio = result.outputs.audio as AudioClip;
    expect(audio.sampleRate).toBe(22050);
    expect(audio.channels[0].length).toBe(Math.ceil(2.5 * 22050));
    expect(rmsBetween(audio.channels[0], 22050, 0.1, 1.9)).toBeGreaterThan(0.01);
    expect(result.previews).toEqual([{ kind: 'waveform', title: 'Waveform', port: 'audio' }]);
  });

  it('a params change reaches the sound: a sawtooth is brighter than a sine', async () => {
    // brightness: RMS of the first difference over RMS of the signal (grows with high partials)
    const brightness = (clip: AudioClip) => {
      const x = clip.channels[0];
      const diff = x.map((v, i) => (i ? v - x[i - 1] : 0));
      return rmsBetween(diff, 44100, 0.1, 1.9) / rmsBetween(x, 44100, 0.1, 1.9);
    };
    const sine = (await run('instrument.poly', { notes: melody }, { oscillator: 'sine', tail: 0 })).outputs.audio as AudioClip;
    const saw = (await run('instrument.poly', { notes: melody }, { oscillator: 'sawtooth', tail: 0 })).outputs.audio as AudioClip;
    expect(brightness(saw)).toBeGreaterThan(3 * brightness(sine));
  });

  it('drums warn about notes outside the GM map', async () => {
    warnings.length = 0;
    const notes = createSequence([{ pitch: 36, velocity: 1, start: 0, duration: 1 }, { pitch: 100, velocity: 1, start: 1, duration: 1 }]);
    const audio = (await run('instrument.drums', { notes }, { tail: 0 })).outputs.audio as AudioClip;
    expect(warnings).toEqual(['1 notes are outside the GM drum map (35–81) and stay silent']);
    expect(rmsBetween(audio.channels[0], 44100, 0, 0.2)).toBeGreaterThan(0.01);
    expect(rmsBetween(audio.channels[0], 44100, 0.55, 1)).toBeLessThan(1e-3);
  });

  it('says clearly when the host has no renderer', async () => {
    await expect(run('instrument.poly', { notes: melody }, {}, {})).rejects.toThrow(/node n1: this host has no audio renderer/);
  });

  it('multi-instrument plays each voice on its choice and mutes voices', async () => {
    const notes: NoteSequence = {
      ...createSequence([
        ...[0, 1, 2, 3].map((b) => ({ pitch: 36, velocity: 1, start: b, duration: 0.5, voice: 1 })),
        { pitch: 69, velocity: 0.8, start: 0, duration: 4, voice: 0 },
      ], { tempo: 120 }),
      voices: [{ name: 'lead' }, { name: 'kit', drums: true }],
    };
    const both = (await run('instrument.multi', { notes }, { voice0: 'poly', tail: 0.5, sampleRate: 22050 })).outputs.audio as AudioClip;
    const drumsOnly = (await run('instrument.multi', { notes }, { voice0: 'mute', tail: 0.5, sampleRate: 22050 })).outputs.audio as AudioClip;
    const none = (await run('instrument.multi', { notes }, { voice0: 'mute', voice1: 'mute', tail: 0.5, sampleRate: 22050 })).outputs.audio as AudioClip;
    expect(both.channels[0].length).toBe(Math.ceil(2.5 * 22050));
    expect(none.channels[0].length).toBe(both.channels[0].length);
    expect(rmsBetween(none.channels[0], 22050, 0, 2.5)).toBe(0);
    // between kicks (voice 1 on auto = drum kit) only the poly voice sounds
    expect(rmsBetween(drumsOnly.channels[0], 22050, 0.4, 0.5)).toBeLessThan(0.005);
    expect(rmsBetween(both.channels[0], 22050, 0.4, 0.5)).toBeGreaterThan(0.02);
    expect(rmsBetween(drumsOnly.channels[0], 22050, 0.5, 0.6)).toBeGreaterThan(0.02);
  });

  it('gain, mix and output shape audio and the output limits it', async () => {
    const a: AudioClip = { sampleRate: 100, channels: [new Float32Array(200).fill(0.5)] };
    const b: AudioClip = { sampleRate: 100, channels: [new Float32Array(100).fill(0.25), new Float32Array(100).fill(-0.25)] };
    const louder = (await run('audio.gain', { audio: a }, { gain: 6.0206 })).outputs.audio as AudioClip;
    expect(louder.channels[0][0]).toBeCloseTo(1, 4);
    const mixed = (await run('audio.mix', { audio: [louder, b] })).outputs.audio as AudioClip;
    expect(mixed.channels).toHaveLength(2);
    expect(mixed.channels[0][0]).toBeCloseTo(1.25, 4);
    expect(mixed.channels[1][150]).toBeCloseTo(1, 4);
    const out = (await run('audio.output', { audio: mixed }, { ceiling: -3 })).outputs.audio as AudioClip;
    const ceiling = 10 ** (-3 / 20);
    expect(Math.max(...out.channels.flatMap((c) => Array.from(c, Math.abs)))).toBeLessThanOrEqual(ceiling + 1e-6);
    await expect(run('audio.mix', { audio: [] })).rejects.toThrow(/at least one audio input/);
  });
});
