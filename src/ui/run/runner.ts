/**
 * Connects the editor to the scheduler: re-evaluates after each graph edit (debounced, latest wins),
 * or on demand; publishes status events and results into the run-time stores.
 */
import type { Evaluation } from '../../engine/scheduler-types';
import type { Scheduler } from '../../engine/scheduler';
import type { AudioClip } from '../../engine/values';
import type { Patch } from '../../engine/patch/types';
import type { Editor } from '../state/editor';
import { createStore, type Store } from '../state/store';
import { graphChanged, toGraphSpec } from './graphSpec';
import type { NodeResultView, Runtime } from './runtime';
import { findOutputAudio } from './outputAudio';

/** The run controller of one editor. */
export interface Runner {
  /** Re-run automatically after edits. */
  auto: Store<boolean>;
  /** The audio reaching the patch's output node in the last evaluation, if any. */
  outputAudio: Store<AudioClip | null>;
  /** Evaluates now (cancelling any run in flight); resolves when this evaluation ends. */
  runNow(): Promise<Evaluation>;
  /** Cancels the evaluation in flight. */
  stop(): void;
  /** Resolves when no evaluation is pending or in flight. */
  idle(): Promise<void>;
  dispose(): void;
}

/**
 * Creates a runner.
 * @example
 * const runner = createRunner(editor, runtime, new Scheduler(registry));
 * await runner.runNow();
 */
export function createRunner(editor: Editor, runtime: Runtime, scheduler: Scheduler, debounceMs = 150): Runner {
  const auto = createStore(true);
  const outputAudio = createStore<AudioClip | null>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;
  let idleWaiters: (() => void)[] = [];
  let lastPatch = editor.state.get().patch;

  const offEvents = scheduler.onEvent((e) => {
    runtime.status.set(e.nodeId, { status: e.status, progress: e.progress, message: e.message, error: e.error });
  });

  const settleIdle = (): void => {
    if (timer || runtime.busy.get()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  const runNow = (): Promise<Evaluation> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const patch = editor.state.get().patch;
    const mine = ++generation;
    const t0 = performance.now();
    runtime.busy.set(true);
    forgetRemoved(patch);
    const promise = scheduler.evaluate(toGraphSpec(patch));
    void promise.then((evaluation) => {
      if (mine !== generation) return;
      if (!evaluation.cancelled) publish(patch, evaluation);
      let cached = 0;
      let failed = 0;
      for (const o of evaluation.nodes.values()) {
        if (o.status === 'cached') cached++;
        if (o.status === 'failed') failed++;
      }
      runtime.summary.set({ ran: evaluation.ran.length, cached, failed, ms: performance.now() - t0, cancelled: evaluation.cancelled });
      runtime.busy.set(false);
      settleIdle();
    });
    return promise;
  };

  const forgetRemoved = (patch: Patch): void => {
    const ids = new Set(patch.nodes.map((n) => n.id));
    for (const key of runtime.status.keys()) if (!ids.has(key)) runtime.status.set(key, undefined);
    for (const key of runtime.results.keys()) if (!ids.has(key)) runtime.results.set(key, undefined);
  };

  const publish = (patch: Patch, evaluation: Evaluation): void => {
    for (const node of patch.nodes) {
      const outcome = evaluation.nodes.get(node.id);
      if (!outcome || (outcome.status !== 'done' && outcome.status !== 'cached')) {
        if (outcome) runtime.results.set(node.id, undefined);
        continue;
      }
      const previous = runtime.results.get(node.id);
      if (previous && previous.key === outcome.key) continue;
      const inputs: Record<string, unknown> = {};
      for (const e of patch.edges) {
        if (e.to.node !== node.id) continue;
        inputs[e.to.port] = evaluation.nodes.get(e.from.node)?.outputs?.[e.from.port];
      }
      const view: NodeResultView = {
        outputs: outcome.outputs ?? {}, inputs, previews: outcome.previews ?? [], key: outcome.key, ms: outcome.ms,
      };
      runtime.results.set(node.id, view);
    }
    outputAudio.set(findOutputAudio(patch, runtime.results));
  };

  const offEditor = editor.state.subscribe(() => {
    const patch = editor.state.get().patch;
    if (patch === lastPatch) return;
    const changed = graphChanged(lastPatch, patch);
    lastPatch = patch;
    if (!changed || !auto.get()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void runNow(), debounceMs);
  });

  return {
    auto,
    outputAudio,
    runNow,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      scheduler.stop();
    },
    idle() {
      if (!timer && !runtime.busy.get()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    dispose() {
      if (timer) clearTimeout(timer);
      offEvents();
      offEditor();
    },
  };
}
