/** `ddsp.notes-features`: a melody performed as f0 and loudness curves, so a DDSP decoder can play notes. */
import { defineNode } from '../../src/engine/node';
import { notesToFeatures } from './notesToFeatures';
import { featurePreviews } from './previews';

/** How notes become curves: glide, vibrato, envelope, dynamics (shared with ddsp.instrument). */
export const performanceParams = {
  glide: { kind: 'float', default: 0.04, min: 0, max: 1, step: 0.01, unit: 's', doc: 'Portamento: seconds the pitch takes to slide to the next note (0 = jump).' },
  vibratoRate: { kind: 'float', default: 5, min: 0, max: 12, step: 0.1, unit: 'Hz', doc: 'Vibrato cycles per second.' },
  vibratoDepth: { kind: 'float', default: 15, min: 0, max: 200, step: 1, unit: 'cents', doc: 'Vibrato depth: the largest pitch deviation (100 cents = a semitone). Expose it to drive it from a number (an LFO, a slider).' },
  vibratoFadeIn: { kind: 'float', default: 0.25, min: 0, max: 2, step: 0.01, unit: 's', doc: 'Seconds for the vibrato to reach its depth after each onset.' },
  attack: { kind: 'float', default: 0.03, min: 0, max: 2, step: 0.005, unit: 's', doc: 'Seconds from silence to the note\'s loudness.' },
  release: { kind: 'float', default: 0.15, min: 0, max: 5, step: 0.01, unit: 's', doc: 'Seconds from the note\'s loudness back to silence once no note is held.' },
  loudness: { kind: 'float', default: -16, min: -80, max: 0, step: 0.5, unit: 'dB', doc: 'Loudness of a note at velocity 1 (a full-scale sine reads −3 dB).' },
  dynamics: { kind: 'float', default: 16, min: 0, max: 60, step: 0.5, unit: 'dB', doc: 'How much quieter velocity 0 is than velocity 1.' },
  legato: { kind: 'bool', default: false, doc: 'Slur touching and overlapping notes (one breath) instead of a new attack for each.' },
  tail: { kind: 'float', default: 1, min: 0, max: 10, step: 0.1, unit: 's', doc: 'Seconds of curves after the end of the sequence, for the release to ring.' },
} as const;

/** Notes → DDSP features: one monophonic line with glide, vibrato and an envelope. */
export const notesFeaturesNode = defineNode({
  type: 'ddsp.notes-features',
  title: 'DDSP notes → features',
  category: 'ddsp',
  doc: 'Performs a melody as the two curves a DDSP decoder plays from (Engel et al., "DDSP: '
    + 'Differentiable Digital Signal Processing", ICLR 2020): pitch (f0) and loudness, 250 times a '
    + 'second. A DDSP model never sees notes, only how a player shapes them, so this node plays the '
    + 'part: the pitch slides between notes over the glide time (portamento) and wavers with a '
    + 'vibrato that fades in after each onset; the loudness follows the velocity under an '
    + 'attack/release envelope and falls to −100 dB (silence) between notes. It is monophonic, like a '
    + 'saxophone or a violin played one note at a time: where notes overlap, the highest one sounds. '
    + 'Expose "vibratoDepth" to drive it from a number, e.g. an LFO or a slider.',
  inputs: { notes: { type: 'notes', doc: 'The melody (chords are reduced to their top note).' } },
  outputs: { features: { type: 'features', doc: 'f0 (Hz) and loudness (dB) at 250 frames/s; extra.voicing is 1 while a note sounds.' } },
  params: performanceParams,
  run: ({ notes }, params) => {
    const features = notesToFeatures(notes, params);
    return { outputs: { features }, previews: featurePreviews(features) };
  },
});
