/**
 * The listening evidence of the NLL report: MIDI files made by the project's own neural nodes
 * (neural.load-model → neural.continue / neural.harmonize, run as the scheduler runs a node, with
 * fixed seeds) from the shipped models — LSTM continuations of test-tune openings, free LSTM tunes,
 * free transformer chorales and transformer harmonizations of test sopranos.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { continueNode } from '../../nodes/neural/continueNode';
import { harmonizeNode } from '../../nodes/neural/harmonizeNode';
import { loadModelNode } from '../../nodes/neural/loadModelNode';
import type { NodeServices } from '../../src/engine/node';
import { createNodeContext, type ContextInit } from '../../src/engine/nodeContext';
import type { NoteSequence, Scale } from '../../src/engine/values';
import { writeMidi } from '../../src/music/midi';
import { createSequence } from '../../src/music/noteSequence';
import { decodeChorale, decodeMelody } from '../../src/music/tokens';
import { BAR, EOS, meterOfToken, type TokenKey } from '../../src/music/tokensVocab';
import type { LoadedCorpus } from './corpus';

/** Sampling settings of every sample. */
export const SAMPLING = { temperature: 0.9, topK: 0, topP: 0.95 } as const;
/** Bars of a test tune given to the LSTM as its primer, and bars it writes after them. */
const PRIMER_BARS = 4;
const CONTINUE_BARS = 12;

/** A written sample. */
export interface Sample {
  file: string;
  description: string;
  seed: number;
  notes: number;
  /** What the node said about its run (tokens sampled, model calls). */
  log: string;
}

interface RunnableNode {
  type: string;
  params: Record<string, { default: unknown }>;
  run(inputs: never, params: never, ctx: ReturnType<typeof createNodeContext>): unknown;
}

/** Runs a node definition once, as the scheduler would: its params' defaults overlaid with `params`, a fresh context seeded with `seed`. */
async function runNode(def: RunnableNode, inputs: Record<string, unknown>, params: Record<string, unknown>, seed: number, services: NodeServices) {
  const full = { ...Object.fromEntries(Object.entries(def.params).map(([k, s]) => [k, s.default])), ...params };
  const init: ContextInit = {
    nodeId: def.type, signal: new AbortController().signal, seed, services, onProgress: () => undefined,
    log: { info: () => undefined, warn: (m: string) => console.warn(`  ${def.type}: ${m}`) },
    asset: (id: string) => { throw new Error(`${def.type}: no asset ${id} in the NLL report`); },
  };
  const ctx = createNodeContext(init);
  const result = await def.run(inputs as never, full as never, ctx) as { outputs: Record<string, unknown>; previews?: { kind: string; text?: string }[] };
  const text = result.previews?.find((p) => p.kind === 'text')?.text ?? '';
  // The node's last clause names the provider, the same for every sample here (WASM in Node).
  return { outputs: result.outputs, log: text.includes('; ') ? `${text.slice(0, text.lastIndexOf('; '))}.` : text };
}

/** Tokens of `seq` up to (not including) the BAR that opens bar `bars + 1`, closed with <eos>. */
function firstBars(seq: readonly number[], bars: number): number[] {
  let seen = 0;
  const end = seq.findIndex((t) => t === BAR && ++seen > bars);
  return [...seq.slice(0, end < 0 ? seq.length - 1 : end), EOS];
}

const TONICS = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];
const STEPS = { major: [0, 2, 4, 5, 7, 9, 11], minor: [0, 2, 3, 5, 7, 8, 10] };

/** The scale of a KEY token's key (what neural.continue turns back into that KEY token). */
function scaleOf(key: TokenKey): Scale {
  const mode = key.mode === 'minor' ? 'minor' : 'major';
  return { tonic: TONICS[key.tonic], name: mode, pitchClasses: STEPS[mode].map((s) => (s + key.tonic) % 12) };
}

/** Pieces spread evenly over a list (deterministic). */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length < count) throw new Error(`samples: only ${items.length} test pieces fit, ${count} needed`);
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

/**
 * Writes the samples into `dir` and describes them.
 * @example
 * const samples = await writeSamples('docs/samples', modelServices(createNodeModelService()), irish, jsb);
 */
export async function writeSamples(dir: string, services: NodeServices, irish: LoadedCorpus, jsb: LoadedCorpus): Promise<Sample[]> {
  mkdirSync(dir, { recursive: true });
  const samples: Sample[] = [];
  const model = async (id: string) => (await runNode(loadModelNode as RunnableNode, {}, { model: id }, 0, services)).outputs.model;
  const lstm = await model(irish.spec.modelId);
  const transformer = await model(jsb.spec.modelId);
  const save = async (file: string, description: string, seed: number, run: () => Promise<{ outputs: Record<string, unknown>; log: string }>) => {
    const { outputs, log } = await run();
    const notes = outputs.notes as NoteSequence;
    writeFileSync(join(dir, file), writeMidi(notes));
    samples.push({ file, description, seed, notes: notes.notes.length, log });
    console.log(`  ${file}: ${log}`);
  };
  const proceed = (inputs: Record<string, unknown>, params: Record<string, unknown>, seed: number) =>
    () => runNode(continueNode as RunnableNode, inputs, { ...SAMPLING, seed, ...params }, seed, services);

  const known = (t: { tokens: number[] }) => t.tokens.some((x) => meterOfToken(x) !== null);
  for (const [i, tune] of spread(irish.split('test').filter(known), 3).entries()) {
    const tempo = irish.tunes.find((t) => t.name === tune.name)?.tempo ?? 120;
    const primer = decodeMelody(firstBars(tune.tokens, PRIMER_BARS), { tempo });
    const seed = 100 + i;
    await save(`lstm-continuation-${i + 1}.mid`, `neural.continue (melody-lstm): ${CONTINUE_BARS} bars after the first ${PRIMER_BARS} bars of test tune "${tune.name}"`,
      seed, proceed({ model: lstm, primer, ...(primer.key ? { scale: scaleOf(primer.key) } : {}) }, { length: CONTINUE_BARS, unit: 'bars' }, seed));
  }
  for (let i = 0; i < 2; i++) {
    await save(`lstm-free-${i + 1}.mid`, 'neural.continue (melody-lstm), no primer: 16 bars', 200 + i, proceed({ model: lstm }, { length: 16, unit: 'bars' }, 200 + i));
  }
  for (let i = 0; i < 2; i++) {
    await save(`transformer-chorale-${i + 1}.mid`, 'neural.continue (chorale-transformer), no primer: 12 bars of four voices', 300 + i,
      proceed({ model: transformer }, { length: 12, unit: 'bars' }, 300 + i));
  }
  for (const [i, piece] of spread(jsb.split('test').filter((t) => meterOfToken(t.tokens[1]) !== null), 2).entries()) {
    const chorale = decodeChorale(piece.tokens, { tempo: 80 });
    const soprano = chorale.notes.filter((n) => n.voice === 0).map((n) => ({ pitch: n.pitch, velocity: n.velocity, start: n.start, duration: n.duration }));
    const melody = createSequence(soprano, { tempo: chorale.tempo, timeSignature: chorale.timeSignature, length: chorale.length });
    const seed = 400 + i;
    await save(`transformer-harmonization-${i + 1}.mid`, `neural.harmonize (chorale-transformer): alto, tenor and bass under the soprano of test chorale "${piece.name}"`,
      seed, () => runNode(harmonizeNode as RunnableNode, { model: transformer, melody }, { ...SAMPLING, seed }, seed, services));
  }
  return samples;
}
