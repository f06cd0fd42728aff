/**
 * The `model:neural` value: a reference to a token model (a shipped model by id, or patch assets by
 * id and sha256) plus what the neural nodes need to know before they open it — its kind, token
 * format, vocabulary, graph digest and context length. It is plain data, so it is cached, saved and
 * sent like any value; openModel.ts turns it back into a running model.
 */
import type { ModelValue } from '../../src/engine/values';
import type { ModelManifest, ProviderPreference } from '../../src/ml/service';
import { VOCAB_ID, VOCAB_SIZE, type TokenFormat } from '../../src/music/tokens';

/** The models that ship in public/models/. */
export const SHIPPED_MODELS = ['melody-lstm', 'chorale-transformer'] as const;
/** The kinds of token model the neural nodes run. */
export const NEURAL_KINDS = ['token-lstm', 'token-transformer'] as const;
/** Execution provider choices of neural.load-model. */
export const PROVIDERS = ['auto', 'webgpu', 'wasm'] as const;

/** One embedded patch asset a user model is made of. */
export interface ModelAssetRef {
  id: string;
  name: string;
  sha256: string;
}

/** Where a model comes from: a shipped id, or patch assets. */
export type ModelRef = { source: 'shipped'; id: string } | { source: 'assets'; assets: ModelAssetRef[] };

/** The value on `model:neural` edges. */
export interface NeuralModelValue extends ModelValue {
  kind: 'neural';
  ref: ModelRef;
  /** The manifest id and title. */
  id: string;
  title: string;
  /** token-lstm or token-transformer. */
  modelKind: string;
  /** The token format the model reads and writes (docs/tokens.md). */
  format: TokenFormat;
  vocabulary: { id: string; size: number };
  /** sha256 of the ONNX graph (what the session cache is keyed by). */
  sha256: string;
  /** Longest context in tokens (transformers), null when unbounded (recurrent models). */
  maxPositions: number | null;
  provider: ProviderPreference;
}

/** Checks a `model:neural` value; throws naming `where` when it is not one. */
export function asNeuralModel(value: unknown, where: string): NeuralModelValue {
  const v = value as Partial<NeuralModelValue> | undefined;
  if (!v || v.kind !== 'neural' || !v.ref || typeof v.sha256 !== 'string' || (v.format !== 'melody' && v.format !== 'chorale')) {
    throw new Error(`${where}: expected a neural model (connect a neural.load-model node)`);
  }
  return v as NeuralModelValue;
}

/** Throws unless the model reads `format` tokens (e.g. harmonizing needs the chorale format). */
export function requireFormat(model: NeuralModelValue, format: TokenFormat, where: string): void {
  if (model.format !== format) {
    throw new Error(`${where}: model "${model.id}" reads ${model.format}-format tokens, but this node needs a ${format}-format model `
      + `(such as ${format === 'chorale' ? 'chorale-transformer' : 'melody-lstm'})`);
  }
}

const isFormat = (v: unknown): v is TokenFormat => v === 'melody' || v === 'chorale';

/**
 * The token format of a model: `override` when the user set one, else the manifest's vocabulary
 * (genpatch-events-v1 with format melody/chorale), else config.json's `genpatch` block (a Hugging
 * Face folder without manifest). Throws when the vocabulary is not genpatch-events-v1.
 */
export function resolveFormat(manifest: ModelManifest, config: unknown, override: string, where: string): TokenFormat {
  const vocab = manifest.vocabulary;
  const size = vocab?.size;
  if (size !== undefined && size !== VOCAB_SIZE) {
    throw new Error(`${where}: model "${manifest.id}" has a vocabulary of ${size} tokens; the neural nodes need ${VOCAB_ID} (${VOCAB_SIZE} tokens, docs/tokens.md)`);
  }
  if (isFormat(override)) return override;
  if (vocab?.id === VOCAB_ID && isFormat(vocab.format)) return vocab.format;
  const block = (config as { genpatch?: { vocabulary?: unknown; format?: unknown } } | null)?.genpatch;
  if (block?.vocabulary === VOCAB_ID && isFormat(block.format)) return block.format;
  throw new Error(`${where}: model "${manifest.id}" does not say it uses ${VOCAB_ID} in the melody or chorale format `
    + `(vocabulary ${vocab ? `"${vocab.id}", format "${vocab.format}"` : 'not declared'}); if it does, set "format" on neural.load-model`);
}

/** The context length of a transformer: contract.max_positions, or config.json's n_positions / max_position_embeddings. */
export function maxPositionsOf(manifest: ModelManifest, config: unknown): number | null {
  const fromContract = (manifest.contract as { max_positions?: unknown }).max_positions;
  if (typeof fromContract === 'number' && fromContract > 1) return fromContract;
  const c = config as Record<string, unknown> | null;
  for (const key of ['n_positions', 'max_position_embeddings', 'n_ctx']) {
    const v = c?.[key];
    if (typeof v === 'number' && Number.isInteger(v) && v > 1) return v;
  }
  return manifest.kind === 'token-transformer' ? 1024 : null;
}
