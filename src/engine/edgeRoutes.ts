/** How each edge delivers its value to the node it feeds, worked out once per pair of definitions at its ends. */
import type { NodeDef } from './node';
import type { Conversion, PortTypeRegistry } from './portTypes';
import type { GraphSpec } from './scheduler-types';

/** The edge feeds an input, one of several values of a multiple input, an exposed param, or nothing the node knows. */
export const DELIVER_INPUT = 0;
export const DELIVER_MULTIPLE = 1;
export const DELIVER_PARAM = 2;
export const DELIVER_NOTHING = 3;

/** One edge's delivery: which output it reads, where the value goes, the conversion on the way, or why the edge cannot work. */
export interface EdgeRoute {
  /** The output port read on the source node, and the input (or exposed param) it feeds. */
  fromPort: string;
  toPort: string;
  delivery: number;
  /** The declared conversion between the two port types, when they differ. */
  conversion: Conversion | null;
  /** Set when the types at the two ends have no conversion (the whole failure message). */
  error: string | null;
}

/**
 * Routes of a topology's edges (by edge index), each remembered with the two definitions it was
 * worked out for, so a route is recomputed only when a definition at one of its ends changes.
 * @example
 * const route = routes.get(k, fromDef, toDef);
 * if (route.conversion) value = route.conversion.convert(value);
 */
export class EdgeRoutes {
  /** Per edge, side by side: its route and the two definitions it was worked out for. */
  private entries: (EdgeRoute | NodeDef | undefined)[];

  constructor(private edges: readonly GraphSpec['edges'][number][], private types: PortTypeRegistry) {
    this.entries = new Array(edges.length * 3).fill(undefined);
  }

  /** The route of edge `k` from a node of `fromDef` into a node of `toDef`. */
  get(k: number, fromDef: NodeDef | undefined, toDef: NodeDef): EdgeRoute {
    const at = k * 3;
    const known = this.entries[at] as EdgeRoute | undefined;
    if (known && this.entries[at + 1] === fromDef && this.entries[at + 2] === toDef) return known;
    const route = this.work(this.edges[k], fromDef, toDef);
    this.entries[at] = route;
    this.entries[at + 1] = fromDef;
    this.entries[at + 2] = toDef;
    return route;
  }

  private work(edge: GraphSpec['edges'][number], fromDef: NodeDef | undefined, toDef: NodeDef): EdgeRoute {
    const fromPort = edge.from.port;
    const port = edge.to.port;
    const fromType = fromDef?.outputs[fromPort]?.type;
    const inSpec = toDef.inputs[port];
    const isParam = !inSpec && !!toDef.params[port];
    const toType = inSpec?.type ?? (isParam ? undefined : 'any');
    const delivery = inSpec ? (inSpec.multiple ? DELIVER_MULTIPLE : DELIVER_INPUT) : isParam ? DELIVER_PARAM : DELIVER_NOTHING;
    let conversion: Conversion | null = null;
    let error: string | null = null;
    if (fromType && toType && fromType !== toType && toType !== 'any' && fromType !== 'any') {
      conversion = this.types.conversion(fromType, toType) ?? null;
      if (!conversion) error = `input "${port}": ${fromType} from ${edge.from.node} cannot feed a ${toType} input`;
    }
    return { fromPort, toPort: port, delivery, conversion, error };
  }
}
