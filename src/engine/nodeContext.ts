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

/** What a run's context asks of the evaluation that owns it. */
export interface ContextHost {
  readonly signal: AbortSignal;
  readonly services: NodeServices;
  readonly log: Logger;
  asset(id: string, nodeId: string): AssetData;
  progress(nodeId: string, fraction: number, message?: string): void;
}

/**
 * The context the scheduler hands to each run: one object per run, methods on the prototype, the
 * RNG created on first use. Call its methods on the context (`ctx.progress(…)`), not detached.
 */
export class RunContext implements NodeContext {
  private generator: Rng | undefined;

  constructor(readonly nodeId: string, readonly seed: number, private host: ContextHost) {}

  get signal(): AbortSignal { return this.host.signal; }
  get services(): NodeServices { return this.host.services; }
  get log(): Logger { return this.host.log; }
  get rng(): Rng { return (this.generator ??= createRng(this.seed)); }

  checkCancelled(): void {
    if (this.host.signal.aborted) throw new CancelledError();
  }

  yield(): Promise<void> {
    const signal = this.host.signal;
    return new Promise<void>((resolve, reject) => nextTick(() => (signal.aborted ? reject(new CancelledError()) : resolve())));
  }

  progress(fraction: number, message?: string): void {
    this.host.progress(this.nodeId, Math.max(0, Math.min(1, fraction)), message);
  }

  asset(id: string): AssetData {
    return this.host.asset(id, this.nodeId);
  }
}
