/**
 * Writes the DDSP example patches: patches/ddsp-violin-markov, ddsp-timbre-transfer (with its flute
 * clip embedded, rendered by fluteSource.ts) and ddsp-live-sax (.genpatch.json).
 * Run: npx tsx scripts/ddsp/make-patches.ts   (needs fluidsynth, fluid-soundfont-gm and sox)
 */
import { writeFileSync } from 'node:fs';
import { addAsset, createPatch, serializePatch } from '../../src/engine/patch';
import type { Patch } from '../../src/engine/patch/types';
import { FLUTE_PHRASE, renderFluteSource } from './fluteSource';

/** Node and edge helpers bound to one patch. */
function builder(patch: Patch) {
  let edges = 0;
  return {
    node: (id: string, type: string, x: number, y: number, params: Record<string, unknown> = {}, exposed?: string[]) =>
      patch.nodes.push({ id, type, version: 1, position: { x, y }, params, ...(exposed ? { exposed } : {}) }),
    edge: (from: string, fromPort: string, to: string, toPort: string) =>
      patch.edges.push({ id: `e${++edges}`, from: { node: from, port: fromPort }, to: { node: to, port: toPort } }),
  };
}

function violinMarkov(): Patch {
  const patch = createPatch({
    title: 'DDSP violin plays a Markov reel',
    description:
      'A Markov chain (order 3, pitch and length together) learns from the Irish tunes of the Ceol Rince na hÉireann ' +
      'collection and writes a new tune; a DDSP violin plays it (Engel et al., "DDSP: Differentiable Digital Signal ' +
      'Processing", ICLR 2020). The notes are not triggered as samples: "DDSP instrument" performs them as pitch and ' +
      'loudness curves (a quick glide between notes, a light vibrato, a short attack), a small recurrent network ' +
      'trained on violin recordings turns those curves into the settings of a harmonic-plus-noise synthesizer, and ' +
      'the synthesizer renders them. Listen for the bow noise on the attacks and the timbre brightening on louder ' +
      'notes. Try "glide" at 0.15 s for a sliding fiddler, "vibratoDepth" at 40 cents, "legato" on, or the saxophone.',
    author: 'genpatch',
    licence: 'CC BY 4.0 (tunes: Ceol Rince na hÉireann, Polifonia MIDI corpus; see corpora/LICENSE.md); model: see public/models/ddsp-violin',
  });
  const { node, edge } = builder(patch);
  node('corpus', 'corpus.load', 0, 0, { corpus: 'irish-train', maxTunes: 0, tune: -1 });
  node('train', 'markov.train', 260, 0, { state: 'pitch+duration', order: 3, smoothing: 0.01, midi: [] });
  node('generate', 'markov.generate', 520, 0, { length: 48, temperature: 1, includePrimer: true, seed: 7 });
  node('violin', 'ddsp.instrument', 780, 0, {
    instrument: 'violin', glide: 0.03, vibratoRate: 5.5, vibratoDepth: 12, vibratoFadeIn: 0.2, attack: 0.04, release: 0.2,
    sampleRate: '44100', reverb: 0.2, reverbTime: 1.6, seed: 1,
  });
  node('out', 'audio.output', 1040, 0);
  edge('corpus', 'notes', 'train', 'notes');
  edge('train', 'model', 'generate', 'model');
  edge('generate', 'notes', 'violin', 'notes');
  edge('violin', 'audio', 'out', 'audio');
  return patch;
}

function timbreTransfer(): Patch {
  const patch = createPatch({
    title: 'DDSP timbre transfer: a flute becomes a saxophone',
    description:
      'Timbre transfer, the best-known trick of DDSP (Engel et al., "DDSP: Differentiable Digital Signal Processing", ' +
      'ICLR 2020). A flute phrase (embedded in the patch) is reduced to two curves — its pitch by YIN and its ' +
      'A-weighted loudness, 250 times a second ("DDSP audio features"); a decoder trained only on alto-saxophone ' +
      'notes reads those curves and answers with the harmonics and breath noise a saxophone would make ("DDSP ' +
      'decoder"); the harmonic-plus-noise synth renders them ("DDSP synth"). The melody, its timing and its ' +
      'phrasing stay the flute player\'s; the sound becomes a saxophone. Compare the two previews of f0 and of the ' +
      'harmonic distribution, then try "pitchShift" at −1 octave (a tenor-like sound), "loudnessShift" at +6 dB ' +
      '(brighter, as a harder-blown sax), or the violin.',
    author: 'genpatch',
    licence: `flute clip: genpatch (CC0), rendered from the notes "${FLUTE_PHRASE}" with FluidR3 GM (MIT); model: see public/models/ddsp-sax`,
  });
  const fileId = addAsset(patch, 'flute-phrase.wav', 'audio/wav', renderFluteSource());
  const { node, edge } = builder(patch);
  node('flute', 'audio.file', 0, 0, { file: fileId, gain: 0, start: 0, end: 0, sampleRate: 0 });
  node('features', 'ddsp.audio-features', 260, 0);
  node('decoder', 'ddsp.decoder', 520, 0, { instrument: 'sax', pitchShift: 0, loudnessShift: 0 });
  node('synth', 'ddsp.synth', 780, 0, { sampleRate: '44100', reverb: 0.15, reverbTime: 1.4, seed: 1 });
  node('out', 'audio.output', 1040, 0);
  edge('flute', 'audio', 'features', 'audio');
  edge('features', 'features', 'decoder', 'features');
  edge('decoder', 'controls', 'synth', 'controls');
  edge('synth', 'audio', 'out', 'audio');
  return patch;
}

function liveSax(): Patch {
  const patch = createPatch({
    title: 'DDSP saxophone with an LFO on the vibrato',
    description:
      'A DDSP saxophone (Engel et al., "DDSP: Differentiable Digital Signal Processing", ICLR 2020) with its vibrato ' +
      'depth on an LFO: a bluesy line from a note clip is performed as pitch and loudness curves, a decoder trained on ' +
      'alto-saxophone notes turns them into harmonic and noise controls, and the DDSP synth renders them. The LFO is ' +
      'wired into "vibratoDepth", exposed as an input of "DDSP instrument". Press Live and Play: the saxophone is then ' +
      'played, not rendered — a Worker decodes each 4 ms frame as the notes arrive and an AudioWorklet plays the ' +
      'stream — and the LFO swells the vibrato from none to 45 cents and back every two bars. Rendered, the LFO gives ' +
      'its value at beat 0 (the top of its range). Try the "glide", the "loudness" of the notes (louder is brighter on ' +
      'a saxophone, not only louder) or "pitchShift" −1 for a tenor-like sound.',
    author: 'genpatch',
    licence: 'CC0 (notes: genpatch); model: see public/models/ddsp-sax',
  });
  const { node, edge } = builder(patch);
  node('line', 'notes.clip', 0, 0, { text: 'G4/8 Bb4 C5/4 Bb4/8 G4 F4/4 G4/2. r/4 Bb4/8 C5 Db5/8 D5/4. C5/8 Bb4 G4/2 r/4', tempo: 92, meter: '4/4', velocity: 0.8 });
  node('lfo', 'live.lfo', 0, 220, { shape: 'sine', sync: true, beats: 8, rate: 0.5, phase: 0.25, min: 0, max: 45, curve: 'linear', seed: 1 });
  node('sax', 'ddsp.instrument', 300, 60, {
    instrument: 'sax', glide: 0.06, vibratoRate: 5, vibratoDepth: 20, vibratoFadeIn: 0.3, attack: 0.05, release: 0.2,
    loudness: -15, dynamics: 12, legato: false, sampleRate: '48000', reverb: 0.25, reverbTime: 1.8, seed: 1,
  }, ['vibratoDepth']);
  node('out', 'audio.output', 600, 60);
  edge('line', 'notes', 'sax', 'notes');
  edge('lfo', 'value', 'sax', 'vibratoDepth');
  edge('sax', 'audio', 'out', 'audio');
  return patch;
}

for (const [name, patch] of [['ddsp-violin-markov', violinMarkov()], ['ddsp-timbre-transfer', timbreTransfer()], ['ddsp-live-sax', liveSax()]] as const) {
  writeFileSync(`patches/${name}.genpatch.json`, serializePatch(patch));
  console.log(`wrote patches/${name}.genpatch.json`);
}
