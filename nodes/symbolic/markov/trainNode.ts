/** The `markov.train` node: counts a variable-order Markov chain over melody states. */
import { defineNode } from '../../../src/engine/node';
import type { NoteSequence } from '../../../src/engine/values';
import { readMidi } from '../../../src/music/midi';
import { trainMarkov } from './markovModel';
import { modelSummary, stateCountsPlot, transitionHeatmap } from './markovPreviews';
import { STATE_KINDS, voiceLines } from './stateEncoding';

/** Trains a Markov model on notes and MIDI files. */
export const markovTrainNode = defineNode({
  type: 'markov.train',
  title: 'Markov train',
  category: 'symbolic',
  doc: 'Learns which melodic state tends to follow which: a Markov chain of order n counts, for every '
    + 'run of n states heard in the music, what came next (Shannon 1948; used for melody since Pinkerton '
    + '1956 and Hiller and Isaacson\'s Illiac Suite). States are pitches, intervals (key-independent), '
    + 'durations (rhythm) or pitch and duration together. Each voice of each input is its own sequence, so '
    + 'no transition is learnt across tunes. All orders up to n are kept, so generation can back off to a '
    + 'shorter context never seen at full length; smoothing adds a small pseudo-count to every state '
    + '(Laplace) so unheard transitions stay possible. Low orders wander, high orders copy the corpus.',
  heavy: true,
  inputs: {
    notes: { type: 'notes', multiple: true, optional: true, doc: 'Music to learn from; each voice is a separate sequence.' },
  },
  outputs: {
    model: { type: 'model:markov', doc: 'The trained chain.' },
  },
  params: {
    state: { kind: 'enum', options: STATE_KINDS, default: 'pitch', doc: 'What one state of the chain is.' },
    order: { kind: 'int', default: 2, min: 1, max: 8, doc: 'How many previous states the next one depends on.' },
    smoothing: { kind: 'float', default: 0.01, min: 0, max: 1, step: 0.001, doc: 'Pseudo-count added to every state (0 = only what was heard; 1 = Laplace).' },
    midi: { kind: 'asset', accept: ['.mid', '.midi'], multiple: true, default: [], doc: 'MIDI files to learn from as well.' },
  },
  run: (inputs, params, ctx) => {
    const sequences: NoteSequence[] = [...(inputs.notes ?? [])];
    for (const id of params.midi) {
      const asset = ctx.asset(id);
      sequences.push(readMidi(asset.bytes, { fileName: asset.name }));
    }
    if (sequences.length === 0) throw new Error('markov.train: connect notes or add MIDI files to learn from');
    const lines = sequences.flatMap(voiceLines);
    const model = trainMarkov(lines, {
      state: params.state,
      order: params.order,
      smoothing: params.smoothing,
      tempo: sequences[0].tempo,
      timeSignature: sequences[0].timeSignature,
    });
    ctx.log.info(`markov.train: ${model.vocab.length} states, ${model.trie.nodeCount} contexts from ${model.events} events`);
    return {
      outputs: { model },
      previews: [transitionHeatmap(model), stateCountsPlot(model), modelSummary(model)],
    };
  },
});
