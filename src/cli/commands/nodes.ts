/** `genpatch nodes [--json]`: every node type with its ports, params and doc. */
import type { NodeDef } from '../../engine/node';
import type { ParamSpec } from '../../engine/params';
import type { NodeRegistry } from '../../engine/registry';

/** A node definition as plain JSON (what `--json` prints). */
export function describeNode(def: NodeDef): Record<string, unknown> {
  return {
    type: def.type, version: def.version, title: def.title, category: def.category, doc: def.doc,
    inputs: def.inputs, outputs: def.outputs, params: def.params, sink: Boolean(def.sink),
  };
}

function paramText(name: string, p: ParamSpec): string {
  const range = 'min' in p && (p.min !== undefined || p.max !== undefined) ? ` ${p.min ?? ''}..${p.max ?? ''}` : '';
  const options = p.kind === 'enum' ? ` {${p.options.join('|')}}` : '';
  return `${name}: ${p.kind}${range}${options} = ${JSON.stringify(p.default)}`;
}

/** Prints the node list as text or JSON. */
export function nodesCommand(registry: NodeRegistry, json: boolean, out: (line: string) => void): number {
  const defs = registry.list();
  if (json) {
    out(JSON.stringify(defs.map(describeNode), null, 2));
    return 0;
  }
  let category = '';
  for (const def of defs) {
    if (def.category !== category) {
      category = def.category;
      out(`\n## ${category}`);
    }
    out(`\n${def.type} — ${def.title} (v${def.version})`);
    const ports = (o: Record<string, { type: string; optional?: boolean; multiple?: boolean }>) =>
      Object.entries(o).map(([n, p]) => `${n}:${p.type}${p.multiple ? '[]' : ''}${p.optional ? '?' : ''}`).join(', ') || '—';
    out(`  in: ${ports(def.inputs)}   out: ${ports(def.outputs)}`);
    for (const [name, p] of Object.entries(def.params)) out(`  ${paramText(name, p)}`);
    out(`  ${def.doc}`);
  }
  out(`\n${defs.length} node types`);
  return 0;
}
