/** The `markov.generate` node: samples a melody from a trained Markov model. */
import { defineNode } from '../../../src/engine/node';
import type { Note } from '../../../src/engine/values';
import { createSequence } from '../../../src/music/noteSequence';
import { generateMarkov } from './markovGenerate';
import { asMarkovModel } from './markovModel';
import { voiceLines } from './stateEncoding';

const VELOCITY = 0.8;

/** Generates notes from a Markov model, optionally continuing a primer and fitting a scale or chords. */
export const markovGenerateNode = defineNode({
  type: 'markov.generate',
  title: 'Markov generate',
  category: 'symbolic',
  doc: 'Walks a trained Markov chain to make a new melody: at each step it looks at the longest '
    + 'context of recent states that the model has seen (up to its order) and draws the next state '
    + 'from what followed that context in the corpus, the variable-order idea of PPM and of Pachet\'s '
    + 'Continuator. A primer gives the first context, so the melody continues it. Temperature below 1 '
    + 'makes the likeliest continuations likelier (more like the corpus), above 1 flatter (more '
    + 'surprising). Scale and chords inputs condition the walk: states whose pitch lies outside the '
    + 'allowed notes are masked out and the rest renormalized (chords repeat over their length). The '
    + 'preview plots the context length actually used at every step.',
  inputs: {
    model: { type: 'model:markov', doc: 'A model from markov.train.' },
    primer: { type: 'notes', optional: true, doc: 'Notes to continue (the first voice is used).' },
    scale: { type: 'scale', optional: true, doc: 'Keep pitches in this scale.' },
    chords: { type: 'chords', optional: true, doc: 'Keep pitches in the chord sounding at each note.' },
  },
  outputs: {
    notes: { type: 'notes', doc: 'The generated melody (after the primer when it is included).' },
  },
  params: {
    length: { kind: 'int', default: 64, min: 1, max: 100000, doc: 'Number of notes to generate.' },
    temperature: { kind: 'float', default: 1, min: 0.05, max: 5, step: 0.05, doc: 'Below 1: safer; above 1: wilder.' },
    includePrimer: { kind: 'bool', default: true, doc: 'Start the output with the primer notes.' },
    seed: { kind: 'seed', default: 1 },
  },
  run: (inputs, params, ctx) => {
    const model = asMarkovModel(inputs.model, 'markov.generate');
    const primer = inputs.primer ? (voiceLines(inputs.primer)[0] ?? []) : [];
    const result = generateMarkov(model, {
      length: params.length,
      temperature: params.temperature,
      rng: ctx.rng,
      primer,
      scale: inputs.scale,
      chords: inputs.chords,
      check: () => ctx.checkCancelled(),
    });
    const notes: Note[] = [];
    let offset = 0;
    if (params.includePrimer) {
      for (const e of primer) {
        notes.push({ pitch: e.pitch, velocity: VELOCITY, start: offset, duration: e.duration });
        offset += e.duration;
      }
    }
    for (const n of result.notes) notes.push({ pitch: n.pitch, velocity: VELOCITY, start: offset + n.start, duration: n.duration });
    return {
      outputs: { notes: createSequence(notes, { tempo: model.tempo, timeSignature: model.timeSignature }) },
      previews: [
        { kind: 'pianoroll', title: 'Generated melody', port: 'notes' },
        {
          kind: 'line',
          title: 'Context length used per note',
          series: [{ name: 'order used', values: result.ordersUsed }],
          xLabel: 'generated note',
          yLabel: 'order',
        },
      ],
    };
  },
});
