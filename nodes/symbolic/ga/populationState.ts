/**
 * The interactive GA's memory between renders, as compact text the UI keeps in ga.evolve's `state`
 * param: `ga1.<mode>.<steps>.<generation>.<genes>`, every gene two base64url characters.
 * Text in a param (not an edge) because render mode allows no feedback edges.
 */
import { HOLD, type GenomeMode } from './genome';
import type { Population } from './evolution';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const OFFSET = -HOLD;

/** A population shown to the listener, with its genome shape and generation number. */
export interface InteractiveState {
  mode: GenomeMode;
  generation: number;
  population: Population;
}

/**
 * Serializes a population to the state text.
 * @example
 * encodeState({ mode: 'melody', generation: 0, population }); // 'ga1.melody.16.0.BAB…'
 */
export function encodeState(state: InteractiveState): string {
  let genes = '';
  for (const g of state.population.genes) {
    const v = g + OFFSET;
    genes += ALPHABET[v >> 6] + ALPHABET[v & 63];
  }
  return `ga1.${state.mode}.${state.population.steps}.${state.generation}.${genes}`;
}

/** Parses state text; throws saying what is wrong (and that clearing the state restarts). */
export function decodeState(text: string): InteractiveState {
  const fail = (why: string): never => {
    throw new Error(`ga.evolve state: ${why}; clear the state param to start a new population`);
  };
  const [tag, mode, stepsText, genText, genes = ''] = text.trim().split('.');
  if (tag !== 'ga1') fail('not a ga.evolve state (expected it to start with "ga1.")');
  if (mode !== 'melody' && mode !== 'rhythm') fail(`unknown genome mode "${mode}"`);
  const steps = Number(stepsText);
  const generation = Number(genText);
  if (!Number.isInteger(steps) || steps < 1) fail(`bad step count "${stepsText}"`);
  if (!Number.isInteger(generation) || generation < 0) fail(`bad generation "${genText}"`);
  if (genes.length === 0 || genes.length % (2 * steps) !== 0) fail(`gene text length ${genes.length} is not a whole number of ${steps}-step genomes`);
  const values = new Int16Array(genes.length / 2);
  for (let i = 0; i < values.length; i++) {
    const hi = ALPHABET.indexOf(genes[2 * i]);
    const lo = ALPHABET.indexOf(genes[2 * i + 1]);
    const v = hi * 64 + lo - OFFSET;
    if (hi < 0 || lo < 0 || v < HOLD || v > 127) fail(`bad gene "${genes.slice(2 * i, 2 * i + 2)}" at gene ${i}`);
    values[i] = v;
  }
  return { mode: mode as GenomeMode, generation, population: { size: values.length / steps, steps, genes: values } };
}

/**
 * Parses ratings such as "3, 5, 1, 4": one non-negative number per candidate, in order.
 * @example
 * parseRatings('3,5 1', 3); // Float64Array [3, 5, 1]
 */
export function parseRatings(text: string, expected: number): Float64Array {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length !== expected) {
    throw new Error(`ga.evolve ratings: got ${parts.length} ratings for ${expected} candidates (give one number per candidate, e.g. "3,5,1,…")`);
  }
  return Float64Array.from(parts, (p, i) => {
    const v = Number(p);
    if (!Number.isFinite(v) || v < 0) throw new Error(`ga.evolve ratings: rating ${i + 1} "${p}" is not a number ≥ 0`);
    return v;
  });
}
