/**
 * The model service of the page: shipped models are fetched from `<base>models/<id>/…` and run
 * in the inference Worker (WebGPU first, WASM fallback). The Worker and onnxruntime start on the
 * first load, so a page that runs no model never downloads them.
 */
import type { InferenceBackend } from './backend';
import type { ModelSource } from './modelFiles';
import { createModelService } from './modelService';
import { OrtBackend } from './ortBackend';
import type { ModelService, ProviderPreference } from './service';
import { createWorkerBackend } from './workerBackend';

/**
 * A ModelSource over HTTP: model `id` lives at `${baseUrl}${id}/`. A missing file is a 404, or
 * an HTML page where a dev server answers unknown paths with the app.
 */
export function fetchSource(baseUrl: string): ModelSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    where: (id) => `${base}${id}`,
    async read(id, path) {
      const url = `${base}${id}/${path}`;
      const response = await fetch(url);
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
      if (!path.endsWith('.html') && (response.headers.get('content-type') ?? '').startsWith('text/html')) return null;
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

/** The page's shipped models: `${BASE_URL}models/<id>/`. */
export function shippedModelSource(): ModelSource {
  return fetchSource(`${import.meta.env.BASE_URL}models/`);
}

/** Options of the page's model service. */
export interface BrowserModelOptions {
  /** Where model folders are served (default `${BASE_URL}models/`). */
  baseUrl?: string;
  /** Provider when a load does not ask for one (default 'auto'). */
  provider?: ProviderPreference;
  /** The backend to use (default: a fresh inference Worker, started on first load). */
  backend?: () => Promise<InferenceBackend>;
}

/**
 * The page's model service.
 * @example
 * const services = { renderer, ...modelServices(createBrowserModelService()) };
 */
export function createBrowserModelService(options: BrowserModelOptions = {}): ModelService {
  const source = options.baseUrl ? fetchSource(options.baseUrl) : shippedModelSource();
  return createModelService({ backend: options.backend ?? (async () => createWorkerBackend()), source, provider: options.provider });
}

/**
 * A model service whose sessions run on the calling thread (WASM, one thread): for a Worker that
 * steps a model for audio and must not hop to the inference Worker on every step. `who` names it
 * in the reason given for not using WebGPU.
 * @example
 * const models = createInThreadModelService('the live DDSP stream'); // in a Worker
 */
export function createInThreadModelService(who: string, source: ModelSource = shippedModelSource()): ModelService {
  return createModelService({
    backend: async () => {
      const ort = await import('onnxruntime-web/webgpu');
      ort.env.wasm.numThreads = 1;
      ort.env.logLevel = 'error';
      return new OrtBackend({ ort, webgpuUnavailable: async () => `${who} runs its model on WASM, on its own thread` });
    },
    source,
  });
}
