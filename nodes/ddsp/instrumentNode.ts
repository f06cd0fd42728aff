/** `ddsp.instrument`: notes → audio through a DDSP model in one node (notes-features → decoder → synth). */
import { defineNode } from '../../src/engine/node';
import type { NoteSequence } from '../../src/engine/values';
import { mergeSequences } from '../../src/music/noteSequence';
import { decodeFeatures, renderControls } from './controls';
import { ddspInstrumentLive } from './instrumentLive';
import { instrumentParam, shiftParams } from './decoderNode';
import { notesToFeatures } from './notesToFeatures';
import { performanceParams } from './notesFeaturesNode';
import { harmonicHeatmap } from './previews';
import { audioPreviews, synthParams } from './synthNode';

const isNotes = (v: unknown): v is NoteSequence => typeof v === 'object' && v !== null && Array.isArray((v as NoteSequence).notes);

/** Notes → audio with a DDSP saxophone or violin. */
export const ddspInstrumentNode = defineNode({
  type: 'ddsp.instrument',
  title: 'DDSP instrument',
  category: 'ddsp',
  doc: 'Plays a melody on a neural saxophone or violin: DDSP (Engel, Hantrakul, Gu & Roberts, "DDSP: '
    + 'Differentiable Digital Signal Processing", ICLR 2020) in one node. The notes are performed as '
    + 'pitch and loudness curves (glide, vibrato, attack and release, as in "DDSP notes → features"), '
    + 'a decoder trained on recordings of the instrument turns the curves into the controls of a '
    + 'harmonic-plus-noise synthesizer ("DDSP decoder"), and the synthesizer renders them ("DDSP '
    + 'synth"). It is monophonic — where notes overlap, the highest one sounds — and expressive where '
    + 'sample players are not: the timbre changes with loudness and pitch the way the real instrument\'s '
    + 'does. Expose "vibratoDepth" to drive the vibrato from a number, e.g. an LFO or a slider. In live '
    + 'mode it is played, not rendered: a Worker decodes each 4 ms frame as the notes arrive (from a '
    + 'clip or a keyboard) and an AudioWorklet plays the stream (without the room), so an LFO on the '
    + 'vibrato is heard as it moves.',
  inputs: {
    notes: { type: 'notes', optional: true, doc: 'The melody (looped with the transport when live).' },
    events: { type: 'events', optional: true, doc: 'Note events from a keyboard (rendered: its take).' },
  },
  outputs: { audio: { type: 'audio', doc: 'Mono audio at the chosen rate.' } },
  params: { ...instrumentParam, ...performanceParams, ...shiftParams, ...synthParams },
  heavy: true,
  run: async ({ notes, events }, p, ctx) => {
    ctx.progress(0, 'performing the notes');
    const features = notesToFeatures(mergeSequences([notes, events].filter(isNotes)), p);
    const controls = await decodeFeatures(ctx, features, p.instrument, p, [0.05, 0.8]);
    ctx.progress(0.8, 'synthesizing');
    const audio = renderControls(controls, { sampleRate: Number(p.sampleRate), reverb: p.reverb, reverbTime: p.reverbTime, seed: ctx.seed });
    ctx.progress(1);
    return { outputs: { audio }, previews: [harmonicHeatmap(controls), ...audioPreviews] };
  },
  live: ddspInstrumentLive,
});
