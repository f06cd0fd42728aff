/**
 * The node API: `defineNode` makes a node definition (pure data plus a `run` function) and
 * `NodeContext` is everything a run may use. A run is a pure function of its inputs, params and
 * seed, so the scheduler can cache it.
 */
import type { LiveFace } from './liveFace';
import type { ParamSpec, ParamValue } from './params';
import type { PortValue } from './portTypes';
import type { Rng } from './rng';

export type { LiveContext, LiveFace, LiveFrame, LiveInstance, LiveNoteEvent } from './liveFace';

/** An input or output port of a node definition. */
export interface PortSpec {
  /** Port type id (see portTypes.ts), e.g. 'notes', 'audio', 'model:markov'. */
  type: string;
  title?: string;
  doc?: string;
  /** An optional input may be left unconnected; its value is then undefined. */
  optional?: boolean;
  /** A multiple input accepts several edges; its value is an array in edge order. */
  multiple?: boolean;
}

/** A preview a run returns for the UI: one of the viewer kinds. */
export type Preview =
  | { kind: 'heatmap'; title: string; rows: number; cols: number; data: number[]; rowLabels?: string[]; colLabels?: string[] }
  | { kind: 'line'; title: string; series: { name: string; values: number[] }[]; xLabel?: string; yLabel?: string }
  | { kind: 'grid'; title: string; width: number; steps: number; cells: Uint8Array }
  | { kind: 'pianoroll'; title: string; port: string }
  | { kind: 'waveform'; title: string; port: string }
  | { kind: 'spectrogram'; title: string; port: string }
  | { kind: 'xy'; title: string; points: { x: number; y: number; label?: string }[] }
  | { kind: 'text'; title: string; text: string };

/** Log sink given to runs. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** An embedded asset's bytes and metadata, as a run sees it. */
export interface AssetData {
  id: string;
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** Services the host (page, Worker or CLI) provides to runs; all optional. */
export interface NodeServices {
  /** Loads a model by id (ml layer); hosts without models leave it undefined. */
  loadModel?: (id: string) => Promise<unknown>;
  /** Renders audio offline (audio layer); the CLI and the page inject their backend. */
  [service: string]: unknown;
}

/** What a run may use besides its inputs and params. */
export interface NodeContext {
  nodeId: string;
  /** Aborted when the run is outdated (latest wins) or stopped. */
  signal: AbortSignal;
  /** Throws the cancellation error if the run was aborted; call it in long loops. */
  checkCancelled(): void;
  /** Yields to the event loop and then checks cancellation; await it every few ms in long runs. */
  yield(): Promise<void>;
  /** Reports progress in [0, 1] with an optional message. */
  progress(fraction: number, message?: string): void;
  /** The run's seeded generator (from the node's seed param and the render's global seed). */
  rng: Rng;
  /** The effective seed of this run. */
  seed: number;
  log: Logger;
  /** Looks up an embedded asset by id; throws a clear error if the patch lacks it. */
  asset(id: string): AssetData;
  services: NodeServices;
}

/** What a run returns: its outputs by port name and optional previews. */
export interface NodeResult {
  outputs: Record<string, unknown>;
  previews?: Preview[];
}

type InputValues<I extends Record<string, PortSpec>> = {
  [K in keyof I]: I[K]['multiple'] extends true
    ? PortValue<I[K]['type']>[]
    : I[K]['optional'] extends true ? PortValue<I[K]['type']> | undefined : PortValue<I[K]['type']>;
};
type ParamValues<P extends Record<string, ParamSpec>> = { [K in keyof P]: ParamValue<P[K]> };
type OutputValues<O extends Record<string, PortSpec>> = { [K in keyof O]: PortValue<O[K]['type']> };

/** A node definition as the registry and scheduler see it (untyped values). */
export interface NodeDef {
  type: string;
  version: number;
  title: string;
  category: string;
  doc: string;
  inputs: Record<string, PortSpec>;
  outputs: Record<string, PortSpec>;
  params: Record<string, ParamSpec>;
  /** True for nodes whose output is a sink (export, output, preview-only). */
  sink?: boolean;
  /** True for heavy nodes the page should run in a Worker. */
  heavy?: boolean;
  run(inputs: Record<string, unknown>, params: Record<string, unknown>, ctx: NodeContext): NodeResult | Promise<NodeResult>;
  /** Migrates params saved by an older version of this node type. */
  migrate?(params: Record<string, unknown>, fromVersion: number): Record<string, unknown>;
  /** How the node performs in live mode (src/engine/liveFace.ts); render-only nodes have none. */
  live?: LiveFace;
}

/** The typed spec given to `defineNode`. */
export interface NodeSpec<I extends Record<string, PortSpec>, O extends Record<string, PortSpec>, P extends Record<string, ParamSpec>> {
  type: string;
  version?: number;
  title: string;
  category: string;
  doc: string;
  inputs?: I;
  outputs?: O;
  params?: P;
  sink?: boolean;
  heavy?: boolean;
  run(inputs: InputValues<I>, params: ParamValues<P>, ctx: NodeContext):
    { outputs: OutputValues<O>; previews?: Preview[] } | Promise<{ outputs: OutputValues<O>; previews?: Preview[] }>;
  migrate?(params: Record<string, unknown>, fromVersion: number): Record<string, unknown>;
  live?: LiveFace;
}

/**
 * Defines a node type; inputs, outputs and params are typed from their specs.
 * @example
 * export const transpose = defineNode({
 *   type: 'notes.transpose', title: 'Transpose', category: 'transform', doc: 'Shifts every pitch.',
 *   inputs: { notes: { type: 'notes' } }, outputs: { notes: { type: 'notes' } },
 *   params: { semitones: { kind: 'int', default: 0, min: -48, max: 48 } },
 *   run: ({ notes }, { semitones }) => ({ outputs: { notes: shift(notes, semitones) } }),
 * });
 */
export function defineNode<
  const I extends Record<string, PortSpec> = {},
  const O extends Record<string, PortSpec> = {},
  const P extends Record<string, ParamSpec> = {},
>(spec: NodeSpec<I, O, P>): NodeDef {
  const inputs = (spec.inputs ?? {}) as Record<string, PortSpec>;
  const params = (spec.params ?? {}) as Record<string, ParamSpec>;
  for (const name of Object.keys(params)) {
    if (name in inputs) throw new Error(`defineNode ${spec.type}: param "${name}" has the same name as an input`);
  }
  if (!/^[a-z][a-z0-9]*(\.[a-zA-Z0-9-]+)+$/.test(spec.type)) {
    throw new Error(`defineNode: type id "${spec.type}" must look like "family.name"`);
  }
  return {
    type: spec.type,
    version: spec.version ?? 1,
    title: spec.title,
    category: spec.category,
    doc: spec.doc,
    inputs,
    outputs: (spec.outputs ?? {}) as Record<string, PortSpec>,
    params,
    sink: spec.sink,
    heavy: spec.heavy,
    run: spec.run as unknown as NodeDef['run'],
    migrate: spec.migrate,
    live: spec.live,
  };
}

/** The error thrown into a run when it was cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
