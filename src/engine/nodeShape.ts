/** Per-definition facts the scheduler needs on every run, computed once per NodeDef instead of per node per evaluation. */
import { WordHasher } from './hash';
import type { NodeDef, PortSpec } from './node';
import type { ParamSpec } from './params';
import type { PortTypeDef, PortTypeRegistry } from './portTypes';

/** A node definition's params, inputs and outputs as arrays, with output port types resolved. */
export interface DefShape {
  params: [string, ParamSpec][];
  /** Param names and specs, in definition order. */
  paramNames: string[];
  paramSpecs: ParamSpec[];
  /** Every param at its default, in definition order: the template each node's params are cloned from. */
  defaults: Record<string, unknown>;
  /** Positions (in `paramNames`) of the seed params. */
  seedParams: number[];
  /** Names of multiple inputs (start as empty arrays). */
  multiple: string[];
  /** Names of inputs that must be connected. */
  required: string[];
  outputs: [string, PortSpec, PortTypeDef | undefined][];
  outputNames: string[];
  outputTypes: (PortTypeDef | undefined)[];
  /** Hash state after the definition's type, version and param names: where each node's cache key starts. */
  keyA: number;
  keyB: number;
}

const shapes = new WeakMap<NodeDef, DefShape>();
const hasher = new WordHasher();

/**
 * The hash state a cache key of node type `type` at `version` with these param names starts from
 * (also used for unknown types, with version 0 and no params).
 */
export function keyPrefix(type: string, version: number, paramNames: readonly string[]): [number, number] {
  hasher.start(0x6a09e667, 0xbb67ae85);
  hasher.text(type);
  hasher.value(version);
  hasher.word(paramNames.length);
  for (const name of paramNames) hasher.text(name);
  return [hasher.a, hasher.b];
}

/**
 * The shape of `def` (memoized per definition object).
 * @example
 * defShape(def, registry.portTypes).paramNames; // ['bias']
 */
export function defShape(def: NodeDef, types: PortTypeRegistry): DefShape {
  let shape = shapes.get(def);
  if (!shape) {
    const inputs = Object.entries(def.inputs);
    const params = Object.entries(def.params);
    const outputs = Object.entries(def.outputs).map(([name, spec]): [string, PortSpec, PortTypeDef | undefined] => [name, spec, types.get(spec.type)]);
    const paramNames = params.map(([name]) => name);
    const [keyA, keyB] = keyPrefix(def.type, def.version, paramNames);
    shape = {
      params,
      paramNames,
      paramSpecs: params.map(([, spec]) => spec),
      defaults: Object.fromEntries(params.map(([name, spec]) => [name, spec.default])),
      seedParams: params.flatMap(([, spec], k) => (spec.kind === 'seed' ? [k] : [])),
      multiple: inputs.filter(([, s]) => s.multiple).map(([name]) => name),
      required: inputs.filter(([, s]) => !s.optional && !s.multiple).map(([name]) => name),
      outputs,
      outputNames: outputs.map(([name]) => name),
      outputTypes: outputs.map(([, , type]) => type),
      keyA,
      keyB,
    };
    shapes.set(def, shape);
  }
  return shape;
}
