/**
 * Sorting the positions of a state sequence by their contexts read backwards (the state just
 * before, then the one before that…), as suffix sorting does for suffix arrays: afterwards every
 * context is one contiguous run of positions, which is what buildContextTrie needs. An LSD radix
 * sort, several context steps per counting-sort pass while the bucket table stays small.
 */

/**
 * Context steps sorted per pass: the most whose combined digits (radix^steps) fit in `bucketBudget`
 * buckets, at least one.
 */
function stepsPerPass(radix: number, order: number, bucketBudget: number): number {
  let steps = 1;
  while (steps < order && radix ** (steps + 1) <= bucketBudget) steps++;
  return steps;
}

/**
 * Positions 0…n−1 of `states` sorted by context: position t's context is states[t−1], states[t−2],
 * … states[t−contextLength[t]] compared step by step, a shorter context before any longer one
 * that starts with it. Equal contexts keep position order (the sort is stable).
 * `bucketBudget` bounds the counting-sort table (more buckets, fewer passes); the order is the same
 * for any value.
 * @example
 * sortContexts(Int32Array.from([1, 0, 1]), Uint8Array.from([0, 1, 1]), 2, 1, 1 << 16); // [0, 2, 1]
 */
export function sortContexts(
  states: Int32Array, contextLength: Uint8Array, vocabSize: number, order: number, bucketBudget: number,
): Int32Array {
  const n = states.length;
  const radix = vocabSize + 1; // digit 0: the context ended (sorts first)
  const perPass = stepsPerPass(radix, order, bucketBudget);
  let sorted = new Int32Array(n);
  let spare = new Int32Array(n);
  const keys = new Int32Array(n);
  let first = true;
  // Least significant (oldest) steps first: steps lo…hi of the context in this pass.
  for (let hi = order; hi >= 1; hi -= perPass) {
    const lo = Math.max(1, hi - perPass + 1);
    const buckets = radix ** (hi - lo + 1);
    const start = new Int32Array(buckets + 1);
    for (let t = 0; t < n; t++) {
      const len = contextLength[t];
      let key = 0;
      for (let j = lo; j <= hi; j++) key = key * radix + (j <= len ? states[t - j] + 1 : 0);
      keys[t] = key;
      start[key + 1]++;
    }
    for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
    if (first) {
      for (let t = 0; t < n; t++) sorted[start[keys[t]]++] = t;
      first = false;
    } else {
      for (let i = 0; i < n; i++) {
        const t = sorted[i];
        spare[start[keys[t]]++] = t;
      }
      [sorted, spare] = [spare, sorted];
    }
  }
  if (first) for (let t = 0; t < n; t++) sorted[t] = t;
  return sorted;
}
