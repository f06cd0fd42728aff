/**
 * The onnxruntime backend: creates InferenceSessions from graph bytes, WebGPU first where it is
 * offered and WASM otherwise, caches them by the graph's sha256 and provider, and runs feeds to
 * outputs (one run at a time per session). It runs in Node in-process (nodeModels.ts) and inside
 * the page's Worker (ortWorker.ts); the onnxruntime module is passed in.
 */
import type { Env, InferenceSession as OrtSession, Tensor as OrtTensor } from 'onnxruntime-web';
import type { BackendStats, InferenceBackend, OpenRequest, Provider, ProviderPreference, SessionInfo, ValueInfo } from './backend';
import { fromOrtTensor, toOrtTensor } from './ortTensors';
import type { TensorMap } from './tensors';

/** The parts of an onnxruntime module the backend uses. */
export interface OrtModule {
  InferenceSession: typeof OrtSession;
  Tensor: typeof OrtTensor;
  env: Env;
}

/** How the backend was set up. */
export interface OrtBackendOptions {
  ort: OrtModule;
  /** Says why WebGPU cannot be used here, or null when it can (Node: always a reason). */
  webgpuUnavailable(): Promise<string | null>;
  /** Says why 'auto' should pass over an available WebGPU (a software adapter, slower than WASM), or null. */
  webgpuNotPreferred?(): Promise<string | null>;
}

interface Entry {
  session: OrtSession;
  info: SessionInfo;
  /** The tail of this session's run queue (onnxruntime sessions run one call at a time). */
  queue: Promise<unknown>;
}

function valueInfo(meta: OrtSession.ValueMetadata): ValueInfo {
  return meta.isTensor ? { name: meta.name, dtype: meta.type, shape: [...meta.shape] } : { name: meta.name };
}

/** An InferenceBackend over an onnxruntime module. */
export class OrtBackend implements InferenceBackend {
  private readonly sessions = new Map<string, Promise<Entry>>();
  private readonly counters: BackendStats = { sessionsCreated: 0, cacheHits: 0, runs: 0 };
  private webgpuReason: Promise<string | null> | null = null;
  private autoReason: Promise<string | null> | null = null;

  constructor(private readonly options: OrtBackendOptions) {}

  /** Why WebGPU is out in this environment (null: it is in), asked once. */
  private webgpuProblem(): Promise<string | null> {
    this.webgpuReason ??= this.options.webgpuUnavailable().catch((err: Error) => `WebGPU probe failed: ${err.message}`);
    return this.webgpuReason;
  }

  /** Why 'auto' passes over WebGPU although it is there (null: it takes it), asked once. */
  private autoSkipsWebgpu(): Promise<string | null> {
    this.autoReason ??= (this.options.webgpuNotPreferred?.() ?? Promise.resolve(null)).catch(() => null);
    return this.autoReason;
  }

  async find(sha256: string, provider: ProviderPreference): Promise<SessionInfo | null> {
    // 'auto' reuses a WebGPU session only where it would pick WebGPU itself.
    const skip = provider === 'auto' ? (await this.webgpuProblem()) ?? (await this.autoSkipsWebgpu()) : null;
    const order: Provider[] = provider !== 'auto' ? [provider] : skip ? ['wasm'] : ['webgpu', 'wasm'];
    for (const p of order) {
      const entry = this.sessions.get(`${sha256}:${p}`);
      if (!entry) continue;
      const found = await entry.then((e) => e.info, () => null);
      if (!found) continue;
      this.counters.cacheHits++;
      return skip && !found.fallbackReason ? { ...found, fallbackReason: skip } : found;
    }
    return null;
  }

  async open(request: OpenRequest): Promise<SessionInfo> {
    const cached = await this.find(request.sha256, request.provider);
    if (cached) return cached;
    let fallbackReason: string | undefined;
    if (request.provider !== 'wasm') {
      const problem = (await this.webgpuProblem()) ?? (request.provider === 'auto' ? await this.autoSkipsWebgpu() : null);
      if (!problem) {
        try {
          return (await this.create(request, 'webgpu')).info;
        } catch (err) {
          if (request.provider === 'webgpu') throw err;
          fallbackReason = (err as Error).message;
        }
      } else if (request.provider === 'webgpu') {
        throw new Error(`model "${request.label}": WebGPU was asked for but ${problem}`);
      } else {
        fallbackReason = problem;
      }
    }
    const entry = await this.create(request, 'wasm');
    if (fallbackReason) entry.info.fallbackReason = fallbackReason;
    return entry.info;
  }

  /** Creates a session on one provider, shared by concurrent opens of the same graph. */
  private create(request: OpenRequest, provider: Provider): Promise<Entry> {
    const key = `${request.sha256}:${provider}`;
    const existing = this.sessions.get(key);
    if (existing) return existing;
    const { InferenceSession } = this.options.ort;
    const made = InferenceSession.create(request.bytes, {
      executionProviders: [provider], graphOptimizationLevel: 'all',
      // Errors only: onnxruntime's notes (e.g. shape ops placed on the CPU) would reach the console as errors.
      logSeverityLevel: 3,
    })
      .then((session): Entry => {
        this.counters.sessionsCreated++;
        const info: SessionInfo = {
          key, provider,
          inputs: session.inputMetadata.map(valueInfo),
          outputs: session.outputMetadata.map(valueInfo),
        };
        return { session, info, queue: Promise.resolve() };
      }, (err: Error) => {
        this.sessions.delete(key);
        throw new Error(`model "${request.label}": onnxruntime could not create a ${provider} session: ${err.message}`);
      });
    this.sessions.set(key, made);
    return made;
  }

  async run(key: string, feeds: TensorMap, outputNames?: string[]): Promise<TensorMap> {
    const pending = this.sessions.get(key);
    if (!pending) throw new Error(`no open session "${key}" (it was released, or never opened)`);
    const entry = await pending;
    const result = entry.queue.then(() => this.runNow(entry, feeds, outputNames));
    entry.queue = result.catch(() => undefined);
    return result;
  }

  private async runNow(entry: Entry, feeds: TensorMap, outputNames?: string[]): Promise<TensorMap> {
    const { info, session } = entry;
    const expected = new Map(info.inputs.map((v) => [v.name, v]));
    const unknown = Object.keys(feeds).filter((n) => !expected.has(n));
    const missing = [...expected.keys()].filter((n) => !(n in feeds));
    if (unknown.length || missing.length) {
      throw new Error(`run: ${missing.length ? `missing feeds ${missing.join(', ')}` : ''}${missing.length && unknown.length ? '; ' : ''}` +
        `${unknown.length ? `unknown feeds ${unknown.join(', ')}` : ''} (the graph takes ${[...expected.keys()].join(', ')})`);
    }
    const ortFeeds: Record<string, OrtTensor> = {};
    for (const [name, tensor] of Object.entries(feeds)) {
      const want = expected.get(name)?.dtype;
      if (want && want !== tensor.type) throw new Error(`run: feed "${name}" is ${tensor.type} but the graph takes ${want}`);
      ortFeeds[name] = toOrtTensor(this.options.ort, tensor);
    }
    const known = new Set(info.outputs.map((v) => v.name));
    const bad = (outputNames ?? []).filter((n) => !known.has(n));
    if (bad.length) throw new Error(`run: no output named ${bad.join(', ')} (the graph gives ${[...known].join(', ')})`);
    const results = outputNames ? await session.run(ortFeeds, outputNames) : await session.run(ortFeeds);
    this.counters.runs++;
    const out: TensorMap = {};
    for (const [name, tensor] of Object.entries(results)) out[name] = fromOrtTensor(tensor as OrtTensor, name);
    return out;
  }

  async stats(): Promise<BackendStats> {
    return { ...this.counters };
  }

  async dispose(): Promise<void> {
    const entries = [...this.sessions.values()];
    this.sessions.clear();
    for (const pending of entries) {
      const entry = await pending.catch(() => null);
      await entry?.session.release();
    }
  }
}
