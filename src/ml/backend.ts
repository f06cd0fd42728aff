/**
 * The inference backend contract: what the model service asks of onnxruntime, whether it runs
 * in-process (Node, ortBackend.ts) or in a Worker (the page, workerBackend.ts). Plain data only,
 * so every call can cross a postMessage boundary.
 */
import type { TensorMap } from './tensors';

/** An execution provider a session actually runs on. */
export type Provider = 'webgpu' | 'wasm';
/** What a caller asks for: the best available ('auto': WebGPU, else WASM) or one provider. */
export type ProviderPreference = 'auto' | Provider;

/** A graph input or output as the session reports it (dtype and shape when ORT exposes them). */
export interface ValueInfo {
  name: string;
  dtype?: string;
  shape?: (number | string)[];
}

/** An open session: its cache key, provider and I/O. */
export interface SessionInfo {
  /** Cache key: the graph's sha256 and the provider. */
  key: string;
  provider: Provider;
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  /** Why 'auto' fell back to WASM, when it did. */
  fallbackReason?: string;
}

/** What `open` needs: the graph bytes, their sha256 (the cache key) and the provider wanted. */
export interface OpenRequest {
  bytes: Uint8Array;
  sha256: string;
  provider: ProviderPreference;
  /** Names the model in errors (its id or file name). */
  label: string;
}

/** Counters that show the session cache at work. */
export interface BackendStats {
  sessionsCreated: number;
  cacheHits: number;
  runs: number;
}

/** Creates, caches and runs onnxruntime sessions. */
export interface InferenceBackend {
  /** The cached session for a graph digest, or null (so the bytes need not travel again). */
  find(sha256: string, provider: ProviderPreference): Promise<SessionInfo | null>;
  /** Creates (or reuses) a session for the graph. */
  open(request: OpenRequest): Promise<SessionInfo>;
  /**
   * Runs a session: feeds by input name, outputs by name (all outputs when `outputNames` is
   * absent). A Worker backend moves the `transfer` buffers instead of copying them.
   */
  run(key: string, feeds: TensorMap, outputNames?: string[], transfer?: ArrayBuffer[]): Promise<TensorMap>;
  stats(): Promise<BackendStats>;
  /** Releases every session (and the Worker, in the page). */
  dispose(): Promise<void>;
}
