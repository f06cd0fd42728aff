/** The live face of ddsp.instrument against a recording stream host: params sent once per change, notes sent at their time, a host without streams refused. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ddspInstrumentNode } from '../../../nodes/ddsp/instrumentNode';
import { LIVE_AUDIO_SERVICE, type LiveStreamSpec } from '../../../nodes/live/liveServices';
import type { LiveContext } from '../../../src/engine/node';
import { createRng } from '../../../src/engine/rng';
import { paramsWithDefaults } from '../runNode';

afterEach(() => vi.useRealTimers());

function host(withStream = true) {
  const sent: Record<string, unknown>[] = [];
  const specs: LiveStreamSpec[] = [];
  let disposed = false;
  const unused = (): never => { throw new Error('the DDSP instrument uses only streams'); };
  const liveAudio = {
    sampleRate: 48000,
    now: () => 10,
    synth: unused, filter: unused, gain: unused, tap: unused,
    ...(withStream ? {
      stream: (spec: LiveStreamSpec) => {
        specs.push(spec);
        return { output: 'stream-endpoint', control: (m: Record<string, unknown>) => sent.push(m), dispose: () => { disposed = true; } };
      },
    } : {}),
  };
  const ctx: LiveContext = {
    nodeId: 'sax', seed: 3, rng: createRng(3), services: { [LIVE_AUDIO_SERVICE]: liveAudio },
    log: { info: () => undefined, warn: () => undefined }, emit: () => undefined, report: () => undefined, fail: () => undefined,
  };
  return { ctx, sent, specs, disposed: () => disposed };
}

describe('ddsp.instrument live face', () => {
  it('starts the ddsp stream on the first update and sends params only when they change', () => {
    const h = host();
    const instance = ddspInstrumentNode.live!.create(h.ctx);
    const params = paramsWithDefaults(ddspInstrumentNode, { instrument: 'violin' });
    instance.update(params, {});
    expect(h.specs).toHaveLength(1);
    expect(h.specs[0]).toMatchObject({ worker: 'ddsp', generator: 'ddsp', options: { seed: 3, params: { instrument: 'violin', vibratoDepth: 15 } } });
    expect(instance.audio?.outputs?.audio).toBe('stream-endpoint');
    instance.update(params, {});
    instance.update({ ...params, vibratoDepth: 40 }, {});
    expect(h.sent.map((m) => [m.type, m.vibratoDepth])).toEqual([['params', 15], ['params', 40]]);
    expect(h.sent[0]).not.toHaveProperty('reverb');
    instance.dispose?.();
    expect(h.disposed()).toBe(true);
  });

  it('sends notes at their audio-clock time', () => {
    vi.useFakeTimers();
    const h = host();
    const instance = ddspInstrumentNode.live!.create(h.ctx);
    instance.update(paramsWithDefaults(ddspInstrumentNode), {});
    instance.noteEvent!('notes', { type: 'on', pitch: 62, velocity: 0.7, time: 10 });
    instance.noteEvent!('notes', { type: 'off', pitch: 62, velocity: 0, time: 10.25 });
    expect(h.sent.slice(1)).toEqual([{ type: 'on', pitch: 62, velocity: 0.7 }]);
    vi.advanceTimersByTime(249);
    expect(h.sent).toHaveLength(2);
    vi.advanceTimersByTime(2);
    expect(h.sent.slice(2)).toEqual([{ type: 'off', pitch: 62 }]);
  });

  it('a host that cannot stream is refused with the reason', () => {
    expect(() => ddspInstrumentNode.live!.create(host(false).ctx)).toThrow(/cannot stream audio from a Worker/);
  });
});
