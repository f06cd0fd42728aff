/** Builds the NodeContext a run receives: cancellation, progress, seeded RNG, logger, assets, services. */
import { CancelledError, type AssetData, type Logger, type NodeContext, type NodeServices } from './node';
import { createRng, type Rng } from './rng';

/** What the scheduler knows when it builds one run's context. */
export interface ContextInit {
  nodeId: string;
  seed: number;
  signal: AbortSignal;
  services: NodeServices;
  log: Logger;
  asset(id: string): AssetData;
  onProgress(fraction: number, message?: string): void;
}

const nextTick: (fn: () => void) => void =
  typeof setImmediate === 'function' ? (fn) => setImmediate(fn) : (fn) => setTimeout(fn, 0);

/** A context whose RNG is created lazily (most runs never draw a random number). */
export function createNodeContext(init: ContextInit): NodeContext {
  let rng: Rng | undefined;
  const checkCancelled = (): void => {
    if (init.signal.aborted) throw new CancelledError();
  };
  return {
    nodeId: init.nodeId,
    signal: init.signal,
    seed: init.seed,
    get rng() {
      return (rng ??= createRng(init.seed));
    },
    checkCancelled,
    yield: () => new Promise<void>((resolve, reject) => nextTick(() => {
      if (init.signal.aborted) reject(new CancelledError());
      else resolve();
    })),
    progress: (fraction, message) => init.onProgress(Math.max(0, Math.min(1, fraction)), message),
    log: init.log,
    asset: init.asset,
    services: init.services,
  };
}

/** Decodes a base64 string to bytes (atob exists in browsers, Workers and Node ≥ 16). */
export function decodeBase64(data: string): Uint8Array {
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
