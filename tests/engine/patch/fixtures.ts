/** Reading the patch fixtures of tests/fixtures/patches. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../fixtures/patches/', import.meta.url));

/** The text of tests/fixtures/patches/<kind>/<name>.genpatch.json. */
export function fixture(kind: 'good' | 'bad', name: string): string {
  return readFileSync(`${root}${kind}/${name}.genpatch.json`, 'utf8');
}

/** The fixture names (without extension) of one folder. */
export function fixtureNames(kind: 'good' | 'bad'): string[] {
  return readdirSync(`${root}${kind}`).filter((f) => f.endsWith('.genpatch.json')).map((f) => f.replace('.genpatch.json', '')).sort();
}
