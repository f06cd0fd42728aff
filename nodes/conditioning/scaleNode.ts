/** The `condition.scale` node: a key and scale as a `scale` value for generators to follow. */
import { defineNode } from '../../src/engine/node';
import { makeScale, midiToNoteName, scaleDegreeToPitch, scaleNames } from '../../src/music/theory';

/** Tonic choices for key params (sharps and flats spelled as musicians write them). */
export const TONICS = ['C', 'C#', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'Gb', 'G', 'Ab', 'A', 'Bb', 'B'] as const;

/** Outputs a scale chosen from tonal's scale dictionary. */
export const scaleNode = defineNode({
  type: 'condition.scale',
  title: 'Scale',
  category: 'conditioning',
  doc: 'Conditioning in its simplest form: a key and a scale that generators must respect. Connect it '
    + 'to a cellular automaton\'s note mapping, a random walk, an L-system or a Markov generator and '
    + 'the same process comes out in a different mode — compare the bright major pentatonic, the '
    + 'dark phrygian, the symmetric whole-tone scale of Debussy. The names are the scale dictionary of '
    + 'the tonal library (92 scales, from the church modes to bebop and Messiaen\'s modes).',
  outputs: {
    scale: { type: 'scale' },
  },
  params: {
    tonic: { kind: 'enum', options: TONICS, default: 'C', doc: 'The key note.' },
    scaleName: { kind: 'enum', options: scaleNames(), default: 'major', doc: 'The scale (tonal\'s names).' },
  },
  run: (_inputs, { tonic, scaleName }) => {
    const scale = makeScale(tonic, scaleName);
    const names = scale.pitchClasses.map((_, i) => midiToNoteName(scaleDegreeToPitch(scale, i, 60)).replace(/-?\d+$/, ''));
    return {
      outputs: { scale },
      previews: [{ kind: 'text', title: `${scale.tonic} ${scale.name}`, text: names.join(' ') }],
    };
  },
});
