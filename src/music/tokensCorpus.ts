/**
 * Tokenizes a corpus in the training-data layout written by scripts/export-training-data.ts
 * (training/data/<id>.notes.json.gz, once gunzipped and parsed) exactly as the Python recipes do,
 * so the TypeScript side can score and compare models on the same token sequences.
 */
import { encodeChorale } from './tokensChorale';
import { encodeMelody, type TokenNote } from './tokensMelody';
import type { TokenFormat, TokenKey } from './tokensVocab';

/** One tune of an exported corpus: notes are [pitch, start, duration, voice] rows. */
export interface ExportedTune {
  name: string;
  split: string;
  tempo: number;
  meter: [number, number];
  key: TokenKey | null;
  notes: [number, number, number, number][];
}

/** An exported corpus file's content. */
export interface ExportedCorpus {
  id: string;
  tunes: ExportedTune[];
}

/** A tokenized tune with its name and split. */
export interface TokenizedTune {
  name: string;
  split: string;
  tokens: number[];
}

/** The notes of an exported tune as tokenizer input. */
export function exportedNotes(tune: ExportedTune): TokenNote[] {
  return tune.notes.map(([pitch, start, duration, voice]) => ({ pitch, start, duration, voice }));
}

/**
 * Every tune of an exported corpus as tokens: melody format with key and meter, or chorale format.
 * @example
 * tokenizeCorpus(JSON.parse(strFromU8(gunzipSync(readFileSync('training/data/jsb.notes.json.gz')))), 'chorale');
 */
export function tokenizeCorpus(corpus: ExportedCorpus, format: TokenFormat): TokenizedTune[] {
  return corpus.tunes.map((tune) => {
    const meter = { numerator: tune.meter[0], denominator: tune.meter[1] };
    const notes = exportedNotes(tune);
    try {
      const tokens = format === 'melody' ? encodeMelody(notes, { meter, key: tune.key }) : encodeChorale(notes, { meter });
      return { name: tune.name, split: tune.split, tokens };
    } catch (e) {
      throw new Error(`corpus ${corpus.id}, tune '${tune.name}': ${(e as Error).message}`);
    }
  });
}
