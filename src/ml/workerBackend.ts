/**
 * The page side of the inference Worker: an InferenceBackend whose calls go to ortWorker.ts
 * through comlink. If the Worker dies (its script or onnxruntime's WASM fails to load) every
 * pending and later call rejects with the reason instead of hanging.
 */
import { releaseProxy, transfer, wrap, type Remote } from 'comlink';
import type { InferenceBackend } from './backend';
import type { OrtWorkerApi } from './ortWorker';

/** The InferenceBackend over a fresh inference Worker, with the Worker's environment report. */
export interface WorkerBackend extends InferenceBackend {
  environment: OrtWorkerApi['environment'];
}

/**
 * Starts the inference Worker.
 * @example
 * const backend = createWorkerBackend();
 */
export function createWorkerBackend(): WorkerBackend {
  const worker = new Worker(new URL('./ortWorker.ts', import.meta.url), { type: 'module', name: 'genpatch-inference' });
  const remote: Remote<OrtWorkerApi> = wrap<OrtWorkerApi>(worker);
  let fail: (reason: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => { fail = reject; });
  failed.catch(() => undefined);
  worker.addEventListener('error', (e) => fail(new Error(`the inference Worker failed: ${e.message || 'its script could not load'}`)));
  worker.addEventListener('messageerror', () => fail(new Error('the inference Worker sent a message that could not be read')));
  const call = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, failed]);
  return {
    find: (sha256, provider) => call(remote.find(sha256, provider)),
    // The graph bytes are copied: the LoadedModel keeps its own.
    open: (request) => call(remote.open(request)),
    run: (key, feeds, outputNames, buffers) => call(remote.run(key, buffers?.length ? transfer(feeds, buffers) : feeds, outputNames)),
    stats: () => call(remote.stats()),
    environment: () => call(remote.environment()),
    dispose: async () => {
      await call(remote.dispose()).catch(() => undefined);
      remote[releaseProxy]();
      worker.terminate();
      fail(new Error('the inference Worker was disposed'));
    },
  };
}
