/**
 * Test helper: a live session over node-web-audio-api's OfflineAudioContext and Tone's offline
 * clock, so live mode renders headless. Actions are scheduled at audio times with `at`; frames run
 * at 60 Hz on the offline clock; `render()` returns what the master output played.
 */
import type { NodeRegistry } from '../../../src/engine/registry';
import { createLiveSession, FRAME_RATE, type LiveSession } from '../../../src/audio/live/liveSession';
import type { WorkletFactory } from '../../../src/audio/live/masterBus';
import { loadToneForNode } from '../../../src/audio/toneForNode';
import type { AudioClip } from '../../../src/engine/values';

/** A session rendering offline. */
export interface OfflineLive {
  session: LiveSession;
  /** Runs `fn` when the offline clock reaches `seconds`. */
  at(seconds: number, fn: () => void): void;
  /** Renders the whole length; resolves with the master output and lets worklet messages arrive. */
  render(): Promise<AudioClip>;
}

/** Options of `offlineLive`. */
export interface OfflineLiveOptions {
  sampleRate?: number;
  /** The CPU clock of the tick budget. */
  cpuNow?: () => number;
  /** NaN guards (AudioWorklets, slow in node-web-audio-api offline); default false. */
  guards?: boolean;
}

/**
 * A live session that renders `seconds` of audio.
 * @example
 * const live = await offlineLive(registry, 4); live.session.apply(patch, outputsOf); live.session.transport.start();
 * const out = await live.render();
 */
export async function offlineLive(registry: NodeRegistry, seconds: number, options: OfflineLiveOptions = {}): Promise<OfflineLive> {
  const sampleRate = options.sampleRate ?? 44100;
  const tone = await loadToneForNode();
  const webAudio = await import('node-web-audio-api');
  const native = new webAudio.OfflineAudioContext(2, Math.ceil(seconds * sampleRate), sampleRate) as unknown as OfflineAudioContext;
  const toneContext = new tone.OfflineContext(native);
  const worklet: WorkletFactory = (ctx, name, options) =>
    new (webAudio as unknown as { AudioWorkletNode: typeof AudioWorkletNode }).AudioWorkletNode(ctx, name, options);
  const session = await createLiveSession({
    registry,
    context: native,
    toneContext,
    worklet,
    cpuNow: options.cpuNow,
    guards: options.guards ?? false,
    frames: (tick) => {
      const id = toneContext.setInterval(tick, 1 / FRAME_RATE);
      return () => toneContext.clearInterval(id);
    },
  });
  return {
    session,
    at: (t, fn) => { toneContext.setTimeout(fn, t - toneContext.currentTime); },
    async render() {
      const buffer = await toneContext.render(false);
      const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.toArray(c) as Float32Array);
      await new Promise((r) => setTimeout(r, 100));
      return { sampleRate, channels };
    },
  };
}
