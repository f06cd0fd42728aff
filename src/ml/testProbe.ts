/**
 * What the ml browser tests drive through `window.__genpatch.ml()`: the fixture models
 * (tests/fixtures/models, served at /test-models/ by testModelsVitePlugin.ts) or the shipped ones
 * (public/models, at /models/) loaded through the real page service and inference Worker, with
 * JSON-friendly feeds and outputs.
 */
import { createBrowserModelService } from './browserModels';
import type { LoadedModel, ModelService, Provider, ProviderPreference } from './service';
import type { MlTensor, TensorMap, TensorType } from './tensors';
import { float32, int32, int64, toNumbers } from './tensors';
import { createWorkerBackend } from './workerBackend';

/** A tensor as plain JSON. */
export interface JsonTensor {
  type: TensorType;
  dims: number[];
  data: number[];
}

/** Where a probed model comes from: the test fixtures (default) or the shipped models. */
export type ProbeSource = 'fixtures' | 'shipped';

/** One probe run: which model, on which provider, with which feeds. */
export interface ProbeRequest {
  model: string;
  provider: ProviderPreference;
  source?: ProbeSource;
  feeds: Record<string, JsonTensor>;
  outputs?: string[];
}

/** What a probe run reports. */
export interface ProbeResult {
  provider: Provider;
  /** Why 'auto' fell back to WASM, when it did. */
  fallbackReason?: string;
  sha256: string;
  inputNames: string[];
  outputs: Record<string, JsonTensor>;
}

/** The probe on the page. */
export interface MlProbe {
  run(request: ProbeRequest): Promise<ProbeResult>;
  /** The loaded model itself, for code evaluated in the page (bench/neural drives its generation loop with it). */
  model(id: string, provider: ProviderPreference, source?: ProbeSource): Promise<LoadedModel>;
  /** Session cache counters of the probe's service. */
  stats(): Promise<{ sessionsCreated: number; cacheHits: number; runs: number }>;
  /** The Worker's onnxruntime settings (threads, cross-origin isolation). */
  environment(): Promise<{ numThreads: number; crossOriginIsolated: boolean; ortVersion: string }>;
}

const fromJson = (t: JsonTensor): MlTensor =>
  t.type === 'float32' ? float32(t.data, t.dims) : t.type === 'int64' ? int64(t.data, t.dims) : int32(t.data, t.dims);

let probe: MlProbe | null = null;

/** The page's probe (one model service and Worker for the page's lifetime, so its session cache is shared). */
export function mlProbe(): MlProbe {
  probe ??= makeProbe();
  return probe;
}

function makeProbe(): MlProbe {
  const worker = createWorkerBackend();
  // Both services share the Worker, so they share its session cache.
  const services: Record<ProbeSource, ModelService> = {
    fixtures: createBrowserModelService({ baseUrl: '/test-models/', backend: async () => worker }),
    shipped: createBrowserModelService({ backend: async () => worker }),
  };
  const load = (id: string, provider: ProviderPreference, source: ProbeSource = 'fixtures') => services[source].load(id, { provider });
  return {
    async run(request) {
      const model = await load(request.model, request.provider, request.source);
      const feeds: TensorMap = {};
      for (const [name, t] of Object.entries(request.feeds)) feeds[name] = fromJson(t);
      const out = await model.run(feeds, request.outputs);
      const outputs: Record<string, JsonTensor> = {};
      for (const [name, t] of Object.entries(out)) outputs[name] = { type: t.type, dims: t.dims, data: toNumbers(t) };
      return { provider: model.provider, fallbackReason: model.fallbackReason, sha256: model.sha256, inputNames: model.inputNames, outputs };
    },
    model: load,
    stats: () => services.fixtures.stats(),
    environment: () => worker.environment(),
  };
}
