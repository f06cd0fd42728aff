/**
 * Gathering a model's files: a shipped model by id from a ModelSource (disk in Node, fetch in the
 * page), or files a user dropped, normalised to paths relative to the model folder. Either way the
 * result is a manifest (read, or derived from a Hugging Face config.json) and the bytes by path.
 */
import { deriveHfManifest, HF_GRAPH_CANDIDATES } from './hfLayout';
import { parseManifest, type ModelManifest } from './manifest';
import { checkRequiredContract, ModelCheckError, verifyFiles, type RequiredContract } from './verify';

/** Where shipped models come from. */
export interface ModelSource {
  /** Where model `id` lives, for messages ('public/models/melody-lstm'). */
  where(id: string): string;
  /** A file of model `id` (path relative to its folder), or null when there is none. */
  read(id: string, path: string): Promise<Uint8Array | null>;
}

/** A model's manifest and files, ready to verify. */
export interface GatheredModel {
  manifest: ModelManifest;
  files: Map<string, Uint8Array>;
  /** True when the manifest was derived (nothing to verify the files against). */
  derived: boolean;
  where: string;
}

/** Files of a Hugging Face layout folder worth reading besides the graph. */
const HF_FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json'];

/** A valid model id: the name of a folder under public/models. */
export const MODEL_ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * The graph of a gathered model, once its files match the manifest (sha256 and size; a derived
 * manifest has nothing to match) and it offers what `require` asks (`who` names the asker in errors).
 * @example
 * const { bytes, sha256 } = await checkedGraph(await gatherShipped(source, 'ddsp-sax'), { kind: 'ddsp-decoder' }, 'node sax');
 */
export async function checkedGraph(gathered: GatheredModel, require?: RequiredContract, who?: string): Promise<{ bytes: Uint8Array; sha256: string }> {
  const { manifest, files, where } = gathered;
  if (!gathered.derived) await verifyFiles(manifest, files, where);
  if (require) checkRequiredContract(manifest, require, who ?? where);
  const graph = manifest.files.find((f) => f.path === manifest.onnx);
  const bytes = files.get(manifest.onnx);
  if (!graph || !bytes) throw new ModelCheckError(`${where}: the graph ${manifest.onnx} is missing`);
  return { bytes, sha256: graph.sha256 };
}

/**
 * Reads a shipped model: its manifest.json and every file it lists, or, without a manifest, a
 * Hugging Face layout folder (config.json and the graph) with a derived manifest.
 */
export async function gatherShipped(source: ModelSource, id: string, onnx?: string): Promise<GatheredModel> {
  if (!MODEL_ID.test(id)) throw new ModelCheckError(`"${id}" is not a model id (lowercase letters, digits, ".", "_", "-")`);
  const where = source.where(id);
  const manifestBytes = await source.read(id, 'manifest.json');
  if (manifestBytes) {
    const manifest = parseManifest(new TextDecoder().decode(manifestBytes), `${where}/manifest.json`);
    if (manifest.id !== id) throw new ModelCheckError(`${where}/manifest.json: its id is "${manifest.id}" but the folder is "${id}"; they must match`);
    const files = new Map<string, Uint8Array>();
    await Promise.all(manifest.files.map(async (f) => {
      const bytes = await source.read(id, f.path);
      if (!bytes) throw new ModelCheckError(`${where}/${f.path}: missing (the manifest lists it)`);
      files.set(f.path, bytes);
    }));
    return { manifest, files, derived: false, where };
  }
  const config = await source.read(id, 'config.json');
  if (!config) throw new ModelCheckError(`no model "${id}": ${where} has neither manifest.json nor config.json`);
  const files = new Map<string, Uint8Array>();
  const wanted = [...new Set([...HF_FILES, ...(onnx ? [onnx] : HF_GRAPH_CANDIDATES)])];
  const read = await Promise.all(wanted.map(async (p) => [p, await source.read(id, p)] as const));
  for (const [p, bytes] of read) if (bytes) files.set(p, bytes);
  return { manifest: await deriveHfManifest(files, { id, where, onnx }), files, derived: true, where };
}

/**
 * Normalises dropped files to paths inside the model folder: backslashes become '/', a leading
 * './' goes, and a folder that holds every file ('chorale/config.json'…) is stripped.
 */
export function normaliseFiles(files: Readonly<Record<string, Uint8Array>> | ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const entries = (files instanceof Map ? [...files] : Object.entries(files)) as [string, Uint8Array][];
  let paths = entries.map(([p]) => p.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, ''));
  for (;;) {
    const first = paths[0]?.split('/')[0];
    if (!first || !paths.every((p) => p.startsWith(`${first}/`))) break;
    paths = paths.map((p) => p.slice(first.length + 1));
  }
  return new Map(entries.map(([, bytes], i) => [paths[i], bytes]));
}

/** Turns a display name into a model id ('My Chorale.onnx' → 'my-chorale'). */
export function idFromName(name: string): string {
  const id = name.toLowerCase().replace(/\.onnx$/, '').replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '');
  return id || 'user-model';
}

/**
 * Gathers dropped files: a folder with manifest.json (any layout), or a Hugging Face layout folder
 * with config.json; a lone .onnx needs a manifest.json beside it.
 */
export async function gatherUserFiles(
  input: Readonly<Record<string, Uint8Array>> | ReadonlyMap<string, Uint8Array>,
  options: { name?: string; onnx?: string },
): Promise<GatheredModel> {
  const files = normaliseFiles(input);
  const where = options.name ?? 'the dropped model files';
  const manifestBytes = files.get('manifest.json');
  if (manifestBytes) {
    const manifest = parseManifest(new TextDecoder().decode(manifestBytes), `${where}/manifest.json`);
    return { manifest, files, derived: false, where };
  }
  if (!files.has('config.json')) {
    const graphs = [...files.keys()].filter((p) => p.endsWith('.onnx'));
    throw new ModelCheckError(graphs.length
      ? `${where}: ${graphs.join(', ')} has no manifest.json beside it (a .onnx alone does not say its contract; docs/models.md) and no config.json (Hugging Face layout)`
      : `${where}: no model here (expected manifest.json with its files, or config.json with onnx/model.onnx)`);
  }
  const id = idFromName(options.name ?? 'user-model');
  return { manifest: await deriveHfManifest(files, { id, where, onnx: options.onnx }), files, derived: true, where };
}
