/** L-systems (Lindenmayer 1968): parallel rewriting of a string by context-free rules. */

/**
 * Parses rules such as "A=AB;B=A" (also "A->AB", one per line or separated by ';' or ',').
 * Each left side is one symbol; a symbol without a rule is copied unchanged.
 * @example
 * parseRules('A=AB; B=A').get('A'); // "AB"
 */
export function parseRules(text: string, node: string): Map<string, string> {
  const rules = new Map<string, string>();
  const items = text.split(/[;\n,]+/).map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    const m = /^(\S)\s*(?:=|->|→)\s*(\S*)$/.exec(item);
    if (!m) throw new Error(`${node}: rule "${item}" should look like A=AB (one symbol, =, its replacement)`);
    if (rules.has(m[1])) throw new Error(`${node}: symbol "${m[1]}" has two rules`);
    rules.set(m[1], m[2]);
  }
  return rules;
}

/** The result of rewriting: the final string and whether it was cut at the size limit. */
export interface Derivation {
  text: string;
  truncated: boolean;
}

/**
 * Applies the rules to every symbol at once, `iterations` times, stopping at `maxLength` symbols.
 * @example
 * derive('A', parseRules('A=AB;B=A', 'x'), 4, 1000).text; // "ABAABABA" (Fibonacci word)
 */
export function derive(axiom: string, rules: Map<string, string>, iterations: number, maxLength: number): Derivation {
  let text = axiom;
  for (let i = 0; i < iterations; i++) {
    let next = '';
    for (const symbol of text) {
      next += rules.get(symbol) ?? symbol;
      if (next.length > maxLength) return { text: next.slice(0, maxLength), truncated: true };
    }
    text = next;
  }
  return { text, truncated: false };
}
