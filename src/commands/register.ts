import { InvalidArgumentError, Option, type Command } from 'commander';
import { CONFIG_FLAGS, DOCTOR_FLAGS, LANG_FLAG, type FlagSpec } from './flags.js';
import type { CommandContext } from './context.js';

export type { CommandContext } from './context.js';

/**
 * Every command, its flags and its examples. Implementations are loaded with `import()` only when
 * their command runs (each becomes its own chunk; see scripts/build.mjs). An implementation's
 * `run` returns the exit code; only the CLI sets it.
 */

/** A flag of flags.ts as a commander option. */
export function toOption(spec: FlagSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  const parse = spec.parse;
  if (parse) {
    option.argParser((text: string) => {
      const value = parse.value(text);
      if (value === undefined) throw new InvalidArgumentError(parse.invalid);
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
    .summary('explain an error code or a pasted error, offline')
    .description(
      'Explain a RuAPI error: give a code (401, 5xx, timeout, insufficient_quota …) or paste the error text.\n' +
        "With '-' or no argument and piped input, the text is read from standard input.",
    )
    .argument('[input...]', "a code, an error name, pasted error text, or '-' for standard input")
    .option('--json', 'print JSON: {matches: [...], input: {kind}}')
    // The program reads --lang (GLOBAL_FLAGS); explain's help shows it too, in its own words.
    .addOption(toOption({ ...LANG_FLAG, description: 'language of the explanation: en or ru (default: RUAPI_LANG, then the locale)' }))
    .addHelpText(
      'after',
      `
Examples:
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
      .summary('check your RuAPI set-up before a first request')
      .description(
        // One paragraph: commander wraps it to the terminal's width (a line break of our own left a short line).
        'Find your RuAPI configuration (flags, env vars, .env, Claude Code settings), check the key, base URL and ' +
          'model offline, then the live connection, and say what to change and where.',
      ),
  );
  for (const spec of DOCTOR_FLAGS) doctor.addOption(toOption(spec));
  doctor
    .addHelpText(
      'after',
      `
Examples:
  $ npx ruapi doctor
  $ ruapi doctor --offline                       no network, configuration only
  $ ruapi doctor --protocol anthropic --model claude-opus-4-8
  $ printf %s "$RUAPI_API_KEY" | ruapi doctor --key-stdin --base-url https://www.ruapi.ai/v1
  $ ruapi doctor --ci --json > doctor.json       a pipeline preflight
  $ ruapi doctor --ci --format junit --output ruapi.xml
  $ ruapi doctor --fix                           fix .env / Claude Code settings in place
  $ ruapi doctor --demo                          see it work against a local simulator`,
    )
    .action(async (opts) => {
      const { run } = await import('./doctor/index.js');
      process.exitCode = await run({ ...program.opts(), ...opts }, ctx);
    });

  program
    .command('models')
    .summary('list the model ids RuAPI accepts, with their upstream status')
    .argument('[filter]', 'only ids containing this text')
    .option('--retired', 'only the ids retired upstream, with their replacements: what to migrate from')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ ruapi models\n  $ ruapi models claude\n  $ ruapi models --retired\n  $ ruapi models gpt-4o --retired --json')
    .action(async (filter: string | undefined, opts) => {
      const { run } = await import('./models.js');
      process.exitCode = await run(filter, { ...program.opts(), ...opts }, ctx);
    });

  addConfigFlags(program.command('report').summary('a support report to paste into an email, key redacted')).addHelpText(
    'after',
    '\nExamples:\n  $ ruapi report > report.md\n  $ ruapi report --json',
  ).action(async (opts) => {
    const { run } = await import('./doctor/index.js');
    process.exitCode = await run({ ...program.opts(), ...opts, report: true }, ctx);
  });

  program
    .command('simulate')
    .summary('run a local RuAPI stand-in (both protocols) that fails on demand')
    .option('--port <port>', 'port on 127.0.0.1 (default: a free one)')
    .option('--fail <spec>', "faults: 429, 402, 401, 404-model, 500, 502, 503, 529, slow, stall, cut, reset; '429:0.3' a rate, '503,503,ok' a sequence")
    .option('--json', 'first line on stdout: {"openaiBaseUrl", "anthropicBaseUrl", "key", …}')
    .option('--unlisted <id...>', 'model ids it serves but leaves out of GET /v1/models')
    .addHelpText(
      'after',
      `
Examples:
  $ ruapi simulate
  $ ruapi simulate --fail 503,503,ok      the third try succeeds: test your retry loop
  $ ruapi simulate --fail 429:0.3         three requests in ten get a 429
  $ ruapi simulate --json --port 8787`,
    )
    .action(async (opts) => {
      const { run } = await import('./simulate.js');
      process.exitCode = await run({ ...program.opts(), ...opts }, ctx);
    });

  program
    .command('completion')
    .summary('print a shell completion script')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', '\nExamples:\n  $ ruapi completion bash >> ~/.bashrc\n  $ ruapi completion fish > ~/.config/fish/completions/ruapi.fish')
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
    .description('display help for command')
    .argument('[command]')
    .helpOption(false)
    .action(async (name: string | undefined) => {
      if (!name) return program.help();
      const command = program.commands.find((c) => c.name() === name);
      if (command) return command.help();
      // Loaded here only: models/suggest brings the model catalogue with it.
      const { editDistance } = await import('../models/suggest.js');
      const names = program.commands.map((c) => c.name()).filter((n) => n !== 'help');
      const near = names.filter((n) => editDistance(n, name, 2) <= 2 || n.startsWith(name));
      program.error(`error: unknown command '${name}'${near.length > 0 ? `\n(Did you mean ${near.join(' or ')}?)` : ''}`, { exitCode: 2, code: 'commander.unknownCommand' });
    });
}
