import { InvalidArgumentError, Option, type Command } from 'commander';
import { CONFIG_FLAGS, DOCTOR_FLAGS, LANG_FLAG, type FlagSpec } from './flags.js';
import type { CommandContext } from './context.js';
import { editDistance } from '../core/edit-distance.js';
import { CLI } from '../lang/en/cli.js';
import { messages } from '../lang/t.js';

const t = messages(CLI);

export type { CommandContext } from './context.js';

/**
 * Every command, its flags and its examples. Implementations are loaded with `import()` only when
 * their command runs (each becomes its own chunk; see scripts/build.mjs). An implementation's
 * `run` returns the exit code; only the CLI sets it.
 */

/** A flag of flags.ts as a commander option. */
export function toOption(spec: FlagSpec): Option {
  const option = new Option(spec.flags, t(spec.description));
  if (spec.choices) option.choices(spec.choices);
  const parse = spec.parse;
  if (parse) {
    option.argParser((text: string) => {
      const value = parse.value(text);
      if (value === undefined) throw new InvalidArgumentError(t(parse.invalid));
      return value;
    });
  }
  if (spec.repeatable) option.default([]).argParser((value: string, previous: string[] = []) => [...previous, value]);
  return option;
}

/** Flags that say which configuration to check: shared by doctor and report. */
function addConfigFlags(cmd: Command): Command {
  for (const spec of CONFIG_FLAGS) cmd.addOption(toOption(spec));
  return cmd;
}

export function registerCommands(program: Command, ctx: CommandContext): void {
  program
    .command('explain')
    .summary(t('cli.explain.summary'))
    .description(t('cli.explain.description'))
    .argument('[input...]', t('cli.explain.input'))
    .option('--json', t('cli.explain.json'))
    // The program reads --lang (GLOBAL_FLAGS); explain's help shows it too, in its own words.
    .addOption(toOption({ ...LANG_FLAG, description: 'cli.explain.lang' }))
    .addHelpText(
      'after',
      `
${t('cli.help.examples')}
  $ ruapi explain 401
  $ ruapi explain 5xx
  $ ruapi explain insufficient_quota
  $ ruapi explain "Error code: 404 - {'error': {'message': 'model not found'}}"
  $ python app.py 2>&1 | ruapi explain
  $ ruapi explain - < error.log
  $ ruapi explain 429 --json | jq '.matches[0].fix'`,
    )
    .action(async (input: string[], opts) => {
      const { run } = await import('./explain.js');
      process.exitCode = await run(input, { ...program.opts(), ...opts }, ctx);
    });

  const doctor = addConfigFlags(
    program
      .command('doctor')
      .summary(t('cli.doctor.summary'))
      .description(t('cli.doctor.description')),
  );
  for (const spec of DOCTOR_FLAGS) doctor.addOption(toOption(spec));
  doctor
    .addHelpText('after', t('cli.doctor.examples'))
    .action(async (opts) => {
      const { run } = await import('./doctor/index.js');
      process.exitCode = await run({ ...program.opts(), ...opts }, ctx);
    });

  program
    .command('models')
    .summary(t('cli.models.summary'))
    .argument('[filter]', t('cli.models.filter'))
    .option('--retired', t('cli.models.retired-flag'))
    .option('--json', t('cli.models.json'))
    .addHelpText('after', `\n${t('cli.help.examples')}\n  $ ruapi models\n  $ ruapi models claude\n  $ ruapi models --retired\n  $ ruapi models gpt-4o --retired --json`)
    .action(async (filter: string | undefined, opts) => {
      const { run } = await import('./models.js');
      process.exitCode = await run(filter, { ...program.opts(), ...opts }, ctx);
    });

  addConfigFlags(program.command('report').summary(t('cli.report.summary'))).addHelpText(
    'after',
    `\n${t('cli.help.examples')}\n  $ ruapi report > report.md\n  $ ruapi report --json`,
  ).action(async (opts) => {
    const { run } = await import('./doctor/index.js');
    process.exitCode = await run({ ...program.opts(), ...opts, report: true }, ctx);
  });

  program
    .command('simulate')
    .summary(t('cli.simulate.summary'))
    .option('--port <port>', t('cli.simulate.port'))
    .option('--fail <spec>', t('cli.simulate.fail'))
    .option('--json', t('cli.simulate.json'))
    .option('--unlisted <id...>', t('cli.simulate.unlisted'))
    .addHelpText('after', t('cli.simulate.examples'))
    .action(async (opts) => {
      const { run } = await import('./simulate.js');
      process.exitCode = await run({ ...program.opts(), ...opts }, ctx);
    });

  program
    .command('completion')
    .summary(t('cli.completion.summary'))
    .argument('<shell>', t('cli.completion.shell'))
    .addHelpText('after', `\n${t('cli.help.examples')}\n  $ ruapi completion bash >> ~/.bashrc\n  $ ruapi completion fish > ~/.config/fish/completions/ruapi.fish`)
    .action(async (shell: string) => {
      const { run } = await import('./completion.js');
      process.exitCode = await run(shell, program);
    });

  registerHelp(program);
}

/**
 * `ruapi help [command]` in place of commander's own, which answers an unknown name with the
 * top-level help and exit 0: here it is a usage error with a did-you-mean, as `ruapi docter` is.
 */
function registerHelp(program: Command): void {
  program
    .command('help')
    .description(t('cli.help.help'))
    .argument('[command]')
    .helpOption(false)
    .action((name: string | undefined) => {
      if (!name) return program.help();
      const command = program.commands.find((c) => c.name() === name);
      if (command) return command.help();
      const names = program.commands.map((c) => c.name()).filter((n) => n !== 'help');
      const near = names.filter((n) => editDistance(n, name, 2) <= 2 || n.startsWith(name));
      program.error(`error: unknown command '${name}'${near.length > 0 ? `\n(Did you mean ${near.join(' or ')}?)` : ''}`, { exitCode: 2, code: 'commander.unknownCommand' });
    });
}
