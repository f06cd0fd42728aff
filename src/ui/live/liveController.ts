/**
 * Live mode in the page: turns a live session on and off (Tone.js and the AudioContext load on the
 * first use), feeds it the patch on every edit and the render results after every run, connects
 * Web MIDI inputs, and records takes for export. The components read its stores.
 */
import type { NodeRegistry } from '../../engine/registry';
import type { LiveSession } from '../../audio/live/liveSession';
import type { LiveTake } from '../../audio/live/liveRecorder';
import type { StreamPlacement } from '../../audio/live/liveStreams';
import type { Editor } from '../state/editor';
import type { Runtime } from '../run/runtime';
import type { Player } from '../transport/player';
import { createStore, type Store } from '../state/store';
import { graphChanged, toGraphSpec } from '../run/graphSpec';
import { patchTempo } from './patchTempo';

/** Where live mode stands. */
export interface LiveState {
  enabled: boolean;
  starting: boolean;
  /** Why the last start failed, if it did. */
  error: string | null;
}

/** The take being recorded or the last one. */
export interface RecordState {
  recording: boolean;
  take: LiveTake | null;
}

/** Live mode of one page. */
export interface LiveController {
  state: Store<LiveState>;
  record: Store<RecordState>;
  /** The running session (null while off). */
  session: Store<LiveSession | null>;
  enable(): Promise<void>;
  disable(): Promise<void>;
  /** Plays or stops the transport (enables live mode first if needed). */
  togglePlay(): Promise<void>;
  startRecording(): void;
  stopRecording(): Promise<LiveTake | null>;
}

/** What the controller is built from. */
export interface LiveDeps {
  registry: NodeRegistry;
  editor: Editor;
  runtime: Runtime;
  player: Player;
  notify(text: string, kind?: 'info' | 'error'): void;
}

/**
 * Where the page runs generators that can run on the audio thread: there, unless the address asks
 * `?streams=worker` (to compare with the Worker-and-ring path, as `npm run bench -- live-patch` does).
 */
function streamPlacement(): StreamPlacement {
  return new URLSearchParams(location.search).get('streams') === 'worker' ? 'worker' : 'worklet';
}

/**
 * Creates the page's live controller (nothing loads until `enable`).
 * @example
 * const live = createLiveController({ registry, editor, runtime, player, notify }); await live.enable();
 */
export function createLiveController(deps: LiveDeps): LiveController {
  const state = createStore<LiveState>({ enabled: false, starting: false, error: null });
  const record = createStore<RecordState>({ recording: false, take: null });
  const session = createStore<LiveSession | null>(null);
  let context: AudioContext | null = null;
  let cleanup: (() => void)[] = [];
  let queued = false;

  const apply = (): void => {
    queued = false;
    const s = session.get();
    if (!s) return;
    s.apply(toGraphSpec(deps.editor.state.get().patch), (id) => deps.runtime.results.get(id)?.outputs);
  };
  const schedule = (): void => {
    if (queued) return;
    queued = true;
    queueMicrotask(apply);
  };

  const enable = async (): Promise<void> => {
    if (state.get().enabled || state.get().starting) return;
    state.set({ enabled: false, starting: true, error: null });
    try {
      const [tone, live, midi] = await Promise.all([import('tone'), import('../../audio/live/liveSession'), import('../../audio/midi')]);
      context = new AudioContext({ latencyHint: 'interactive' });
      await context.resume();
      const toneContext = new tone.Context({ context, lookAhead: 0.15 });
      const s = await live.createLiveSession({ registry: deps.registry, context, toneContext, streams: streamPlacement() });
      deps.player.stop();
      s.transport.setBpm(patchTempo(deps.editor.state.get().patch, (id) => deps.runtime.results.get(id)?.outputs) ?? 120);
      session.set(s);
      let lastPatch = deps.editor.state.get().patch;
      cleanup = [
        deps.editor.state.subscribe(() => {
          const patch = deps.editor.state.get().patch;
          if (patch === lastPatch) return;
          const changed = graphChanged(lastPatch, patch);
          lastPatch = patch;
          if (changed) schedule();
        }),
        deps.runtime.results.subscribeAll(schedule),
      ];
      const input = await midi.openMidiInput({
        onEvent: (e) => {
          if (e.type === 'noteon' || e.type === 'noteoff') {
            s.notes.midi({ channel: e.channel + 1, type: e.type === 'noteon' ? 'on' : 'off', pitch: e.note, velocity: e.velocity });
          }
        },
      });
      cleanup.push(() => input.close());
      apply();
      state.set({ enabled: true, starting: false, error: null });
    } catch (e) {
      const message = `Live mode could not start: ${(e as Error).message}`;
      state.set({ enabled: false, starting: false, error: message });
      deps.notify(message, 'error');
    }
  };

  const disable = async (): Promise<void> => {
    for (const off of cleanup) off();
    cleanup = [];
    session.get()?.dispose();
    session.set(null);
    record.set((r) => ({ ...r, recording: false }));
    const ctx = context;
    context = null;
    state.set({ enabled: false, starting: false, error: null });
    await ctx?.close();
  };

  return {
    state,
    record,
    session,
    enable,
    disable,
    async togglePlay() {
      if (!session.get()) await enable();
      const s = session.get();
      if (!s) return;
      if (s.transport.state.get().playing) s.transport.stop();
      else s.transport.start();
    },
    startRecording() {
      const s = session.get();
      if (!s) return;
      s.recorder.start();
      record.set({ recording: true, take: null });
    },
    async stopRecording() {
      const s = session.get();
      if (!s || !s.recorder.active) return null;
      const take = await s.recorder.stop();
      record.set({ recording: false, take });
      return take;
    },
  };
}
