/** Ranks node definitions against a typed query (title, then type id, category and doc). */
import type { NodeDef } from '../../engine/node';

/**
 * Node definitions matching every word of `query`, best first; all of them for an empty query.
 * @example
 * searchNodes(registry.list(), 'markov')[0].type; // 'markov.train'
 */
export function searchNodes(defs: readonly NodeDef[], query: string): NodeDef[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...defs];
  const scored: { def: NodeDef; score: number }[] = [];
  for (const def of defs) {
    const title = def.title.toLowerCase();
    const type = def.type.toLowerCase();
    const rest = `${def.category} ${def.doc}`.toLowerCase();
    let score = 0;
    for (const w of words) {
      if (title.startsWith(w)) score += 8;
      else if (title.includes(w)) score += 5;
      else if (type.includes(w)) score += 4;
      else if (rest.includes(w)) score += 1;
      else { score = -1; break; }
    }
    if (score > 0) scored.push({ def, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.def.title.localeCompare(b.def.title)).map((s) => s.def);
}

/** Definitions grouped by category, categories sorted by name. */
export function byCategory(defs: readonly NodeDef[]): [string, NodeDef[]][] {
  const groups = new Map<string, NodeDef[]>();
  for (const d of defs) {
    const list = groups.get(d.category);
    if (list) list.push(d);
    else groups.set(d.category, [d]);
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}
