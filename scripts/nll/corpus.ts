/**
 * The two corpora of the symbolic models, tokenized as the recipes tokenize them (tokensCorpus.ts):
 * Irish tunes in the melody format for the LSTM, JSB chorales in the chorale format for the transformer.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, strFromU8 } from 'fflate';
import { tokenizeCorpus, type ExportedCorpus, type ExportedTune, type TokenizedTune } from '../../src/music/tokensCorpus';
import type { TokenFormat } from '../../src/music/tokensVocab';
import type { TokenModelKind } from './stepper';

/** Repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** A corpus and the shipped model trained on it. */
export interface CorpusSpec {
  id: 'irish' | 'jsb';
  title: string;
  format: TokenFormat;
  modelId: string;
  modelKind: TokenModelKind;
  modelTitle: string;
  /** Width of the position buckets of the per-position plot, in tokens. */
  bucket: number;
}

/** Irish → melody LSTM, JSB → chorale transformer. */
export const CORPORA: readonly CorpusSpec[] = [
  { id: 'irish', title: 'Irish tunes', format: 'melody', modelId: 'melody-lstm', modelKind: 'token-lstm', modelTitle: 'LSTM', bucket: 32 },
  { id: 'jsb', title: 'JSB chorales', format: 'chorale', modelId: 'chorale-transformer', modelKind: 'token-transformer', modelTitle: 'transformer', bucket: 64 },
];

/** A tokenized corpus by split, with the exported tunes (for tempo and names). */
export interface LoadedCorpus {
  spec: CorpusSpec;
  tunes: ExportedTune[];
  tokenized: TokenizedTune[];
  split(name: 'train' | 'valid' | 'test'): TokenizedTune[];
}

/**
 * Reads and tokenizes training/data/<id>.notes.json.gz.
 * @example
 * const irish = loadCorpus(CORPORA[0]); irish.split('test').length; // 114
 */
export function loadCorpus(spec: CorpusSpec): LoadedCorpus {
  const file = join(ROOT, 'training/data', `${spec.id}.notes.json.gz`);
  const corpus = JSON.parse(strFromU8(gunzipSync(readFileSync(file)))) as ExportedCorpus;
  const tokenized = tokenizeCorpus(corpus, spec.format);
  return { spec, tunes: corpus.tunes, tokenized, split: (name) => tokenized.filter((t) => t.split === name) };
}
