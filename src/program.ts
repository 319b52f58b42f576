import { scrubKeys } from './core/redact.js';
import { Command, CommanderError, Option } from 'commander';
import { EXIT, reportError, usageHint } from './core/exit.js';
import { VERSION } from './core/version.js';
import { GLOBAL_FLAGS, langIn } from './commands/flags.js';
import { commanderError, configureHelpText } from './commands/help-text.js';
import { registerCommands, toOption, type CommandContext } from './commands/register.js';
import { CLI } from './lang/en/cli.js';
import { messages } from './lang/t.js';
import { useChosenLanguage } from './commands/language.js';

/**
 * Commander wiring only. Each command's code is imported when that command runs, so that
 * `ruapi explain` never pays for the doctor's HTTP client, schemas, prompts or spinners.
 */
const debug = process.argv.includes('--debug');
const t = messages(CLI);

/** The whole command line as commander reads it (tests build their own to compare cli.ts's fast path with it). */
export function createProgram(ctx: CommandContext): Command {
  const program = new Command();
  program
    .name('ruapi')
    .description(t('cli.program.description'))
    // -v as node, npm, yarn, pnpm, git and docker read it; -V, which ruapi had first, still works.
    .version(VERSION, '-v, --version', t('cli.program.version'))
    .addOption(new Option('-V').hideHelp());
  program.on('option:V', () => {
    process.stdout.write(`${VERSION}\n`);
    throw new CommanderError(EXIT.ok, 'commander.version', VERSION);
  });
  for (const spec of GLOBAL_FLAGS) program.addOption(toOption(spec));
  configureHelpText(program);
  program
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      // Commander quotes what was typed (`unknown command 'sk-…'`): scrubbed of anything key-shaped, as ruapi's own usage errors are.
      outputError: (s, write) => write(scrubKeys(commanderError(s))),
    });

  program.addHelpText('after', t('cli.program.after'));

  registerCommands(program, ctx);
  return program;
}

/** Bare `ruapi` (but for --debug, --no-color and --lang): the overview. */
function asksForNothing(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--lang') i++;
    else if (arg !== '--debug' && arg !== '--no-color' && !arg.startsWith('--lang=')) return false;
  }
  return true;
}

export async function main(): Promise<void> {
  const args = process.argv.slice(2);
  try {
    // The language of the run, chosen before commander builds a word of help. A bad --lang is a
    // UsageError, said in English: no language was chosen.
    await useChosenLanguage(langIn(args));
  } catch (err) {
    process.exitCode = reportError(err, debug, commandIn(createProgram({ isDebug: () => debug }), args));
    return;
  }
  const program = createProgram({ isDebug: () => debug });
  // Bare `ruapi` asked for nothing wrong: its help goes to stdout (commander sends it to stderr).
  if (asksForNothing(args)) {
    program.outputHelp();
    return;
  }
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    process.exitCode = exitCodeFor(err, commandIn(program, args));
  }
}

/** The command the line runs (the first word that names one), for the hint to its own help. */
function commandIn(program: Command, args: string[]): string | undefined {
  const word = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--lang');
  return word !== 'help' && program.commands.some((c) => c.name() === word) ? word : undefined;
}

function exitCodeFor(err: unknown, command: string | undefined): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    // Commander has printed its one-line message already.
    process.stderr.write(`${usageHint(command)}\n`);
    return EXIT.usage;
  }
  return reportError(err, debug, command);
}
