/** Life-like rules (Conway's Game of Life and its relatives) in B/S notation, stepped on a torus. */

/** A parsed life-like rule: birth and survival counts of live Moore neighbours (0–8). */
export interface LifeRule {
  /** Normalized notation, e.g. "B3/S23". */
  name: string;
  birth: boolean[];
  survival: boolean[];
}

/** Names of the preset rules, plus 'custom' for a rule text. */
export const LIFE_PRESET_NAMES = ['life', 'highlife', 'seeds', 'day-and-night', 'life-without-death', 'maze', 'replicator', '2x2', 'custom'] as const;
/** One of LIFE_PRESET_NAMES. */
export type LifePresetName = (typeof LIFE_PRESET_NAMES)[number];

/** Named rules from the life-like family (Golly's names). */
export const LIFE_PRESETS: Record<Exclude<LifePresetName, 'custom'>, string> = {
  life: 'B3/S23',
  highlife: 'B36/S23',
  seeds: 'B2/S',
  'day-and-night': 'B3678/S34678',
  'life-without-death': 'B3/S012345678',
  maze: 'B3/S12345',
  replicator: 'B1357/S1357',
  '2x2': 'B36/S125',
};

/**
 * Parses "B3/S23" (also "b3/s23", "B36/S23", "B2/S", or the older survival/birth form "23/3").
 * @example
 * parseLifeRule('B36/S23').birth[6]; // true
 */
export function parseLifeRule(text: string): LifeRule {
  const clean = text.trim().replace(/\s+/g, '');
  let birthDigits: string;
  let survivalDigits: string;
  const bs = /^B([0-8]*)\/?S([0-8]*)$/i.exec(clean);
  const sb = /^S([0-8]*)\/?B([0-8]*)$/i.exec(clean);
  const old = /^([0-8]*)\/([0-8]*)$/.exec(clean);
  if (bs) [birthDigits, survivalDigits] = [bs[1], bs[2]];
  else if (sb) [survivalDigits, birthDigits] = [sb[1], sb[2]];
  else if (old) [survivalDigits, birthDigits] = [old[1], old[2]];
  else throw new Error(`"${text}" is not a life-like rule: write B then birth counts, / S then survival counts, e.g. B3/S23`);
  const birth = Array<boolean>(9).fill(false);
  const survival = Array<boolean>(9).fill(false);
  for (const d of birthDigits) birth[Number(d)] = true;
  for (const d of survivalDigits) survival[Number(d)] = true;
  const digits = (flags: boolean[]): string => flags.map((f, i) => (f ? String(i) : '')).join('');
  return { name: `B${digits(birth)}/S${digits(survival)}`, birth, survival };
}

/**
 * One generation of a life-like rule on a width × height torus (row-major cells, 0 or 1);
 * writes into `next` and returns its population.
 */
export function stepLife(rule: LifeRule, cur: Uint8Array, next: Uint8Array, width: number, height: number): number {
  const birth = rule.birth;
  const survival = rule.survival;
  let population = 0;
  for (let y = 0; y < height; y++) {
    const up = ((y + height - 1) % height) * width;
    const row = y * width;
    const down = ((y + 1) % height) * width;
    for (let x = 0; x < width; x++) {
      const left = x === 0 ? width - 1 : x - 1;
      const right = x === width - 1 ? 0 : x + 1;
      const n = cur[up + left] + cur[up + x] + cur[up + right]
        + cur[row + left] + cur[row + right]
        + cur[down + left] + cur[down + x] + cur[down + right];
      const alive = cur[row + x] === 1 ? survival[n] : birth[n];
      next[row + x] = alive ? 1 : 0;
      if (alive) population++;
    }
  }
  return population;
}
