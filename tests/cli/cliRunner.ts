/** Runs the real `genpatch` bin in a child process for CLI tests. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Exit code and output of one CLI run. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = resolve(__dirname, '../../bin/genpatch.js');

/** Runs `genpatch ...args` and captures its output. */
export function runCli(args: string[], cwd = process.cwd()): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
