import { describe, expect, it } from 'vitest';
import { createWebAudioLive } from '../../../src/audio/live/webAudioLive';
import type { AudioClip } from '../../../src/engine/values';
import { LIVE_AUDIO_SERVICE } from '../../../nodes/live/liveServices';
import { microphoneNode, NO_MICROPHONE_OFFLINE } from '../../../nodes/live/microphoneNode';
import { rmsBetween } from '../../audio/measure';
import { runNode } from '../runNode';
import { liveInstance } from './liveHarness';

const RATE = 48000;
const SECONDS = 0.5;
type GetUserMedia = (c: MediaStreamConstraints) => Promise<MediaStream>;

/** An offline context with a capture device that plays a 523.25 Hz sine at 0.5, and a stream whose track counts its stops. */
async function fakeDevice() {
  const webAudio = await import('node-web-audio-api');
  const ctx = new webAudio.OfflineAudioContext(1, RATE * SECONDS, RATE);
  const buffer = ctx.createBuffer(1, RATE * SECONDS, RATE);
  buffer.copyToChannel(Float32Array.from({ length: RATE * SECONDS }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 523.25 * i) / RATE)), 0);
  Object.assign(ctx, {
    createMediaStreamSource: () => {
      const source = ctx.createBufferSource();
      source.buffer = buffer;
      source.start(0);
      return source;
    },
  });
  const track = { label: 'fake mic', stops: 0, stop() { track.stops++; } };
  const stream = { getAudioTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
  return { ctx: ctx as unknown as BaseAudioContext, track, opens: (() => Promise.resolve(stream)) as GetUserMedia };
}

const refusing = (name: string, message: string): GetUserMedia => () => Promise.reject(Object.assign(new Error(message), { name }));
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('live.microphone', () => {
  it('plays the device at its gain and stops the device when disposed', async () => {
    const { ctx, track, opens } = await fakeDevice();
    const mic = liveInstance(microphoneNode, { gain: -6 }, { [LIVE_AUDIO_SERVICE]: createWebAudioLive(ctx, () => 0, { getUserMedia: opens }) });
    await settle();
    expect(() => mic.frames(3)).not.toThrow();
    (mic.instance.audio!.outputs!.audio as AudioNode).connect(ctx.destination);
    const out = (await (ctx as OfflineAudioContext).startRendering()).getChannelData(0);
    expect(rmsBetween(out, RATE, 0.2, 0.5)).toBeCloseTo(0.5 * Math.SQRT1_2 * 10 ** (-6 / 20), 2);
    mic.instance.dispose!();
    expect(track.stops).toBe(1);
  });

  it('closes a device that opens after the node was removed', async () => {
    const { ctx, track, opens } = await fakeDevice();
    const mic = liveInstance(microphoneNode, {}, { [LIVE_AUDIO_SERVICE]: createWebAudioLive(ctx, () => 0, { getUserMedia: opens }) });
    mic.instance.dispose!();
    await settle();
    expect(track.stops).toBe(1);
  });

  it('says once, in the node status, that permission was refused or there is no device', async () => {
    const { ctx } = await fakeDevice();
    const denied = liveInstance(microphoneNode, {}, { [LIVE_AUDIO_SERVICE]: createWebAudioLive(ctx, () => 0, { getUserMedia: refusing('NotAllowedError', 'Permission denied') }) });
    await settle();
    expect(() => denied.frames(1)).toThrow('no microphone signal (denied): microphone permission was refused: Permission denied');
    expect(() => denied.frames(5)).not.toThrow();
    const none = liveInstance(microphoneNode, {}, { [LIVE_AUDIO_SERVICE]: createWebAudioLive(ctx, () => 0, { getUserMedia: refusing('NotFoundError', 'Requested device not found') }) });
    await settle();
    expect(() => none.frames(1)).toThrow('no microphone signal (no-device): no usable microphone: Requested device not found');
  });

  it('cannot start on a host without capture, and renders silence with a warning', async () => {
    const webAudio = await import('node-web-audio-api');
    const offline = createWebAudioLive(new webAudio.OfflineAudioContext(1, RATE, RATE) as unknown as BaseAudioContext);
    expect(() => liveInstance(microphoneNode, {}, { [LIVE_AUDIO_SERVICE]: offline })).toThrow(/node n1: this host has no microphone.*audio\.file/);
    const { outputs, logs } = await runNode(microphoneNode, {}, {});
    const clip = outputs.audio as AudioClip;
    expect(clip.channels[0].length).toBe(clip.sampleRate);
    expect(clip.channels[0].every((x) => x === 0)).toBe(true);
    expect(logs).toEqual([{ level: 'warn', message: NO_MICROPHONE_OFFLINE }]);
  });
});
