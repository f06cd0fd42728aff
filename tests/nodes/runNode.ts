/**
 * Test helper: runs one node definition the way the scheduler would, without a graph. Params are
 * completed with their defaults and checked, inputs and outputs are validated against their port
 * types, and the run gets a real NodeContext (AbortController signal, seeded RNG, assets from a
 * map, a logger that records). Any node family's tests may use it.
 *
 * @example
 * const { outputs } = await runNode(transposeNode, { notes: seq }, { semitones: 7 });
 * const { outputs: a } = await runNode(humanizeNode, { notes: seq }, {}, { seed: 3 });
 * const { outputs: m } = await runNode(midiFileNode, {}, { file: 'a1' }, { assets: [makeAsset('a1', 'tune.mid', bytes)] });
 * const { outputs: g } = await runNode(generateNode, { model }, { seed: 4 }, { globalSeed: 0 }); // seed from the param
 */
import type { AssetData, NodeDef, NodeResult, NodeServices } from '../../src/engine/node';
import { createNodeContext } from '../../src/engine/nodeContext';
import { checkParam } from '../../src/engine/params';
import { PortTypeRegistry } from '../../src/engine/portTypes';

/** Options of `runNode`: the seed, embedded assets, host services, an abort signal, a progress listener. */
export interface RunNodeOptions {
  /** The run's seed (what the scheduler derives from the node's seed param); default 1. */
  seed?: number;
  /**
   * Derive the run's seed as the scheduler does for a render with this global seed: the node's seed
   * param (given or default) plus the global seed, or the global seed alone if it has none.
   * Give `seed` or `globalSeed`, not both.
   */
  globalSeed?: number;
  /** Embedded assets the run may read with `ctx.asset(id)`. */
  assets?: readonly AssetData[];
  services?: NodeServices;
  /** Abort it to test cancellation; default: a fresh AbortController's signal. */
  signal?: AbortSignal;
  nodeId?: string;
  /** Called with each progress report as the run makes it (they are also returned in `progress`). */
  onProgress?: (fraction: number) => void;
}

/** A node result plus what the run logged and reported. */
export interface RunNodeResult extends NodeResult {
  logs: { level: 'info' | 'warn'; message: string }[];
  progress: number[];
}

const portTypes = new PortTypeRegistry();

/** An asset record as `ctx.asset` returns it, e.g. for a MIDI file written in the test. */
export function makeAsset(id: string, name: string, bytes: Uint8Array, mime = 'application/octet-stream'): AssetData {
  return { id, name, mime, bytes };
}

/** The params a run receives: defaults overlaid with `given`; unknown names and bad values throw. */
export function paramsWithDefaults(def: NodeDef, given: Record<string, unknown> = {}): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(def.params)) params[name] = spec.default;
  for (const [name, value] of Object.entries(given)) {
    const spec = def.params[name];
    if (!spec) throw new Error(`runNode ${def.type}: no param "${name}" (params: ${Object.keys(def.params).join(', ') || 'none'})`);
    const problem = checkParam(spec, value);
    if (problem) throw new Error(`runNode ${def.type}: param "${name}": ${problem}`);
    params[name] = value;
  }
  return params;
}

function checkInputs(def: NodeDef, inputs: Record<string, unknown>): Record<string, unknown> {
  const complete: Record<string, unknown> = { ...inputs };
  for (const name of Object.keys(inputs)) {
    if (!def.inputs[name]) throw new Error(`runNode ${def.type}: no input "${name}"`);
  }
  for (const [name, spec] of Object.entries(def.inputs)) {
    if (spec.multiple) complete[name] ??= [];
    const value = complete[name];
    if (value === undefined) {
      if (!spec.optional && !spec.multiple) throw new Error(`runNode ${def.type}: input "${name}" is not connected`);
      continue;
    }
    const values = spec.multiple ? (value as unknown[]) : [value];
    for (const v of values) {
      const problem = portTypes.get(spec.type)?.validate(v);
      if (problem) throw new Error(`runNode ${def.type}: input "${name}" is not valid ${spec.type}: ${problem}`);
    }
  }
  return complete;
}

/** The run's seed: `options.seed`, or derived from the seed param and `options.globalSeed`, or 1. */
function runSeed(def: NodeDef, params: Record<string, unknown>, options: RunNodeOptions): number {
  if (options.globalSeed === undefined) return options.seed ?? 1;
  if (options.seed !== undefined) throw new Error(`runNode ${def.type}: give the seed or the global seed, not both`);
  const seedParam = Object.keys(def.params).find((name) => def.params[name].kind === 'seed');
  return seedParam === undefined ? options.globalSeed >>> 0 : ((params[seedParam] as number) + options.globalSeed) >>> 0;
}

/**
 * Runs `def` on `inputs` with `params` (missing ones take their defaults) and checks every output
 * against its port type, as the scheduler does; throws what the run throws.
 */
export async function runNode(
  def: NodeDef,
  inputs: Record<string, unknown> = {},
  params: Record<string, unknown> = {},
  options: RunNodeOptions = {},
): Promise<RunNodeResult> {
  const logs: RunNodeResult['logs'] = [];
  const progress: number[] = [];
  const assets = new Map((options.assets ?? []).map((a) => [a.id, a]));
  const checkedInputs = checkInputs(def, inputs);
  const fullParams = paramsWithDefaults(def, params);
  const ctx = createNodeContext({
    nodeId: options.nodeId ?? 'test-node',
    seed: runSeed(def, fullParams, options),
    signal: options.signal ?? new AbortController().signal,
    services: options.services ?? {},
    log: {
      info: (message) => logs.push({ level: 'info', message }),
      warn: (message) => logs.push({ level: 'warn', message }),
    },
    asset: (id) => {
      const asset = assets.get(id);
      if (!asset) throw new Error(`the patch has no asset "${id}"`);
      return asset;
    },
    onProgress: (fraction) => {
      progress.push(fraction);
      options.onProgress?.(fraction);
    },
  });
  const result = await def.run(checkedInputs, fullParams, ctx);
  for (const [name, spec] of Object.entries(def.outputs)) {
    const problem = portTypes.get(spec.type)?.validate(result.outputs[name]);
    if (problem) throw new Error(`runNode ${def.type}: output "${name}" is not valid ${spec.type}: ${problem}`);
  }
  return { ...result, logs, progress };
}
