/**
 * The page's inference Worker: owns onnxruntime-web (its WebGPU build, which also carries the
 * WASM backend) and serves the InferenceBackend calls of workerBackend.ts through comlink.
 * Output tensors travel back transferred, not copied. onnxruntime is imported dynamically so it
 * sits in its own chunk: its WASM threads start that chunk, not this entry.
 */
import { expose, transfer } from 'comlink';
import type { BackendStats, OpenRequest, ProviderPreference, SessionInfo } from './backend';
import { OrtBackend } from './ortBackend';
import type { MlTensor, TensorMap } from './tensors';
import { tensorBuffers } from './tensors';

/** What the Worker offers the page (the InferenceBackend calls plus its environment). */
export interface OrtWorkerApi {
  find(sha256: string, provider: ProviderPreference): Promise<SessionInfo | null>;
  open(request: OpenRequest): Promise<SessionInfo>;
  run(key: string, feeds: TensorMap, outputNames?: string[]): Promise<TensorMap>;
  stats(): Promise<BackendStats>;
  dispose(): Promise<void>;
  /** onnxruntime's WASM settings and whether the Worker is cross-origin isolated (threads need it). */
  environment(): Promise<{ numThreads: number; crossOriginIsolated: boolean; ortVersion: string }>;
}

/** Why WebGPU cannot run here, or null when an adapter is available. */
async function webgpuUnavailable(): Promise<string | null> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return 'this browser offers no WebGPU in Workers (navigator.gpu is missing)';
  return (await gpu.requestAdapter()) ? null : 'no WebGPU adapter is available';
}

/** GPUAdapterInfo fields that tell a software renderer (SwiftShader, llvmpipe) from a GPU. */
interface AdapterInfo { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean }

/**
 * Why 'auto' should run on WASM although WebGPU is there: a software adapter emulates the GPU on
 * the CPU and runs these small models several times slower than onnxruntime's WASM kernels
 * (`npm run bench -- neural`). 'webgpu' asked for explicitly still uses it.
 */
async function webgpuNotPreferred(): Promise<string | null> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ info?: AdapterInfo } | null> } }).gpu;
  const info = (await gpu?.requestAdapter())?.info;
  if (!info) return null;
  const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
  return info.isFallbackAdapter || /swiftshader|llvmpipe|software|lavapipe/i.test(name)
    ? `the WebGPU adapter is a software renderer (${name || 'fallback adapter'}), slower than WASM`
    : null;
}

/** A tensor whose data owns its whole ArrayBuffer, so the buffer can be transferred. */
function owned(t: MlTensor): MlTensor {
  const d = t.data;
  if (d.buffer instanceof ArrayBuffer && d.byteOffset === 0 && d.byteLength === d.buffer.byteLength) return t;
  return { ...t, data: d.slice() } as MlTensor;
}

const ortModule = import('onnxruntime-web/webgpu');
const backend = ortModule.then((ort) => {
  ort.env.logLevel = 'error';
  return new OrtBackend({ ort, webgpuUnavailable, webgpuNotPreferred });
});

const api: OrtWorkerApi = {
  find: async (sha256, provider) => (await backend).find(sha256, provider),
  open: async (request) => (await backend).open(request),
  run: async (key, feeds, outputNames) => {
    const out = await (await backend).run(key, feeds, outputNames);
    const result: TensorMap = {};
    for (const [name, t] of Object.entries(out)) result[name] = owned(t);
    return transfer(result, tensorBuffers(Object.values(result)));
  },
  stats: async () => (await backend).stats(),
  dispose: async () => (await backend).dispose(),
  environment: async () => {
    const ort = await ortModule;
    return { numThreads: ort.env.wasm.numThreads ?? 0, crossOriginIsolated: self.crossOriginIsolated, ortVersion: ort.env.versions.web ?? '' };
  },
};

expose(api);
