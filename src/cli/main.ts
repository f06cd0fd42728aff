/** The `genpatch` command line: render, validate, nodes. User mistakes print one line, never a stack. */
import { parseArgs } from 'node:util';
import { createRegistry } from '../../nodes/index';
import { nodesCommand } from './commands/nodes';
import { renderCommand } from './commands/render';
import { validateCommand } from './commands/validate';
import { UserError } from './errors';

const USAGE = `usage:
  genpatch render PATCH --out FILE.wav [--midi FILE.mid] [--exports DIR] [--seed N]
  genpatch validate PATCH...
  genpatch nodes [--json]`;

/** Runs one CLI invocation; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const [command, ...rest] = argv;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        midi: { type: 'string' },
        exports: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (!command || command === 'help' || command === '--help' || values.help) {
      out(USAGE);
      return command ? 0 : 2;
    }
    const registry = createRegistry();
    switch (command) {
      case 'render': {
        if (positionals.length !== 1) throw new UserError(`render takes one patch file\n${USAGE}`, 2);
        let seed: number | undefined;
        if (values.seed !== undefined) {
          seed = Number(values.seed);
          if (!Number.isInteger(seed)) throw new UserError(`--seed ${values.seed}: expected an integer`, 2);
        }
        return await renderCommand(positionals[0], { out: values.out, midi: values.midi, exports: values.exports, seed }, registry, err);
      }
      case 'validate':
        if (!positionals.length) throw new UserError(`validate takes one or more patch files\n${USAGE}`, 2);
        return validateCommand(positionals, registry, out);
      case 'nodes':
        return nodesCommand(registry, Boolean(values.json), out);
      default:
        throw new UserError(`unknown command "${command}"\n${USAGE}`, 2);
    }
  } catch (e) {
    if (e instanceof UserError) {
      err(`genpatch: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`genpatch: ${e.message}\n${USAGE}`);
      return 2;
    }
    err(`genpatch: internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.GENPATCH_DEBUG) console.error(e);
    return 70;
  }
}

if (process.argv[1] && /main\.ts$|genpatch(\.js)?$/.test(process.argv[1])) {
  // Exit only once stdout has drained: a pipe write is asynchronous and process.exit would cut it.
  main(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.exit(code)));
}
