/** The drum-kit instrument node: General MIDI drum notes → synthesized drums. */
import { defineNode } from '../../src/engine/node';
import type { NoteSequence } from '../../src/engine/values';
import { gmDrumKit } from './gmDrumKit';
import { renderNotes, renderParams, waveformPreview, type ValuesOf } from './instrumentRender';
import type { DrumsSpec } from './instrumentSpec';

/** Params of the drum kit's sound. */
export const drumParams = {
  tune: { kind: 'float', default: 0, min: -12, max: 12, step: 0.5, unit: 'st', doc: 'Transposes every pitched drum, in semitones.' },
  decay: { kind: 'float', default: 1, min: 0.25, max: 4, step: 0.05, doc: 'Multiplies every drum\'s decay time.' },
  volume: renderParams.volume,
} as const;

/** The DrumsSpec of drum-kit param values. */
export function drumSpec(p: ValuesOf<typeof drumParams>): DrumsSpec {
  return gmDrumKit({ tune: p.tune, decayScale: p.decay, volumeDb: p.volume });
}

/** How many notes of `notes` the kit has no piece for (they stay silent). */
export function unmappedDrumNotes(notes: NoteSequence, spec: DrumsSpec): number {
  return notes.notes.filter((n) => !spec.pieces[String(n.pitch)]).length;
}

/** Notes → audio on a synthesized General MIDI drum kit. */
export const drumKitNode = defineNode({
  type: 'instrument.drums',
  title: 'Drum kit',
  category: 'audio',
  doc: 'Plays General MIDI drum notes (35 bass drum, 36 kick, 38/40 snares, 42/44/46 hi-hats, 49/57 crashes, 51 ride, toms, hand drums…) on a synthesized kit in the manner of the Roland TR-808: kicks and toms are sine membranes swept down in pitch, snares add a noise burst to a membrane, hats and cymbals are six inharmonic square waves high-passed, shakers are filtered noise. The noise comes from a fixed seed, so renders are identical; notes outside 35–81 are silent.',
  inputs: { notes: { type: 'notes', doc: 'Drum notes: the pitch picks the drum (GM key map).' } },
  outputs: { audio: { type: 'audio', doc: 'Stereo audio, peak at most −1 dBFS.' } },
  params: { ...drumParams, tail: { ...renderParams.tail, default: 1 }, sampleRate: renderParams.sampleRate },
  async run({ notes }, p, ctx) {
    const spec = drumSpec(p);
    const unmapped = unmappedDrumNotes(notes, spec);
    if (unmapped > 0) ctx.log.warn(`${unmapped} notes are outside the GM drum map (35–81) and stay silent`);
    const audio = await renderNotes(ctx, notes, spec, p);
    return { outputs: { audio }, previews: [waveformPreview()] };
  },
});
