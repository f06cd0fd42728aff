/** Types shared by the scheduler and its hosts (editor, Worker, CLI). */
import type { Preview } from './node';

/** The part of a patch the scheduler needs: node instances and edges. `Patch` satisfies it. */
export interface GraphSpec {
  nodes: readonly { id: string; type: string; params: Record<string, unknown>; exposed?: readonly string[] }[];
  edges: readonly { from: { node: string; port: string }; to: { node: string; port: string } }[];
  /** Embedded assets by id (base64 data), which runs read through `ctx.asset(id)`. */
  assets?: Readonly<Record<string, { name: string; mime: string; sha256: string; data: string }>>;
}

/** Life-cycle status of one node in an evaluation. */
export type NodeStatus = 'idle' | 'queued' | 'running' | 'cached' | 'done' | 'failed' | 'cancelled';

/** A status/progress event for one node. */
export interface NodeEvent {
  nodeId: string;
  status: NodeStatus;
  /** Progress in [0, 1] while running. */
  progress?: number;
  message?: string;
  /** Error message when failed (what went wrong, in the node's words). */
  error?: string;
}

/** The outcome of one node in an evaluation. */
export interface NodeOutcome {
  status: NodeStatus;
  outputs?: Record<string, unknown>;
  previews?: Preview[];
  error?: string;
  /** Cache key of this node's result in this evaluation. */
  key?: string;
  /** Milliseconds the run took (0 when cached). */
  ms?: number;
}

/** The result of one evaluation. */
export interface Evaluation {
  /** Per-node outcomes for every node that was needed. */
  nodes: ReadonlyMap<string, NodeOutcome>;
  /** Ids of nodes that actually ran (not cached) in this evaluation. */
  ran: string[];
  /** True if a newer evaluation or stop() cancelled this one. */
  cancelled: boolean;
}

/** Options of one evaluation. */
export interface EvaluateOptions {
  /** Node ids to pull from; by default every sink node plus every node with no outgoing edge. */
  sinks?: readonly string[];
  /** Added to every node's seed (CLI `--seed`); 0 keeps the patch's seeds. */
  globalSeed?: number;
}
