/**
 * The model service as node code sees it. Nodes never import onnxruntime-web: they ask the host
 * for `ctx.services.models` (`getModelService(ctx)`), load a model by id (or from files a user
 * dropped), and run it with plain tensors (tensors.ts). The CLI injects the Node service
 * (nodeModels.ts, sessions in-process on WASM), the page the browser one (browserModels.ts,
 * sessions in a Worker, WebGPU first). See docs/models.md.
 */
import type { NodeContext, NodeServices } from '../engine/node';
import type { BackendStats, Provider, ProviderPreference } from './backend';
import type { ModelManifest } from './manifest';
import type { TensorMap } from './tensors';
import type { RequiredContract } from './verify';

export type { Provider, ProviderPreference } from './backend';
export type { ModelManifest, TensorSpec } from './manifest';
export type { MlTensor, TensorMap, TensorType } from './tensors';
export type { RequiredContract } from './verify';

/** The key of the model service in `ctx.services`. */
export const MODEL_SERVICE = 'models';

/** Options of one load. */
export interface LoadOptions {
  /** What the calling node needs; a model that does not fit is refused with a clear error. */
  require?: RequiredContract;
  /** Execution provider: 'auto' (default: WebGPU where offered, else WASM), or one provider. */
  provider?: ProviderPreference;
  /** Names the caller in errors, e.g. 'node lstm1 (neural.lstm)'. */
  who?: string;
}

/** Options of loading user files: a display name and, for a folder with several graphs, which one. */
export interface LoadFilesOptions extends LoadOptions {
  /** Names the files in errors and becomes the id of a derived manifest ('my-chorale-model'). */
  name?: string;
  /** Path of the ONNX graph to run when the folder holds several (default: onnx/model.onnx, model.onnx). */
  onnx?: string;
}

/** Options of one run. */
export interface RunOptions {
  /** Transfer the feeds' buffers to the Worker instead of copying them (the caller must not reuse them). */
  transferFeeds?: boolean;
}

/** A verified model with an open session. */
export interface LoadedModel {
  /** The manifest, reduced to the tensors the graph really has (optional ones it lacks are dropped). */
  manifest: ModelManifest;
  /** The provider the session actually runs on. */
  provider: Provider;
  /** Why 'auto' fell back to WASM, when it did. */
  fallbackReason?: string;
  /** sha256 of the ONNX graph (the session cache key). */
  sha256: string;
  /** The graph's input and output names, in graph order. */
  inputNames: string[];
  outputNames: string[];
  /**
   * Runs the graph: every graph input must be fed; returns the named outputs (all when absent).
   * @example
   * const out = await model.run({ input_ids: int64(ids, [1, ids.length]), h, c });
   */
  run(feeds: TensorMap, outputNames?: string[], options?: RunOptions): Promise<TensorMap>;
  /** Bytes of one of the model's files (e.g. 'tokenizer.json'); throws when the model has no such file. */
  file(path: string): Uint8Array;
  /** A model file as UTF-8 text. */
  text(path: string): string;
  /** A model file parsed as JSON. */
  json(path: string): unknown;
}

/** Loads models for nodes. */
export interface ModelService {
  /** Loads a shipped model by id (public/models/<id>/), verifies its files and opens a session; cached per id. */
  load(id: string, options?: LoadOptions): Promise<LoadedModel>;
  /** Loads a model from files {path → bytes}: a folder with manifest.json, or a Hugging Face layout folder. */
  loadFiles(files: Readonly<Record<string, Uint8Array>> | ReadonlyMap<string, Uint8Array>, options?: LoadFilesOptions): Promise<LoadedModel>;
  /** Session cache counters (sessions created, cache hits, runs). */
  stats(): Promise<BackendStats>;
  /** Releases every session (and the page's Worker). */
  dispose(): Promise<void>;
}

function isModelService(value: unknown): value is ModelService {
  return typeof value === 'object' && value !== null
    && typeof (value as ModelService).load === 'function' && typeof (value as ModelService).loadFiles === 'function';
}

/**
 * The host's model service, or a clear error when the host has none.
 * @example
 * const model = await getModelService(ctx).load('melody-lstm', { require: { kind: 'melody-lstm' }, who: `node ${ctx.nodeId}` });
 */
export function getModelService(ctx: NodeContext): ModelService {
  const service = ctx.services[MODEL_SERVICE];
  if (!isModelService(service)) {
    throw new Error(
      `node ${ctx.nodeId}: this host has no model service: pass services.${MODEL_SERVICE} ` +
      '(createNodeModelService() in Node, createBrowserModelService() in the page; see docs/models.md)');
  }
  return service;
}

/**
 * A model service that builds the real one on first use (so a host's startup bundle carries none
 * of the ml layer until a node loads a model).
 * @example
 * const models = lazyModelService(() => import('./browserModels').then((m) => m.createBrowserModelService()));
 */
export function lazyModelService(create: () => Promise<ModelService>): ModelService {
  let service: Promise<ModelService> | null = null;
  const get = (): Promise<ModelService> => {
    service ??= create();
    service.catch(() => { service = null; });
    return service;
  };
  return {
    load: async (id, options) => (await get()).load(id, options),
    loadFiles: async (files, options) => (await get()).loadFiles(files, options),
    stats: async () => (await get()).stats(),
    dispose: async () => { if (service) await (await service).dispose(); },
  };
}

/**
 * The node services that expose a model service: `models` and the engine's reserved `loadModel`.
 * @example
 * new Scheduler(registry, { services: { renderer, ...modelServices(createNodeModelService()) } });
 */
export function modelServices(service: ModelService): NodeServices {
  return { [MODEL_SERVICE]: service, loadModel: (id: string) => service.load(id) };
}
