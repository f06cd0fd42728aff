/**
 * The ModelService facade hosts hand to nodes: gather a model's files, verify them against the
 * manifest, open (or reuse) a session on the backend, check the session against the contract and
 * the caller's requirements, and return a LoadedModel. Backend and file source are injected, so the
 * same code serves Node (disk + in-process onnxruntime) and the page (fetch + Worker).
 */
import type { InferenceBackend, ProviderPreference, SessionInfo } from './backend';
import { checkedGraph, gatherShipped, gatherUserFiles, type GatheredModel, type ModelSource } from './modelFiles';
import type { LoadedModel, LoadFilesOptions, LoadOptions, ModelService } from './service';
import { tensorBuffers } from './tensors';
import { checkRequiredContract, checkSessionContract, fitToSession } from './verify';

/** How a model service is built. */
export interface ModelServiceOptions {
  /** Creates the inference backend on first use (so onnxruntime loads only when a model does). */
  backend: () => Promise<InferenceBackend>;
  /** Where shipped models are read from; without one, only `loadFiles` works. */
  source?: ModelSource;
  /** The provider used when a load does not ask for one (default 'auto'). */
  provider?: ProviderPreference;
}

/**
 * Creates a model service.
 * @example
 * const models = createModelService({ backend: createNodeBackend, source: diskSource('public/models') });
 * const lstm = await models.load('melody-lstm');
 */
export function createModelService(options: ModelServiceOptions): ModelService {
  let backendPromise: Promise<InferenceBackend> | null = null;
  const backend = (): Promise<InferenceBackend> => {
    backendPromise ??= options.backend();
    backendPromise.catch(() => { backendPromise = null; });
    return backendPromise;
  };
  const shipped = new Map<string, Promise<LoadedModel>>();

  async function open(gathered: GatheredModel, load: LoadOptions): Promise<LoadedModel> {
    const { manifest, files, where } = gathered;
    const graph = await checkedGraph(gathered, load.require, load.who);
    const bytes = graph.bytes;
    const provider = load.provider ?? options.provider ?? 'auto';
    const b = await backend();
    const info: SessionInfo = await b.find(graph.sha256, provider)
      ?? await b.open({ bytes, sha256: graph.sha256, provider, label: manifest.id });
    checkSessionContract(manifest, info, where);
    const fitted = fitToSession(manifest, info);
    if (load.require) checkRequiredContract(fitted, load.require, load.who ?? where);
    const file = (path: string): Uint8Array => {
      const found = files.get(path);
      if (!found) throw new Error(`model "${manifest.id}" has no file "${path}" (it has ${[...files.keys()].join(', ')})`);
      return found;
    };
    return {
      manifest: fitted,
      provider: info.provider,
      fallbackReason: info.fallbackReason,
      sha256: graph.sha256,
      inputNames: info.inputs.map((v) => v.name),
      outputNames: info.outputs.map((v) => v.name),
      run: (feeds, outputNames, runOptions) =>
        b.run(info.key, feeds, outputNames, runOptions?.transferFeeds ? tensorBuffers(Object.values(feeds)) : undefined),
      file,
      text: (path) => new TextDecoder().decode(file(path)),
      json: (path) => {
        try {
          return JSON.parse(new TextDecoder().decode(file(path)));
        } catch (err) {
          throw new Error(`${where}/${path}: not valid JSON: ${(err as Error).message}`);
        }
      },
    };
  }

  return {
    load(id, load = {}) {
      if (!options.source) return Promise.reject(new Error(`cannot load model "${id}": this host has no model folder (use loadFiles)`));
      const source = options.source;
      const provider = load.provider ?? options.provider ?? 'auto';
      const key = `${id}:${provider}`;
      let pending = shipped.get(key);
      if (!pending) {
        pending = gatherShipped(source, id).then((g) => open(g, { provider }));
        shipped.set(key, pending);
        pending.catch(() => shipped.delete(key));
      }
      return load.require
        ? pending.then((m) => { checkRequiredContract(m.manifest, load.require!, load.who ?? source.where(id)); return m; })
        : pending;
    },
    async loadFiles(files, load: LoadFilesOptions = {}) {
      return open(await gatherUserFiles(files, load), load);
    },
    async stats() {
      return (await backend()).stats();
    },
    async dispose() {
      shipped.clear();
      const b = backendPromise && await backendPromise.catch(() => null);
      backendPromise = null;
      await b?.dispose();
    },
  };
}
