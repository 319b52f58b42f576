import { Command, CommanderError } from 'commander';
import { EXIT, reportError } from './core/exit.js';
import { VERSION } from './core/version.js';
import { GLOBAL_FLAGS } from './commands/flags.js';
import { registerCommands, toOption, type CommandContext } from './commands/register.js';

/**
 * Commander wiring only. Each command's code is imported when that command runs, so that
 * `ruapi explain` never pays for the doctor's HTTP client, schemas, prompts or spinners.
 */
const debug = process.argv.includes('--debug');

/** The whole command line as commander reads it (tests build their own to compare cli.ts's fast path with it). */
export function createProgram(ctx: CommandContext): Command {
  const program = new Command();
  program
    .name('ruapi')
    .description('Find out why a request to RuAPI fails, and what to change.')
    .version(VERSION, '-V, --version', 'print the version');
  for (const spec of GLOBAL_FLAGS) program.addOption(toOption(spec));
  program
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false })
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(s.replace(/^error: /, 'ruapi: ')),
    });

  program.addHelpText(
    'after',
    `
Examples:
  $ npx ruapi doctor                  check your set-up, then the live connection
  $ ruapi doctor --ci --json          a pipeline preflight: JSON on stdout, exit 1 on a problem
  $ ruapi explain 404                 what a 404 from RuAPI means and how to fix it
  $ pbpaste | ruapi explain           explain a pasted error (stack trace, JSON body, curl -i …)
  $ ruapi models claude               the model ids RuAPI accepts

Exit codes: 0 ok, 1 a problem was found or nothing matched, 2 usage error,
70 internal error, 130 interrupted.`,
  );

  registerCommands(program, ctx);
  return program;
}

export async function main(): Promise<void> {
  try {
    await createProgram({ isDebug: () => debug }).parseAsync(process.argv);
  } catch (err) {
    process.exitCode = exitCodeFor(err);
  }
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    // Commander has printed its one-line message already.
    process.stderr.write(`Run 'ruapi --help' for usage.\n`);
    return EXIT.usage;
  }
  return reportError(err, debug);
}
