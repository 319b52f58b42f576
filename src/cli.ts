import { parseArgs } from 'node:util';
import { reportError } from './core/exit.js';
import { VERSION } from './core/version.js';

/**
 * The entry point. `ruapi explain` and `ruapi --version` are answered here without loading
 * commander (start-up is part of the design: explain should start about as fast as bare node);
 * everything else, and any explain call that needs help or has a flag this parser does not
 * know, goes to the full commander program, which also prints the usage errors.
 */
async function main(argv: string[]): Promise<void> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  const fast = argv[0] === 'explain' ? parseExplain(argv.slice(1)) : undefined;
  if (!fast) {
    const { main: runProgram } = await import('./program.js');
    return runProgram();
  }
  try {
    const { run } = await import('./commands/explain.js');
    process.exitCode = await run(fast.input, fast.opts, { isDebug: () => fast.opts.debug });
  } catch (err) {
    process.exitCode = reportError(err, fast.opts.debug);
  }
}

function parseExplain(args: string[]) {
  if (args.includes('-h') || args.includes('--help')) return undefined;
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean' }, debug: { type: 'boolean' }, 'no-color': { type: 'boolean' } },
    });
    return { input: positionals, opts: { json: values.json === true, color: values['no-color'] !== true, debug: values.debug === true } };
  } catch {
    return undefined; // commander says what was wrong, in its words
  }
}

void main(process.argv.slice(2));
