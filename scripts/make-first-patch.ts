/**
 * Writes patches/first-patch.genpatch.json: the Foundation example (an embedded Irish reel, a drone
 * clip, transpose, scale quantizing, merge, a poly synth, the audio output and a MIDI export).
 * Run: npx tsx scripts/make-first-patch.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { addAsset, createPatch, serializePatch } from '../src/engine/patch';

const patch = createPatch({
  title: 'First patch: a reel over a drone',
  description:
    'The smallest complete genpatch pipeline. "The Achonry Lasses", a reel from the Ceol Rince na hÉireann ' +
    'collection, is read from a MIDI file embedded in the patch, transposed, and forced into D dorian by the ' +
    'scale quantizer; a drone typed as a note clip is stacked under it, and a poly synth plays both. ' +
    'Listen for the modal colour the quantizer gives the tune; then change the scale of "Quantize to scale" ' +
    '(try phrygian or major pentatonic) or the transpose amount, and hear only the changed branch re-render.',
  author: 'genpatch',
  licence: 'CC BY 4.0 (tune: Ceol Rince na hÉireann MIDI corpus, Polifonia FONN; see tests/fixtures/midi/CREDITS.md)',
});
const bytes = new Uint8Array(readFileSync('tests/fixtures/midi/AchonryLassesreelThe.mid'));
const assetId = addAsset(patch, 'AchonryLassesreelThe.mid', 'audio/midi', bytes);
const node = (id: string, type: string, x: number, y: number, params: Record<string, unknown> = {}) =>
  patch.nodes.push({ id, type, version: 1, position: { x, y }, params });
const edge = (id: string, from: string, fromPort: string, to: string, toPort: string) =>
  patch.edges.push({ id, from: { node: from, port: fromPort }, to: { node: to, port: toPort } });

node('tune', 'midi.file', 0, 0, { file: assetId });
node('transpose', 'notes.transpose', 260, 0, { semitones: 2 });
node('dorian', 'notes.quantize-scale', 520, 0, { tonic: 'D', scaleName: 'dorian' });
node('drone', 'notes.clip', 260, 220, { text: 'D2/1 D2/1 A1/1 D2/1', tempo: 120 });
node('loop', 'notes.loop', 520, 220, { mode: 'length', length: 64 });
node('merge', 'notes.merge', 780, 100);
node('synth', 'instrument.poly', 1040, 60, { oscillator: 'triangle', release: 0.3 });
node('out', 'audio.output', 1300, 60);
node('midi', 'export.midi', 1040, 260, { fileName: 'first-patch.mid' });
edge('e1', 'tune', 'notes', 'transpose', 'notes');
edge('e2', 'transpose', 'notes', 'dorian', 'notes');
edge('e3', 'drone', 'notes', 'loop', 'notes');
edge('e4', 'dorian', 'notes', 'merge', 'notes');
edge('e5', 'loop', 'notes', 'merge', 'notes');
edge('e6', 'merge', 'notes', 'synth', 'notes');
edge('e7', 'synth', 'audio', 'out', 'audio');
edge('e8', 'merge', 'notes', 'midi', 'notes');
writeFileSync('patches/first-patch.genpatch.json', serializePatch(patch));
console.log('wrote patches/first-patch.genpatch.json');
