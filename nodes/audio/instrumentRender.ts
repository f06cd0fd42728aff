/**
 * What every instrument node shares: the render params (sample rate, tail, volume), the waveform
 * preview, and the call to the host's note renderer.
 */
import type { NodeContext, Preview } from '../../src/engine/node';
import type { ParamSpec, ParamValue } from '../../src/engine/params';
import type { AudioClip, NoteSequence } from '../../src/engine/values';
import type { InstrumentSpec } from './instrumentSpec';
import { getRenderer } from './renderService';

/** Params of every instrument node, besides its own. */
export const renderParams = {
  volume: { kind: 'float', default: -6, min: -60, max: 12, step: 0.5, unit: 'dB', doc: 'Output level of the instrument.' },
  tail: { kind: 'float', default: 1.5, min: 0, max: 10, step: 0.1, unit: 's', doc: 'Seconds rendered after the last beat so notes can ring out.' },
  sampleRate: { kind: 'int', default: 44100, min: 8000, max: 96000, step: 100, unit: 'Hz', doc: 'Sample rate of the rendered audio.' },
} as const;

/** The values of a set of param specs, typed. */
export type ValuesOf<P extends Record<string, ParamSpec>> = { [K in keyof P]: ParamValue<P[K]> };

/**
 * The default value of every param in `params`.
 * @example
 * paramDefaults(renderParams).sampleRate; // 44100
 */
export function paramDefaults<P extends Record<string, ParamSpec>>(params: P): ValuesOf<P> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(params)) out[name] = spec.default;
  return out as ValuesOf<P>;
}

/** The waveform preview of an audio output port. */
export function waveformPreview(port = 'audio'): Preview {
  return { kind: 'waveform', title: 'Waveform', port };
}

/** Envelope params (ADSR) with the given defaults. */
export function envelopeParams(attack: number, decay: number, sustain: number, release: number) {
  return {
    attack: { kind: 'float', default: attack, min: 0, max: 5, step: 0.001, unit: 's', doc: 'Time to reach full level.' },
    decay: { kind: 'float', default: decay, min: 0, max: 5, step: 0.01, unit: 's', doc: 'Time to fall to the sustain level.' },
    sustain: { kind: 'float', default: sustain, min: 0, max: 1, step: 0.01, doc: 'Level held while the note is down (0–1).' },
    release: { kind: 'float', default: release, min: 0, max: 10, step: 0.01, unit: 's', doc: 'Fade time after the note ends.' },
  } as const;
}

/**
 * Renders `notes` with `instrument` through the host's renderer.
 * @example
 * const audio = await renderNotes(ctx, notes, spec, { sampleRate: 44100, tail: 1.5 });
 */
export async function renderNotes(
  ctx: NodeContext, notes: NoteSequence, instrument: InstrumentSpec, params: { sampleRate: number; tail: number },
): Promise<AudioClip> {
  const renderer = getRenderer(ctx);
  ctx.progress(0, `rendering ${notes.notes.length} notes`);
  const clip = await renderer.render({ notes, instrument, sampleRate: params.sampleRate, tailSeconds: params.tail }, ctx.signal);
  ctx.checkCancelled();
  ctx.progress(1);
  return clip;
}
