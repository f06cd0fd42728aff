/** `window.__genpatchLive`: what the browser tests read and drive of live mode (session state, problems, swaps, takes). */
import type { LiveHealth } from '../../audio/live/liveMonitor';
import type { LiveController } from './liveController';

/** A recorded take, summarised for the tests (samples as base64 float32, channel 0). */
export interface TakeProbe {
  sampleRate: number;
  frames: number;
  startTime: number;
  /** Channel 0 as little-endian float32 bytes in base64. */
  channel0: string;
  notes: { pitch: number; start: number; duration: number }[];
}

/** What the hook exposes. */
export interface GenpatchLiveHook {
  enabled(): boolean;
  playing(): boolean;
  /** Audio-clock seconds now. */
  now(): number;
  /** Clip swaps so far: node, audio time and transport beat. */
  swaps(): { nodeId: string; time: number; beat: number }[];
  problems(): { nodeId: string; kind: string; message: string }[];
  health(): LiveHealth | null;
  /** Control outputs and driven params of a live node. */
  values(id: string): { outputs: Record<string, number>; driven: Record<string, number> } | null;
  /** Ids of the running instances. */
  instances(): string[];
  /** The transport position in beats. */
  beat(): number;
  /** A MIDI note message into the session (the test shim of a MIDI keyboard). */
  midi(channel: number, type: 'on' | 'off', pitch: number, velocity: number): void;
  /** The last take, once a recording stopped. */
  take(): TakeProbe | null;
  /** Largest sample at the master output since the last call. */
  meterPeak(): number;
}

declare global {
  interface Window { __genpatchLive?: GenpatchLiveHook }
}

function base64(data: Float32Array): string {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Installs the hook on window. */
export function installLiveTestHook(live: LiveController): void {
  const session = () => live.session.get();
  window.__genpatchLive = {
    enabled: () => live.state.get().enabled,
    playing: () => session()?.transport.state.get().playing ?? false,
    now: () => session()?.now() ?? 0,
    swaps: () => [...(session()?.swaps ?? [])],
    problems: () => [...(session()?.monitor.problems.get() ?? [])],
    health: () => session()?.monitor.health.get() ?? null,
    values: (id) => {
      const v = session()?.runtime.values.get(id);
      return v ? { outputs: { ...v.outputs }, driven: { ...v.driven } } : null;
    },
    instances: () => session()?.runtime.runningIds() ?? [],
    beat: () => session()?.transport.beat() ?? 0,
    midi: (channel, type, pitch, velocity) => session()?.notes.midi({ channel, type, pitch, velocity }),
    take: () => {
      const take = live.record.get().take;
      if (!take) return null;
      return {
        sampleRate: take.audio.sampleRate,
        frames: take.audio.channels[0]?.length ?? 0,
        startTime: take.startTime,
        channel0: base64(take.audio.channels[0] ?? new Float32Array(0)),
        notes: take.notes.notes.map((n) => ({ pitch: n.pitch, start: n.start, duration: n.duration })),
      };
    },
    meterPeak: () => session()?.master.takePeak() ?? 0,
  };
}
