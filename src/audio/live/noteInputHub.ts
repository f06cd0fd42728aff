/**
 * Where played notes enter live mode: the on-screen keyboard of a node (`press` / `release` with
 * its node id) and MIDI inputs (`midi`, fed by a Web MIDI adapter or a test shim). Keyboard nodes
 * subscribe through the `noteInput` service; every event is stamped with the audio clock.
 */
import type { LiveNoteEvent } from '../../engine/node';
import type { NoteInput } from '../../../nodes/live/liveServices';

/** A MIDI note message as an input adapter delivers it. */
export interface MidiNoteMessage {
  /** 1–16. */
  channel: number;
  type: 'on' | 'off';
  pitch: number;
  /** 0–1. */
  velocity: number;
}

interface Listener { nodeId: string; channel: number; fn: (e: LiveNoteEvent) => void }

/** The note input of one live session. */
export interface NoteInputHub extends NoteInput {
  /** A key of node `nodeId`'s on-screen keyboard went down. */
  press(nodeId: string, pitch: number, velocity: number): void;
  /** It came up. */
  release(nodeId: string, pitch: number): void;
  /** A note message from a MIDI input (note-on with velocity 0 counts as note-off). */
  midi(message: MidiNoteMessage): void;
  /** Number of keyboards listening. */
  listeners(): number;
}

/**
 * Creates a hub stamping events with `now()` (the audio clock).
 * @example
 * const hub = createNoteInputHub(() => ctx.currentTime); hub.press('kb1', 60, 0.8);
 */
export function createNoteInputHub(now: () => number): NoteInputHub {
  const listeners = new Set<Listener>();
  const send = (match: (l: Listener) => boolean, event: Omit<LiveNoteEvent, 'time'>): void => {
    const stamped = { ...event, time: now() };
    for (const l of [...listeners]) if (match(l)) l.fn(stamped);
  };
  return {
    subscribe(nodeId, channel, fn) {
      const l = { nodeId, channel, fn };
      listeners.add(l);
      return () => listeners.delete(l);
    },
    press: (nodeId, pitch, velocity) => send((l) => l.nodeId === nodeId, { type: 'on', pitch, velocity }),
    release: (nodeId, pitch) => send((l) => l.nodeId === nodeId, { type: 'off', pitch, velocity: 0 }),
    midi(m) {
      const type = m.type === 'on' && m.velocity > 0 ? 'on' : 'off';
      send((l) => l.channel === 0 || l.channel === m.channel, { type, pitch: m.pitch, velocity: type === 'on' ? m.velocity : 0 });
    },
    listeners: () => listeners.size,
  };
}
