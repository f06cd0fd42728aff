/**
 * The audio host of live mode over Web Audio and the live transport: per-source NaN guards (an
 * AudioWorklet after every live output and every looped clip, naming the node when it mutes),
 * clip loopers and note loopers driven by the transport's bars, the master bus and the recorder.
 */
import type { LiveNoteEvent, NodeServices } from '../../engine/node';
import type { AudioClip, NoteSequence } from '../../engine/values';
import { ClipLooper } from './clipLooper';
import type { LiveHost } from './liveHost';
import type { LiveMonitor } from './liveMonitor';
import type { LiveRecorder } from './liveRecorder';
import type { LiveTransport } from './liveTransport';
import { GUARD_PROCESSOR, type GuardMessage } from './liveWorklets';
import type { MasterBus, WorkletFactory } from './masterBus';
import { NoteLooper } from './noteLooper';

/** What the host is built from. */
export interface ToneLiveHostOptions {
  ctx: BaseAudioContext;
  /** The audio clock (Tone's context time, which also runs during offline renders). */
  now: () => number;
  transport: LiveTransport;
  master: MasterBus;
  recorder: LiveRecorder;
  monitor: LiveMonitor;
  worklet: WorkletFactory;
  services: NodeServices;
  titleOf: (nodeId: string) => string;
  /** Put a NaN guard (an AudioWorklet) after every source; false passes sources straight through. */
  guards: boolean;
  /** Told when a clip of `nodeId` swapped in at audio time `time`. */
  onSwap?: (nodeId: string, time: number) => void;
}

/** The stage after a source: a guard worklet, or a plain gain when guards are off. */
interface Guard { node: AudioNode; reset(): void }
interface ClipSlot { nodeId: string; clip: AudioClip; loopSeconds: number | null; looper: ClipLooper; guard: Guard }
interface NoteSlot { seq: NoteSequence; looper: NoteLooper; deliver: (e: LiveNoteEvent) => void }

/** A LiveHost plus its own teardown. */
export interface ToneLiveHost extends LiveHost {
  dispose(): void;
}

/**
 * Creates the host.
 * @example
 * const host = createToneLiveHost({ ctx, now, transport, master, recorder, monitor, worklet, services, titleOf });
 */
export function createToneLiveHost(o: ToneLiveHostOptions): ToneLiveHost {
  const guards = new Map<string, Guard>();
  const clips = new Map<string, ClipSlot>();
  const notes = new Map<string, NoteSlot>();

  const makeGuard = (nodeId: string, port: string): Guard => {
    const key = `${nodeId}.${port}`;
    guards.get(key)?.node.disconnect();
    let guard: Guard;
    if (o.guards) {
      const node = o.worklet(o.ctx, GUARD_PROCESSOR, { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [2] });
      node.port.onmessage = (e: MessageEvent<GuardMessage>) => {
        o.monitor.report(nodeId, 'nan', `"${o.titleOf(nodeId)}" sent ${e.data.value} audio on "${port}": muted until you edit it`);
      };
      guard = { node, reset: () => node.port.postMessage('reset') };
    } else {
      guard = { node: o.ctx.createGain(), reset: () => undefined };
    }
    guards.set(key, guard);
    return guard;
  };

  const offBar = o.transport.onBar((time, bar) => {
    const barSeconds = o.transport.barSeconds();
    for (const slot of clips.values()) slot.looper.onBar(time, bar, barSeconds);
    for (const slot of notes.values()) slot.looper.onBar(time, bar, o.transport.beatsPerBar(), o.transport.secondsPerBeat());
  });
  const offStop = o.transport.onStop(() => {
    for (const slot of clips.values()) slot.looper.stop();
    for (const slot of notes.values()) slot.looper.stop();
  });

  const host: ToneLiveHost = {
    services: o.services,
    master: o.master.input,
    connect: (from, to) => { (from as AudioNode).connect(to as AudioNode); },
    disconnect: (from, to) => {
      try { (from as AudioNode).disconnect(to as AudioNode); } catch { /* was not connected */ }
    },
    guard(nodeId, port, endpoint) {
      const guard = makeGuard(nodeId, port);
      (endpoint as AudioNode).connect(guard.node);
      return guard.node;
    },
    releaseGuard(nodeId, port) {
      const key = `${nodeId}.${port}`;
      guards.get(key)?.node.disconnect();
      guards.delete(key);
    },
    resetGuard(nodeId, port) {
      guards.get(`${nodeId}.${port}`)?.reset();
    },
    playClip(key, nodeId, clip, loopSeconds) {
      const slot = clips.get(key);
      if (slot && slot.clip === clip && slot.loopSeconds === loopSeconds) return slot.guard.node;
      if (slot) {
        slot.clip = clip;
        slot.loopSeconds = loopSeconds;
        slot.looper.setClip(clip, loopSeconds);
        slot.guard.reset();
        o.monitor.clear(nodeId, 'nan');
        return slot.guard.node;
      }
      const guard = makeGuard(nodeId, key.slice(nodeId.length + 1));
      const looper = new ClipLooper(o.ctx, guard.node, {
        swapped: (time) => o.onSwap?.(nodeId, time),
        late: () => o.monitor.count('lateEvents'),
      }, o.now);
      looper.setClip(clip, loopSeconds);
      clips.set(key, { nodeId, clip, loopSeconds, looper, guard });
      return guard.node;
    },
    stopClip(key) {
      const slot = clips.get(key);
      if (!slot) return;
      slot.looper.dispose();
      host.releaseGuard(slot.nodeId, key.slice(slot.nodeId.length + 1));
      clips.delete(key);
    },
    playNotes(key, _nodeId, seq, deliver) {
      const slot = notes.get(key);
      if (slot) {
        slot.deliver = deliver;
        if (slot.seq !== seq) { slot.seq = seq; slot.looper.setSequence(seq); }
        return;
      }
      const created: NoteSlot = { seq, deliver, looper: new NoteLooper((e) => created.deliver(e), o.now) };
      created.looper.setSequence(seq);
      notes.set(key, created);
    },
    stopNotes(key) {
      notes.get(key)?.looper.stop();
      notes.delete(key);
    },
    recordEvent(nodeId, event) {
      o.recorder.addEvent(o.titleOf(nodeId), event);
    },
    dispose() {
      offBar();
      offStop();
      for (const key of [...clips.keys()]) host.stopClip(key);
      for (const key of [...notes.keys()]) host.stopNotes(key);
      for (const guard of guards.values()) guard.node.disconnect();
      guards.clear();
    },
  };
  return host;
}
