/** Per-definition facts the scheduler needs on every run, computed once per NodeDef instead of per node per evaluation. */
import type { NodeDef, PortSpec } from './node';
import type { ParamSpec } from './params';
import type { PortTypeDef, PortTypeRegistry } from './portTypes';

/** A node definition's params, inputs and outputs as arrays, with output port types resolved. */
export interface DefShape {
  params: [string, ParamSpec][];
  /** Names of multiple inputs (start as empty arrays). */
  multiple: string[];
  /** Names of inputs that must be connected. */
  required: string[];
  outputs: [string, PortSpec, PortTypeDef | undefined][];
}

const shapes = new WeakMap<NodeDef, DefShape>();

/** The shape of `def` (memoized per definition object). */
export function defShape(def: NodeDef, types: PortTypeRegistry): DefShape {
  let shape = shapes.get(def);
  if (!shape) {
    const inputs = Object.entries(def.inputs);
    shape = {
      params: Object.entries(def.params),
      multiple: inputs.filter(([, s]) => s.multiple).map(([name]) => name),
      required: inputs.filter(([, s]) => !s.optional && !s.multiple).map(([name]) => name),
      outputs: Object.entries(def.outputs).map(([name, spec]) => [name, spec, types.get(spec.type)]),
    };
    shapes.set(def, shape);
  }
  return shape;
}
