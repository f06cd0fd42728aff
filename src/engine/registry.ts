/** A node registry: the set of node definitions one editor, Worker or CLI works with (passed in, never global). */
import type { NodeDef } from './node';
import { paramPortType } from './params';
import { PortTypeRegistry } from './portTypes';

/** Node definitions by type id, plus the port types they use. */
export class NodeRegistry {
  private defs = new Map<string, NodeDef>();
  readonly portTypes: PortTypeRegistry;

  constructor(defs: NodeDef[] = [], portTypes: PortTypeRegistry = new PortTypeRegistry()) {
    this.portTypes = portTypes;
    for (const d of defs) this.add(d);
  }

  /** Adds a definition; a duplicate type id is an error. */
  add(def: NodeDef): void {
    if (this.defs.has(def.type)) throw new Error(`node type "${def.type}" is registered twice`);
    for (const [name, port] of [...Object.entries(def.inputs), ...Object.entries(def.outputs)]) {
      if (!this.portTypes.get(port.type)) throw new Error(`node type "${def.type}" port "${name}": unknown port type "${port.type}"`);
    }
    this.defs.set(def.type, def);
  }

  /** The definition of a type id, or undefined for an unknown type. */
  get(type: string): NodeDef | undefined {
    return this.defs.get(type);
  }

  /** All definitions, sorted by category then title. */
  list(): NodeDef[] {
    return [...this.defs.values()].sort((a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title));
  }

  /** The type of input port `port` of `def`, counting exposed params (`exposed` lists param names). */
  inputType(def: NodeDef, port: string, exposed: readonly string[] = []): string | undefined {
    if (def.inputs[port]) return def.inputs[port].type;
    if (exposed.includes(port) && def.params[port]) return paramPortType(def.params[port]);
    return undefined;
  }
}
