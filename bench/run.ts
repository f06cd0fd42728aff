/**
 * The benchmark dispatcher: `npm run bench -- <name> [args…]` runs `bench/<name>.ts` in its own
 * Node process (through tsx) with the remaining arguments, and exits with its exit code. Any
 * `bench/*.ts` file is a benchmark — it runs when executed, no registration needed. With no name,
 * or an unknown one, it lists the benchmarks available.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));

/** Names of the benchmarks in bench/: every .ts file there except this dispatcher. */
function availableBenches(): string[] {
  return readdirSync(benchDir, { withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts') && f.name !== 'run.ts')
    .map((f) => f.name.slice(0, -'.ts'.length))
    .sort();
}

const [name, ...args] = process.argv.slice(2);
const benches = availableBenches();
if (!name || !benches.includes(name)) {
  if (name) console.error(`bench: no benchmark named "${name}" (no file bench/${name}.ts)`);
  console.log(`usage: npm run bench -- <name> [args…]\navailable: ${benches.join(', ') || '(none)'}`);
  process.exit(name ? 1 : 0);
}
const child = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, `${name}.ts`), ...args], { stdio: 'inherit' });
if (child.error) throw new Error(`bench: could not start ${name}: ${child.error.message}`);
process.exit(child.status ?? 1);
