/**
 * Run-time state kept outside node data (React Flow's performance guidance): per-node status and
 * progress, and per-node results, each in a keyed store so a node component listens to its own key.
 */
import type { Preview } from '../../engine/node';
import type { NodeStatus } from '../../engine/scheduler-types';
import { createKeyedStore, type KeyedStore } from '../state/keyedStore';
import { createStore, type Store } from '../state/store';

/** A node's live status. */
export interface NodeRunState {
  status: NodeStatus;
  progress?: number;
  message?: string;
  error?: string;
}

/** A node's latest result, with its input values so previews can show what flows in. */
export interface NodeResultView {
  outputs: Record<string, unknown>;
  inputs: Record<string, unknown>;
  previews: Preview[];
  /** Cache key of the result: unchanged key means unchanged data. */
  key?: string;
  ms?: number;
}

/** Everything the UI reads about runs. */
export interface Runtime {
  status: KeyedStore<NodeRunState>;
  results: KeyedStore<NodeResultView>;
  /** True while an evaluation is in flight. */
  busy: Store<boolean>;
  /** Summary of the last finished evaluation. */
  summary: Store<RunSummary | null>;
}

/** Counts and duration of one evaluation. */
export interface RunSummary {
  ran: number;
  cached: number;
  failed: number;
  ms: number;
  cancelled: boolean;
}

/** Creates empty run-time stores. */
export function createRuntime(): Runtime {
  return {
    status: createKeyedStore<NodeRunState>(),
    results: createKeyedStore<NodeResultView>(),
    busy: createStore(false),
    summary: createStore<RunSummary | null>(null),
  };
}
