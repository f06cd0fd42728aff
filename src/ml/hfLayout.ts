/**
 * Hugging Face layout folders (config.json, tokenizer.json, onnx/model.onnx) without a genpatch
 * manifest: derives one from config.json, in the input/output naming of Optimum and
 * transformers.js exports (input_ids, attention_mask, position_ids, past_key_values.{i}.key/value
 * → logits, present.{i}.key/value). Tensors some exports lack are marked optional; the model
 * service drops the ones the graph does not have.
 */
import { sha256Of } from './digest';
import { parseManifest, type ModelManifest } from './manifest';
import { ModelCheckError } from './verify';

/** The graphs tried, in order, when a folder does not say which one to run. */
export const HF_GRAPH_CANDIDATES = ['onnx/model.onnx', 'model.onnx', 'onnx/decoder_model_merged.onnx', 'decoder_model_merged.onnx'];

type Config = Record<string, unknown>;

function intField(config: Config, keys: string[]): number | undefined {
  for (const key of keys) {
    const v = config[key];
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  }
  return undefined;
}

/** The graph to run: the one asked for, else the first candidate present, else the only .onnx file. */
export function pickGraph(paths: readonly string[], asked: string | undefined, where: string): string {
  if (asked) {
    if (!paths.includes(asked)) throw new ModelCheckError(`${where}: no file "${asked}" (files: ${paths.join(', ')})`);
    return asked;
  }
  const found = HF_GRAPH_CANDIDATES.find((p) => paths.includes(p));
  if (found) return found;
  const graphs = paths.filter((p) => p.endsWith('.onnx'));
  if (graphs.length === 1) return graphs[0];
  throw new ModelCheckError(graphs.length
    ? `${where}: several ONNX graphs (${graphs.join(', ')}); say which one to run`
    : `${where}: no ONNX graph (expected onnx/model.onnx or model.onnx)`);
}

/**
 * Derives a manifest for a Hugging Face causal-LM folder from its config.json.
 * @example
 * const manifest = await deriveHfManifest(files, { id: 'my-model', where: 'dropped folder' });
 */
export async function deriveHfManifest(files: ReadonlyMap<string, Uint8Array>, options: { id: string; where: string; onnx?: string }): Promise<ModelManifest> {
  const { where } = options;
  const raw = files.get('config.json');
  if (!raw) throw new ModelCheckError(`${where}: no manifest.json and no config.json: cannot tell what this model is (docs/models.md)`);
  let config: Config;
  try {
    config = JSON.parse(new TextDecoder().decode(raw)) as Config;
  } catch (err) {
    throw new ModelCheckError(`${where}/config.json: not valid JSON: ${(err as Error).message}`);
  }
  const architectures = Array.isArray(config.architectures) ? config.architectures.map(String) : [];
  const causal = architectures.some((a) => /ForCausalLM$|LMHeadModel$/.test(a)) || config.is_decoder === true;
  if (!causal) {
    throw new ModelCheckError(`${where}/config.json: only causal language models can be derived from a config.json ` +
      `(architectures: ${architectures.join(', ') || 'none'}); add a manifest.json (docs/models.md)`);
  }
  const layers = intField(config, ['num_hidden_layers', 'n_layer', 'num_layers']);
  const heads = intField(config, ['num_attention_heads', 'n_head']);
  const kvHeads = intField(config, ['num_key_value_heads']) ?? heads;
  const hidden = intField(config, ['hidden_size', 'n_embd', 'd_model']);
  const vocab = intField(config, ['vocab_size']);
  const headDim = intField(config, ['head_dim']) ?? (hidden && heads ? hidden / heads : undefined);
  const missing = [['layers (num_hidden_layers / n_layer)', layers], ['heads (num_attention_heads / n_head)', heads],
    ['head size (head_dim or hidden_size / n_embd)', headDim], ['vocab_size', vocab]].filter(([, v]) => !v).map(([k]) => k);
  if (missing.length || !Number.isInteger(headDim)) {
    throw new ModelCheckError(`${where}/config.json: cannot derive the KV-cache contract: missing or odd ${missing.join(', ') || 'head size'}`);
  }
  const onnx = pickGraph([...files.keys()], options.onnx, where);
  const past = (i: number, kv: string) => ({ name: `past_key_values.${i}.${kv}`, dtype: 'float32' as const, shape: ['batch', kvHeads!, 'past_sequence', headDim!], optional: true });
  const present = (i: number, kv: string) => ({ name: `present.${i}.${kv}`, dtype: 'float32' as const, shape: ['batch', kvHeads!, 'total_sequence', headDim!], optional: true });
  const cache = Array.from({ length: layers! }, (_, i) => ['key', 'value'].map((kv) => [past(i, kv), present(i, kv)] as const)).flat();
  const modelType = typeof config.model_type === 'string' ? config.model_type : 'model';
  const vocabularyId = typeof config.genpatch_vocabulary === 'string' ? config.genpatch_vocabulary : `hf:${modelType}`;
  const listed = await Promise.all([...files].map(async ([path, bytes]) => ({ path, sha256: await sha256Of(bytes), bytes: bytes.length })));
  return parseManifest({
    id: options.id,
    title: options.id,
    kind: 'token-transformer',
    description: `Derived from config.json (${architectures.join(', ') || modelType}).`,
    files: listed,
    onnx,
    contract: {
      inputs: [
        { name: 'input_ids', dtype: 'int64', shape: ['batch', 'sequence'] },
        { name: 'attention_mask', dtype: 'int64', shape: ['batch', 'total_sequence'], optional: true },
        { name: 'position_ids', dtype: 'int64', shape: ['batch', 'sequence'], optional: true },
        ...cache.map(([p]) => p),
      ],
      outputs: [{ name: 'logits', dtype: 'float32', shape: ['batch', 'sequence', vocab!] }, ...cache.map(([, p]) => p)],
      state: cache.map(([p, q]) => ({ input: p.name, output: q.name })),
    },
    vocabulary: { id: vocabularyId, size: vocab!, format: 'hf-tokenizer', ...(files.has('tokenizer.json') ? { file: 'tokenizer.json' } : {}) },
  }, `${where}/config.json (derived manifest)`);
}
