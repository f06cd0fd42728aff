/**
 * The note renderer over Tone.js, independent of where it runs: a backend supplies the Tone module,
 * native OfflineAudioContexts and decoded piano samples (node-web-audio-api in Node, the browser's
 * own in the page). A render is planned in chunks; each chunk builds a fresh offline graph,
 * schedules its notes up front and renders faster than real time; the chunks are summed and the
 * result goes through the master limiter.
 */
import { CancelledError } from '../engine/node';
import type { AudioClip } from '../engine/values';
import { dbToGain } from '../../nodes/audio/clipOps';
import { checkInstrumentSpec, type InstrumentSpec } from '../../nodes/audio/instrumentSpec';
import { limitChannelsInPlace } from '../../nodes/audio/masterLimiter';
import type { NoteRenderer, NoteRenderRequest } from '../../nodes/audio/renderService';
import { scheduleDrumNotes } from './drumInstrument';
import { noteEvents, renderSeconds, type NoteEvent } from './noteEvents';
import { schedulePianoNotes, type PianoBuffers } from './pianoInstrument';
import { planChunks, type RenderChunk } from './renderChunks';
import { scheduleSynthNotes } from './synthInstruments';
import type { ToneModule } from './toneModule';

/** Output channels of every render (stereo: the piano samples are stereo). */
const RENDER_CHANNELS = 2;
/** Extra seconds rendered after each note's computed ring-out. */
const RING_MARGIN = 0.05;

/** What a host gives the Tone renderer. */
export interface ToneBackend {
  tone: ToneModule;
  /** A native OfflineAudioContext of the host's Web Audio implementation. */
  createOfflineAudioContext(channels: number, length: number, sampleRate: number): OfflineAudioContext;
  /** The piano samples decoded at `sampleRate`, by MIDI pitch. */
  loadPianoBuffers(sampleRate: number): Promise<PianoBuffers>;
}

function checkRequest(request: NoteRenderRequest): void {
  const problem = checkInstrumentSpec(request.instrument);
  if (problem) throw new Error(`audio renderer: ${problem}`);
  const { sampleRate, tailSeconds } = request;
  if (!Number.isFinite(sampleRate) || sampleRate < 8000 || sampleRate > 192000) {
    throw new Error(`audio renderer: sampleRate must be 8000–192000 Hz, got ${sampleRate}`);
  }
  if (!Number.isFinite(tailSeconds) || tailSeconds < 0 || tailSeconds > 60) {
    throw new Error(`audio renderer: tailSeconds must be 0–60 s, got ${tailSeconds}`);
  }
}

/** How long a note sounds from its start: duration plus release, or a drum's full decay. */
function ringSeconds(spec: InstrumentSpec): (e: NoteEvent) => number {
  switch (spec.kind) {
    case 'poly': case 'fm': case 'am': return (e) => e.duration + spec.envelope.release + RING_MARGIN;
    case 'piano': return (e) => e.duration + spec.release + RING_MARGIN;
    // a strike falls by e^-10 (−87 dB) in twice its decay
    case 'drums': return (e) => 2 * (spec.pieces[String(e.pitch)]?.decay ?? 0) + RING_MARGIN;
  }
}

/** Renders one chunk's notes on a fresh offline context; returns its channels. */
async function renderChunk(backend: ToneBackend, spec: InstrumentSpec, chunk: RenderChunk, sampleRate: number, piano: PianoBuffers | null): Promise<Float32Array[]> {
  const { tone } = backend;
  const native = backend.createOfflineAudioContext(RENDER_CHANNELS, chunk.length, sampleRate);
  const context = new tone.OfflineContext(native);
  const previous = tone.getContext();
  try {
    // Tone helpers that take no context (ToneAudioBuffer, Frequency…) read the global one.
    tone.setContext(context);
    const bus = new tone.Gain({ context, gain: dbToGain(spec.volumeDb) });
    bus.connect(native.destination);
    const target = { tone, context, output: bus };
    switch (spec.kind) {
      case 'poly': case 'fm': case 'am': scheduleSynthNotes(target, spec, chunk.events); break;
      case 'drums': scheduleDrumNotes(target, spec, chunk.events); break;
      case 'piano': schedulePianoNotes(target, spec, chunk.events, piano ?? new Map()); break;
    }
  } finally {
    tone.setContext(previous);
  }
  const rendered = (await context.render(true)).get();
  if (!rendered) throw new Error('audio renderer: the offline context returned no buffer');
  const channels = Array.from({ length: RENDER_CHANNELS }, (_, c) => {
    const data = new Float32Array(rendered.length);
    rendered.copyFromChannel(data, Math.min(c, rendered.numberOfChannels - 1));
    return data;
  });
  context.dispose();
  return channels;
}

/** Renders a whole request chunk by chunk into one limited clip. */
async function renderRequest(backend: ToneBackend, request: NoteRenderRequest, signal: AbortSignal): Promise<AudioClip> {
  const { sampleRate, instrument } = request;
  const total = Math.max(1, Math.ceil(renderSeconds(request.notes, request.tailSeconds) * sampleRate));
  const channels = Array.from({ length: RENDER_CHANNELS }, () => new Float32Array(total));
  const chunks = planChunks(noteEvents(request.notes), sampleRate, total, ringSeconds(instrument));
  const piano = instrument.kind === 'piano' && chunks.length > 0 ? await backend.loadPianoBuffers(sampleRate) : null;
  for (const chunk of chunks) {
    if (signal.aborted) throw new CancelledError();
    const part = await renderChunk(backend, instrument, chunk, sampleRate, piano);
    part.forEach((data, c) => {
      const out = channels[c];
      for (let i = 0; i < data.length && chunk.offset + i < total; i++) out[chunk.offset + i] += data[i];
    });
  }
  if (signal.aborted) throw new CancelledError();
  limitChannelsInPlace(channels, sampleRate);
  return { sampleRate, channels };
}

/**
 * A NoteRenderer over Tone.js; `loadBackend` runs once, on the first render.
 * @example
 * const renderer = createToneRenderer(async () => ({ tone, createOfflineAudioContext, loadPianoBuffers }));
 * const clip = await renderer.render({ notes, instrument, sampleRate: 44100, tailSeconds: 1 }, signal);
 */
export function createToneRenderer(loadBackend: () => Promise<ToneBackend>): NoteRenderer {
  let backend: Promise<ToneBackend> | null = null;
  return {
    async render(request, signal) {
      checkRequest(request);
      if (signal.aborted) throw new CancelledError();
      backend ??= loadBackend().catch((error: unknown) => {
        backend = null;
        throw error;
      });
      return renderRequest(await backend, request, signal);
    },
  };
}
