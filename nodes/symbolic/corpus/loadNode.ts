/** The `corpus.load` node: vendored melody and chorale corpora as notes, one voice per tune voice. */
import { defineNode } from '../../../src/engine/node';
import { CORPUS_OPTIONS, selectCorpus } from './corpusCatalog';
import { corpusToSequence } from './corpusSequence';

/** Loads a vendored corpus (Irish dance tunes, Bach chorales) as notes. */
export const corpusLoadNode = defineNode({
  type: 'corpus.load',
  title: 'Corpus',
  category: 'symbolic',
  doc: 'Loads a corpus of real music to learn from: 1,195 Irish dance tunes from Breandán Breathnach\'s '
    + 'Ceol Rince na hÉireann (Bill Black\'s transcriptions, Polifonia MIDI corpus, CC BY 4.0) or the 382 '
    + 'Bach chorales used since Boulanger-Lewandowski et al. (2012), soprano line or all four voices, '
    + 'with the standard train/test splits so a model can be judged on tunes it never saw. Tunes play '
    + 'one after another and each voice of each tune is its own voice, so a learner such as '
    + 'markov.train never links the end of one tune to the start of the next.',
  outputs: {
    notes: { type: 'notes', doc: 'The tunes one after another; each tune voice has its own voice index.' },
  },
  params: {
    corpus: { kind: 'enum', options: CORPUS_OPTIONS, default: 'irish-train', doc: 'Which corpus and split.' },
    maxTunes: { kind: 'int', default: 0, min: 0, max: 2000, doc: 'Take only the first N tunes (0 = all).' },
    tune: { kind: 'int', default: -1, min: -1, max: 1999, doc: 'Take one tune by its index in the split (-1 = all).' },
  },
  run: async (_inputs, { corpus, maxTunes, tune }) => {
    const selection = await selectCorpus(corpus, { maxTunes, tune });
    const notes = corpusToSequence(selection);
    const names = selection.tunes.slice(0, 8).map((t) => t.name + (t.key ? ` (${t.key})` : '')).join(', ');
    const more = selection.tunes.length > 8 ? ` and ${selection.tunes.length - 8} more` : '';
    return {
      outputs: { notes },
      previews: [
        { kind: 'pianoroll', title: 'Corpus', port: 'notes' },
        {
          kind: 'text',
          title: 'Corpus',
          text: `${selection.tunes.length} tunes, ${notes.voices?.length ?? 0} voices, ${notes.notes.length} notes: ${names}${more}.\n${selection.corpus.credit}.`,
        },
      ],
    };
  },
});
