/**
 * The contract between the live runtime (pure: instances, diffs, control values) and the audio
 * host that makes sound (src/audio/live/toneLiveHost.ts over Web Audio and the Tone.js transport).
 * Endpoints are opaque: the host makes them and the host connects them.
 */
import type { LiveNoteEvent, NodeServices } from '../../engine/node';
import type { AudioClip, NoteSequence } from '../../engine/values';

/** What the runtime asks of the audio host. */
export interface LiveHost {
  /** Services handed to instances (`liveAudio`, `noteInput`, …). */
  services: NodeServices;
  /** The input of the master bus (what `audio.output` nodes receive). */
  master: unknown;
  connect(from: unknown, to: unknown): void;
  disconnect(from: unknown, to: unknown): void;
  /** Puts the NaN guard of node `nodeId` after a live audio output; returns the guarded endpoint. */
  guard(nodeId: string, port: string, endpoint: unknown): unknown;
  releaseGuard(nodeId: string, port: string): void;
  /** Lets a muted guard play again (after an edit of its node). */
  resetGuard(nodeId: string, port: string): void;
  /**
   * Loops a rendered clip of node `nodeId` on the transport; called again with a new clip, the new
   * one takes over at the next bar (crossfaded). `loopSeconds` is its musical length (null: from the
   * audio). Returns the clip's guarded output endpoint.
   */
  playClip(key: string, nodeId: string, clip: AudioClip, loopSeconds: number | null): unknown;
  stopClip(key: string): void;
  /** Loops a note clip on the transport, delivering its events (a new clip takes over at the next bar). */
  playNotes(key: string, nodeId: string, seq: NoteSequence, deliver: (event: LiveNoteEvent) => void): void;
  stopNotes(key: string): void;
  /** Adds a note event of node `nodeId`'s stream to the recording (if one runs). */
  recordEvent(nodeId: string, event: LiveNoteEvent): void;
}
