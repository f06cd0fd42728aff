/**
 * The note-renderer service contract. Instrument nodes never import Tone.js: they ask the host for
 * `ctx.services.renderer`, which turns a NoteSequence and an InstrumentSpec into an AudioClip.
 * The CLI injects the Node backend (src/audio/nodeOfflineRenderer), the page the browser backend
 * (src/audio/browserRenderer); both are the same Tone.js code over different OfflineAudioContexts.
 */
import type { NodeContext } from '../../src/engine/node';
import type { AudioClip, NoteSequence } from '../../src/engine/values';
import type { InstrumentSpec } from './instrumentSpec';

export type { InstrumentSpec } from './instrumentSpec';

/** The key of the renderer in `ctx.services`. */
export const RENDERER_SERVICE = 'renderer';

/** What to render: notes, the instrument to play them with, the output rate and the ring-out time. */
export interface NoteRenderRequest {
  notes: NoteSequence;
  instrument: InstrumentSpec;
  sampleRate: number;
  /** Seconds rendered after the sequence's length so releases ring out. */
  tailSeconds: number;
}

/**
 * Renders notes to audio offline (faster than real time). The clip is stereo, lasts the sequence's
 * length plus the tail, and its peak never exceeds 0 dBFS.
 */
export interface NoteRenderer {
  render(request: NoteRenderRequest, signal: AbortSignal): Promise<AudioClip>;
}

function isNoteRenderer(value: unknown): value is NoteRenderer {
  return typeof value === 'object' && value !== null && typeof (value as NoteRenderer).render === 'function';
}

/**
 * The host's note renderer, or a clear error when the host has none.
 * @example
 * const clip = await getRenderer(ctx).render({ notes, instrument, sampleRate: 44100, tailSeconds: 1 }, ctx.signal);
 */
export function getRenderer(ctx: NodeContext): NoteRenderer {
  const service = ctx.services[RENDERER_SERVICE];
  if (!isNoteRenderer(service)) {
    throw new Error(
      `node ${ctx.nodeId}: this host has no audio renderer: pass services.${RENDERER_SERVICE} ` +
      '(createNodeOfflineRenderer() in Node, createBrowserRenderer() in the page)',
    );
  }
  return service;
}
