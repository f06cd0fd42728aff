/** `live.synth`: a playable polyphonic synth — notes and played events in, audio out. */
import { defineNode } from '../../src/engine/node';
import type { NoteSequence } from '../../src/engine/values';
import { mergeSequences } from '../../src/music/noteSequence';
import { envelopeParams, paramDefaults, renderNotes, renderParams, waveformPreview, type ValuesOf } from '../audio/instrumentRender';
import { OSCILLATOR_TYPES } from '../audio/instrumentSpec';
import { filterClip } from './biquad';
import { getLiveAudio, type LiveSynthSpec } from './liveServices';

const params = {
  oscillator: { kind: 'enum', options: OSCILLATOR_TYPES, default: 'sawtooth', doc: 'Waveform: sawtooth is brightest, sine pure.' },
  ...envelopeParams(0.01, 0.2, 0.7, 0.3),
  cutoff: { kind: 'float', default: 2000, min: 40, max: 18000, step: 1, unit: 'Hz', doc: 'Cutoff of the low-pass filter.' },
  resonance: { kind: 'float', default: 3, min: -10, max: 24, step: 0.5, unit: 'dB', doc: 'Peak of the filter at the cutoff.' },
  volume: renderParams.volume,
  tail: renderParams.tail,
  sampleRate: renderParams.sampleRate,
} as const;

type Values = ValuesOf<typeof params>;

/** The synth's sound as plain data. */
export function liveSynthSpec(p: Values): LiveSynthSpec {
  return {
    oscillator: p.oscillator,
    envelope: { attack: p.attack, decay: p.decay, sustain: p.sustain, release: p.release },
    filter: { type: 'lowpass', frequency: p.cutoff, resonanceDb: p.resonance },
    volumeDb: p.volume,
  };
}

const isNotes = (v: unknown): v is NoteSequence => typeof v === 'object' && v !== null && Array.isArray((v as NoteSequence).notes);

/** Plays what a keyboard sends and what a clip holds. */
export const liveSynthNode = defineNode({
  type: 'live.synth',
  title: 'Live synth',
  category: 'live',
  doc: 'A polyphonic subtractive synthesizer you can play: each note is an oscillator through an ADSR envelope, and all notes pass through a resonant low-pass filter (the Moog recipe: bright wave, then a filter that takes the brightness away). Played live it answers a keyboard\'s events at once and loops a connected note clip in time with the transport; wire an LFO or a slider into its cutoff to sweep it while it plays. Rendered, it plays the clip and the keyboard\'s take through the same oscillator, envelope and filter.',
  inputs: {
    notes: { type: 'notes', optional: true, doc: 'A clip to play (looped with the transport when live).' },
    events: { type: 'events', optional: true, doc: 'Note events from a keyboard.' },
  },
  outputs: { audio: { type: 'audio', doc: 'Stereo audio.' } },
  params,
  async run({ notes, events }, p, ctx) {
    const seq = mergeSequences([notes, events].filter(isNotes));
    const spec = liveSynthSpec(p);
    const raw = await renderNotes(ctx, seq, { kind: 'poly', oscillator: spec.oscillator, envelope: spec.envelope, volumeDb: spec.volumeDb }, p);
    return { outputs: { audio: filterClip(raw, spec.filter) }, previews: [waveformPreview()] };
  },
  live: {
    create(ctx) {
      const synth = getLiveAudio(ctx).synth(liveSynthSpec(paramDefaults(params)));
      return {
        audio: { outputs: { audio: synth.output } },
        update(p) { synth.set(liveSynthSpec(p as Values)); },
        noteEvent(_port, e) {
          if (e.type === 'on') synth.noteOn(e.pitch, e.velocity, e.time);
          else synth.noteOff(e.pitch, e.time);
        },
        dispose() { synth.dispose(); },
      };
    },
  },
});
