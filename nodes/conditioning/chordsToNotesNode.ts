/** The `condition.chords-to-notes` node: renders a chord progression as block chords and/or a bass line. */
import { defineNode } from '../../src/engine/node';
import type { Chords, Note, NoteSequence, VoiceInfo } from '../../src/engine/values';
import { createSequence } from '../../src/music/noteSequence';
import { VOICINGS, closeVoicing, smoothVoicing } from './chordVoicing';

const STYLES = ['block', 'bass', 'block+bass'] as const;

/** Options of `renderChords`. */
export interface ChordRenderOptions {
  style: (typeof STYLES)[number];
  voicing: (typeof VOICINGS)[number];
  octave: number;
  bassOctave: number;
  /** Re-strike every this many beats (0 = hold each chord for its whole span). */
  pulse: number;
  velocity: number;
}

/** The strikes of one span: [start, duration] pairs covering it, `pulse` beats apart. */
function strikes(start: number, duration: number, pulse: number): [number, number][] {
  if (pulse <= 0 || pulse >= duration) return [[start, duration]];
  const out: [number, number][] = [];
  for (let t = 0; t < duration - 1e-9; t += pulse) out.push([start + t, Math.min(pulse, duration - t)]);
  return out;
}

/**
 * Notes for a progression: block chords on voice 0 and the root in the bass on the next voice.
 * @example
 * renderChords(chords, { style: 'block+bass', voicing: 'smooth', octave: 4, bassOctave: 2, pulse: 0, velocity: 0.7 });
 */
export function renderChords(chords: Chords, o: ChordRenderOptions): NoteSequence {
  const notes: Note[] = [];
  const voices: VoiceInfo[] = [];
  const blockVoice = o.style === 'bass' ? -1 : voices.push({ name: 'Chords' }) - 1;
  const bassVoice = o.style === 'block' ? -1 : voices.push({ name: 'Bass' }) - 1;
  let previous: number[] | null = null;
  for (const chord of chords.chords) {
    const pitches: number[] = previous && o.voicing === 'smooth'
      ? smoothVoicing(chord.pitchClasses, previous, o.octave)
      : closeVoicing(chord.pitchClasses, o.octave);
    previous = pitches;
    for (const [start, duration] of strikes(chord.start, chord.duration, o.pulse)) {
      if (blockVoice >= 0) for (const pitch of pitches) notes.push({ pitch, velocity: o.velocity, start, duration, voice: blockVoice });
      if (bassVoice >= 0) notes.push({ pitch: chord.pitchClasses[0] + 12 * (o.bassOctave + 1), velocity: o.velocity, start, duration, voice: bassVoice });
    }
  }
  return { ...createSequence(notes, { length: chords.length }), voices };
}

/** Makes a chord progression audible. */
export const chordsToNotesNode = defineNode({
  type: 'condition.chords-to-notes',
  title: 'Chords → notes',
  category: 'conditioning',
  doc: 'Makes a chord progression audible so you can hear the harmony a generator is conditioned on: '
    + 'block chords, the roots as a bass line, or both on separate voices. Root voicing stacks each '
    + 'chord in close position from its root; smooth voicing picks, for every chord, the inversion '
    + 'whose notes move least from the previous chord — the common-tone voice leading taught in '
    + 'harmony classes. A pulse re-strikes the chord every few beats, like a simple comping pattern.',
  inputs: {
    chords: { type: 'chords' },
  },
  outputs: {
    notes: { type: 'notes', doc: 'Chords on voice 0, bass on the next voice (when both are played).' },
  },
  params: {
    style: { kind: 'enum', options: STYLES, default: 'block+bass', doc: 'What to play.' },
    voicing: { kind: 'enum', options: VOICINGS, default: 'smooth', doc: 'Root position, or least movement between chords.' },
    octave: { kind: 'int', default: 4, min: 1, max: 7, doc: 'Octave of the chords\' root position (4 = middle C\'s).' },
    bassOctave: { kind: 'int', default: 2, min: 0, max: 5, doc: 'Octave of the bass notes.' },
    pulse: { kind: 'float', default: 0, min: 0, max: 16, step: 0.25, unit: 'beats', doc: 'Re-strike every so many beats (0 = hold).' },
    velocity: { kind: 'float', default: 0.7, min: 0.05, max: 1, step: 0.05, doc: 'Loudness.' },
  },
  run: ({ chords }, p) => ({
    outputs: { notes: renderChords(chords, p) },
    previews: [{ kind: 'pianoroll', title: `${chords.chords.length} chords`, port: 'notes' }],
  }),
});
