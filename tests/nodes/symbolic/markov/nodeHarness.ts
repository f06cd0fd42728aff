/** Runs one node definition outside a scheduler, with default params and a real NodeContext. */
import type { AssetData, NodeContext, NodeDef, NodeResult } from '../../../../src/engine/node';
import { createNodeContext } from '../../../../src/engine/nodeContext';

/** Options of a test run: seed, embedded assets, cancellation and a progress sink. */
export interface HarnessOptions {
  seed?: number;
  assets?: AssetData[];
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** A NodeContext like the scheduler's, for direct runs. */
export function testContext(options: HarnessOptions = {}): NodeContext {
  return createNodeContext({
    nodeId: 'test',
    seed: options.seed ?? 1,
    signal: options.signal ?? new AbortController().signal,
    services: {},
    log: { info: () => {}, warn: () => {} },
    asset: (id) => {
      const found = options.assets?.find((a) => a.id === id);
      if (!found) throw new Error(`no asset "${id}"`);
      return found;
    },
    onProgress: (f) => options.onProgress?.(f),
  });
}

/** Runs `def` with its default params overridden by `params`; the context seed is the seed param's, as in the scheduler. */
export async function runNode(
  def: NodeDef,
  inputs: Record<string, unknown>,
  params: Record<string, unknown> = {},
  options: HarnessOptions = {},
): Promise<NodeResult> {
  const full: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(def.params)) full[name] = name in params ? params[name] : spec.default;
  for (const name of Object.keys(params)) if (!(name in def.params)) throw new Error(`${def.type} has no param "${name}"`);
  const seedParam = Object.entries(def.params).find(([, spec]) => spec.kind === 'seed')?.[0];
  const seed = options.seed ?? (seedParam ? (full[seedParam] as number) : 1);
  return def.run(inputs, full, testContext({ ...options, seed }));
}
