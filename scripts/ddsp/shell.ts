/** Running the command-line tools the DDSP scripts need (sox, fluidsynth), with errors that say which and why. */
import { spawnSync } from 'node:child_process';

/**
 * Runs `command` with `args`; throws with its output when it fails or is missing.
 * @example
 * run('sox', ['in.flac', 'out.wav']);
 */
export function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${command}: ${r.error.message} (install it: apt-get install ${command === 'fluidsynth' ? 'fluidsynth fluid-soundfont-gm' : command})`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}${r.stdout}`);
}
