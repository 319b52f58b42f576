import { CLI_EXPLAIN } from './cli-explain.js';
import { CLI_MODELS } from './cli-models.js';
import { CLI_SIMULATE } from './cli-simulate.js';

/**
 * The English messages of the command line (see src/lang/t.ts): the program's help, the flags,
 * commander's own messages, and, spread in from files of their own so that each command's chunk
 * holds only its words, explain's usage errors, the models list and the simulator.
 */
export const CLI = {
  'cli.program.description': 'Find out why a request to RuAPI fails, and what to change.',
  'cli.program.version': 'print the version',
  'cli.program.after': `
Examples:
  $ npx ruapi doctor                  check your set-up, then the live connection
  $ ruapi doctor --ci --json          a pipeline preflight: JSON on stdout, exit 1 on a problem
  $ ruapi explain 404                 what a 404 from RuAPI means and how to fix it
  $ pbpaste | ruapi explain           explain a pasted error (stack trace, JSON body, curl -i …)
  $ ruapi models claude               the model ids RuAPI accepts

Exit codes: 0 ok, 1 a problem was found or nothing matched, 2 usage error,
70 internal error, 130 interrupted.`,

  /** commander's help: its headings, the help option and command, the notes after a description. */
  'cli.help.usage': 'Usage:',
  'cli.help.options': 'Options:',
  'cli.help.global-options': 'Global Options:',
  'cli.help.arguments': 'Arguments:',
  'cli.help.commands': 'Commands:',
  'cli.help.examples': 'Examples:',
  'cli.help.options-token': '[options]',
  'cli.help.command-token': '[command]',
  'cli.help.help': 'display help for command',
  'cli.help.choices': 'choices: {choices}',
  'cli.help.default': 'default: {value}',

  /** commander's usage errors (the English is commander's own, byte for byte). */
  'cli.error.unknown-option': "unknown option '{flag}'",
  'cli.error.unknown-command': "unknown command '{name}'",
  'cli.error.did-you-mean': '(Did you mean {name}?)',
  'cli.error.did-you-mean-one-of': '(Did you mean one of {names}?)',
  'cli.error.choices': "option '{flags}' argument '{value}' is invalid. Allowed choices are {choices}.",
  'cli.error.invalid': "option '{flags}' argument '{value}' is invalid. {reason}",
  'cli.error.option-missing': "option '{flags}' argument missing",
  'cli.error.argument-missing': "missing required argument '{name}'",
  'cli.error.too-many': { one: 'too many arguments. Expected {n} argument but got {got}.', other: 'too many arguments. Expected {n} arguments but got {got}.' },
  'cli.error.too-many-for': { one: "too many arguments for '{command}'. Expected {n} argument but got {got}.", other: "too many arguments for '{command}'. Expected {n} arguments but got {got}." },

  /** The flags (src/commands/flags.ts). */
  'cli.flag.debug': 'print stack traces of internal errors',
  'cli.flag.no-color': 'no colour in output (NO_COLOR and FORCE_COLOR are honoured too)',
  'cli.flag.lang': 'language of the output: en or ru (default: RUAPI_LANG, then the locale)',
  'cli.flag.protocol': 'which protocol to check',
  'cli.flag.base-url': 'base URL to check (overrides env and files)',
  'cli.flag.key': 'key to check (lands in shell history: prefer --key-stdin or an env var)',
  'cli.flag.key-stdin': 'read the key from standard input',
  'cli.flag.model': 'model id to check',
  'cli.flag.env-file': 'read this .env file instead of ./.env',
  'cli.flag.offline': 'no network: check the configuration only',
  'cli.flag.no-probe': 'skip the tiny paid request (max_tokens 1) that proves key, model and balance',
  'cli.flag.stream': 'also check a streaming request',
  'cli.flag.timeout': 'time limit for the whole live check (default 25)',
  'cli.flag.timeout.invalid': 'expected a number of seconds above 0 and at most 3600, such as 25 or 0.5.',
  'cli.flag.allow-host': 'allow sending the key to this non-RuAPI host (repeatable)',
  'cli.flag.client': 'check this client only, found or not (claude-code, codex, openai-python … : see README)',
  'cli.flag.allow-key-helper': "run Claude Code's apiKeyHelper to check the key it prints (asked on a terminal)",
  'cli.flag.ci': 'never prompt, never animate (the default when stdin is not a terminal)',
  'cli.flag.json': 'print only JSON on stdout',
  'cli.flag.strict': 'fail on warnings too',
  'cli.flag.verbose': 'show passing checks and the resolved configuration',
  'cli.flag.fix': 'apply the fixes to the files the bad values came from (asks first)',
  'cli.flag.yes': 'with --fix: apply without asking',
  'cli.flag.report': 'print a support report (Markdown) instead of the findings',
  'cli.flag.format': 'output format',
  'cli.flag.output': 'also write the chosen format to this file',
  'cli.flag.demo': 'run the doctor against a local simulator: once set up right, once broken',

  /** The commands (src/commands/register.ts). */
  'cli.explain.summary': 'explain an error code or a pasted error, offline',
  'cli.explain.description':
    'Explain a RuAPI error: give a code (401, 5xx, timeout, insufficient_quota …) or paste the error text.\n' +
    "With '-' or no argument and piped input, the text is read from standard input.",
  'cli.explain.input': "a code, an error name, pasted error text, or '-' for standard input",
  'cli.explain.json': 'print JSON: {matches: [...], input: {kind}}',
  'cli.explain.lang': 'language of the explanation: en or ru (default: RUAPI_LANG, then the locale)',
  'cli.doctor.summary': 'check your RuAPI set-up before a first request',
  // One paragraph: commander wraps it to the terminal's width (a line break of our own left a short line).
  'cli.doctor.description':
    'Find your RuAPI configuration (flags, env vars, .env, Claude Code settings), check the key, base URL and ' +
    'model offline, then the live connection, and say what to change and where.',
  'cli.doctor.examples': `
Examples:
  $ npx ruapi doctor
  $ ruapi doctor --offline                       no network, configuration only
  $ ruapi doctor --protocol anthropic --model claude-opus-4-8
  $ printf %s "$RUAPI_API_KEY" | ruapi doctor --key-stdin --base-url https://www.ruapi.ai/v1
  $ ruapi doctor --ci --json > doctor.json       a pipeline preflight
  $ ruapi doctor --ci --format junit --output ruapi.xml
  $ ruapi doctor --fix                           fix .env / Claude Code settings in place
  $ ruapi doctor --demo                          see it work against a local simulator`,
  'cli.models.summary': 'list the model ids RuAPI accepts, with their upstream status',
  'cli.models.filter': 'only ids containing this text',
  'cli.models.retired-flag': 'only the ids retired upstream, with their replacements: what to migrate from',
  'cli.models.json': 'print JSON',
  'cli.report.summary': 'a support report to paste into an email, key redacted',
  'cli.simulate.summary': 'run a local RuAPI stand-in (both protocols) that fails on demand',
  'cli.simulate.port': 'port on 127.0.0.1 (default: a free one)',
  'cli.simulate.fail': "faults: 429, 402, 401, 404-model, 500, 502, 503, 529, slow, stall, cut, reset; '429:0.3' a rate, '503,503,ok' a sequence",
  'cli.simulate.json': 'first line on stdout: {"openaiBaseUrl", "anthropicBaseUrl", "key", …}',
  'cli.simulate.unlisted': 'model ids it serves but leaves out of GET /v1/models',
  'cli.simulate.examples': `
Examples:
  $ ruapi simulate
  $ ruapi simulate --fail 503,503,ok      the third try succeeds: test your retry loop
  $ ruapi simulate --fail 429:0.3         three requests in ten get a 429
  $ ruapi simulate --json --port 8787`,
  'cli.completion.summary': 'print a shell completion script',
  'cli.completion.shell': 'bash, zsh or fish',
  'cli.completion.unknown-shell': "no completion for shell '{shell}': choose {shells}.",
  'cli.completion.load-bash': '{name} completion for bash. Load it with: source <({name} completion bash)',
  'cli.completion.load-zsh': '{name} completion for zsh. Load it with: source <({name} completion zsh)',
  'cli.completion.save-zsh': 'or save it as _{name} in a directory on your $fpath.',
  'cli.completion.save-fish': '{name} completion for fish. Save it as ~/.config/fish/completions/{name}.fish',
  ...CLI_EXPLAIN,
  ...CLI_MODELS,
  ...CLI_SIMULATE,
} as const;
