/**
 * A user's own model as patch assets: a .zip of a model folder (Hugging Face layout or any folder
 * with manifest.json), loose files (model.onnx + manifest.json), or a lone .onnx. Zips are expanded
 * with fflate; a lone graph gets a manifest derived from its declared inputs and outputs, checked
 * against the neural nodes' contract so a graph that does not fit is refused naming what it lacks.
 */
import { unzipSync } from 'fflate';
import type { AssetData } from '../../src/engine/node';
import { sha256Of } from '../../src/ml/digest';
import { normaliseFiles } from '../../src/ml/modelFiles';
import { VOCAB_ID, VOCAB_SIZE } from '../../src/music/tokens';
import { readGraphInfo, type GraphValue } from './onnxGraph';

/** File extensions neural.load-model accepts as model assets. */
export const MODEL_ASSET_TYPES = ['.onnx', '.zip', '.json'] as const;

const JUNK = /(^|\/)(__MACOSX|\.DS_Store)(\/|$)/;

/** The model files in some assets by path: zip entries expanded, other assets under their names. */
export function filesFromAssets(assets: readonly AssetData[], where: string): Map<string, Uint8Array> {
  const raw = new Map<string, Uint8Array>();
  const add = (path: string, bytes: Uint8Array): void => {
    if (raw.has(path)) throw new Error(`${where}: two model files are called "${path}"`);
    raw.set(path, bytes);
  };
  for (const asset of assets) {
    if (!asset.name.toLowerCase().endsWith('.zip')) { add(asset.name, asset.bytes); continue; }
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(asset.bytes);
    } catch (err) {
      throw new Error(`${where}: asset "${asset.name}" is not a readable zip (${(err as Error).message})`);
    }
    for (const [path, bytes] of Object.entries(entries)) if (!path.endsWith('/') && !JUNK.test(path)) add(path, bytes);
  }
  if (raw.size === 0) throw new Error(`${where}: the model assets hold no files`);
  return normaliseFiles(raw);
}

const CONTROL_INPUTS = new Set(['input_ids', 'attention_mask', 'position_ids']);

/** The output that carries input `name`'s state to the next step, by the usual export names. */
function stateOutputFor(name: string, outputs: ReadonlySet<string>): string | undefined {
  const kv = /^past_key_values\.(\d+)\.(key|value)$/.exec(name);
  const candidates = kv ? [`present.${kv[1]}.${kv[2]}`]
    : [name.replace(/0$/, 'n'), `${name}_out`, name.replace(/_in$/, '_out'), name.replace(/^past_/, 'present_')];
  return candidates.find((c) => c !== name && outputs.has(c));
}

const shapeOf = (v: GraphValue): (number | string)[] => v.shape.map((d, i) => d ?? `${v.name}_dim${i}`);

/**
 * A manifest for a lone ONNX graph: input_ids → logits over genpatch-events-v1, with its recurrent
 * state (h0 → hn, h → h_out…) or key/value cache (past_key_values.i.key → present.i.key) as the
 * state pairs; kind token-transformer when it has a cache, token-lstm otherwise.
 * @example
 * const manifest = await deriveGraphManifest('my-lstm.onnx', bytes, 'melody', 'node m1');
 */
export async function deriveGraphManifest(name: string, bytes: Uint8Array, format: 'melody' | 'chorale' | 'auto', where: string): Promise<object> {
  const graph = readGraphInfo(bytes, `${where}: ${name}`);
  const inputs = new Map(graph.inputs.map((v) => [v.name, v]));
  const outputs = new Map(graph.outputs.map((v) => [v.name, v]));
  const problems: string[] = [];
  const ids = inputs.get('input_ids');
  const logits = outputs.get('logits');
  if (!ids) problems.push('no input "input_ids" (int64 [batch, sequence])');
  else if (ids.dtype !== 'int64') problems.push(`input "input_ids" is ${ids.dtype}, expected int64`);
  if (!logits) problems.push('no output "logits" (float32 [batch, sequence, vocabulary])');
  else if (logits.shape.at(-1) !== VOCAB_SIZE) problems.push(`"logits" has ${logits.shape.at(-1) ?? 'an open'} tokens; ${VOCAB_ID} has ${VOCAB_SIZE}`);
  const state: { input: string; output: string }[] = [];
  for (const input of graph.inputs) {
    if (CONTROL_INPUTS.has(input.name)) continue;
    const output = stateOutputFor(input.name, new Set(outputs.keys()));
    if (!output) problems.push(`input "${input.name}" has no state output to pair with (h0 → hn, h → h_out, past_key_values.i.key → present.i.key)`);
    else state.push({ input: input.name, output });
  }
  const cache = state.some((p) => p.input.startsWith('past_key_values.'));
  if (state.length === 0) problems.push('no recurrent state or key/value cache as explicit inputs and outputs, so it cannot step one token at a time');
  for (const p of cache ? [] : state) {
    const shape = inputs.get(p.input)!.shape;
    if (shape.some((d) => typeof d !== 'number' && d !== 'batch')) {
      problems.push(`state input "${p.input}" has open sizes [${shape.join(', ')}]; give a manifest.json with its sizes`);
    }
  }
  if (problems.length) {
    throw new Error(`${where}: ${name} does not fit the neural nodes' contract:\n  ${problems.join('\n  ')}\n`
      + `  (graph inputs: ${[...inputs.keys()].join(', ')}; outputs: ${[...outputs.keys()].join(', ')}; docs/models.md)`);
  }
  const kind = cache ? 'token-transformer' : 'token-lstm';
  const id = name.toLowerCase().replace(/\.onnx$/, '').replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'user-model';
  const spec = (v: GraphValue) => ({ name: v.name, dtype: v.dtype, shape: shapeOf(v) });
  return {
    id,
    title: name,
    kind,
    description: `Derived by neural.load-model from the inputs and outputs of ${name}.`,
    files: [{ path: 'model.onnx', sha256: await sha256Of(bytes), bytes: bytes.length }],
    onnx: 'model.onnx',
    contract: { inputs: graph.inputs.map(spec), outputs: graph.outputs.map(spec), state },
    vocabulary: { id: VOCAB_ID, size: VOCAB_SIZE, format: format === 'auto' ? (kind === 'token-lstm' ? 'melody' : 'chorale') : format },
  };
}

/**
 * Model files ready for the model service: when neither manifest.json nor config.json is among
 * them, the only .onnx becomes model.onnx with a derived manifest.json beside it.
 */
export async function withManifest(files: Map<string, Uint8Array>, format: 'melody' | 'chorale' | 'auto', where: string): Promise<Map<string, Uint8Array>> {
  if (files.has('manifest.json') || files.has('config.json')) return files;
  const graphs = [...files.keys()].filter((p) => p.toLowerCase().endsWith('.onnx'));
  if (graphs.length !== 1) {
    throw new Error(`${where}: ${graphs.length ? `several graphs (${graphs.join(', ')}) and` : 'no .onnx graph and'} no manifest.json or config.json to say which to run`);
  }
  const bytes = files.get(graphs[0])!;
  const manifest = await deriveGraphManifest(graphs[0].split('/').pop()!, bytes, format, where);
  return new Map([['model.onnx', bytes], ['manifest.json', new TextEncoder().encode(JSON.stringify(manifest))]]);
}
