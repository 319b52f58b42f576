import { Help, type Command, type Option } from 'commander';
import { CLI } from '../lang/en/cli.js';
import { language, messages } from '../lang/t.js';

/**
 * commander's own words in the language of the run: the help's headings and notes, and its usage
 * errors. English is commander's text as it is (these messages are commander's, byte for byte);
 * another language rewrites it. program.ts configures them once, before any command is added, so
 * that every command inherits them.
 */
const t = messages(CLI);

/** The help of `program` and of every command added to it after this call. */
export function configureHelpText(program: Command): void {
  const titles: Record<string, string> = {
    'Usage:': t('cli.help.usage'),
    'Options:': t('cli.help.options'),
    'Global Options:': t('cli.help.global-options'),
    'Arguments:': t('cli.help.arguments'),
    'Commands:': t('cli.help.commands'),
  };
  const tokens = (text: string) => text.replace(/\[options\]/g, t('cli.help.options-token')).replace(/\[command\]/g, t('cli.help.command-token'));
  program.configureHelp({
    sortSubcommands: false,
    styleTitle: (title: string) => titles[title] ?? title,
    commandUsage: (cmd: Command) => tokens(Help.prototype.commandUsage.call(new Help(), cmd)),
    subcommandTerm: (cmd: Command) => tokens(Help.prototype.subcommandTerm.call(new Help(), cmd)),
    optionDescription,
  });
  program.helpOption('-h, --help', t('cli.help.help'));
}

/** As commander's own (choices, then a default a user sets), in the language of the run. */
function optionDescription(option: Option): string {
  if (option.presetArg !== undefined || option.envVar !== undefined) return Help.prototype.optionDescription.call(new Help(), option);
  const extra: string[] = [];
  if (option.argChoices) extra.push(t('cli.help.choices', { choices: option.argChoices.map((choice) => JSON.stringify(choice)).join(', ') }));
  const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
  if (option.defaultValue !== undefined && showDefault) extra.push(t('cli.help.default', { value: option.defaultValueDescription || JSON.stringify(option.defaultValue) }));
  if (extra.length === 0) return option.description;
  return option.description ? `${option.description} (${extra.join(', ')})` : `(${extra.join(', ')})`;
}

/** commander's messages, as it words them, and the message of each in the language of the run. */
const ERRORS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^unknown option '(.*)'$/s, (m) => t('cli.error.unknown-option', { flag: m[1]! })],
  [/^unknown command '(.*)'$/s, (m) => t('cli.error.unknown-command', { name: m[1]! })],
  [/^option '(.*?)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, (m) => t('cli.error.choices', { flags: m[1]!, value: m[2]!, choices: m[3]! })],
  [/^option '(.*?)' argument '(.*)' is invalid\. (.*)$/s, (m) => t('cli.error.invalid', { flags: m[1]!, value: m[2]!, reason: m[3]! })],
  [/^option '(.*?)' argument missing$/s, (m) => t('cli.error.option-missing', { flags: m[1]! })],
  [/^missing required argument '(.*)'$/s, (m) => t('cli.error.argument-missing', { name: m[1]! })],
  [/^too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/s, (m) => t('cli.error.too-many-for', { command: m[1]!, n: Number(m[2]), got: m[3]! })],
  [/^too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/s, (m) => t('cli.error.too-many', { n: Number(m[1]), got: m[2]! })],
];

/**
 * One of commander's error lines (`error: unknown option '--bogus'`, perhaps with its
 * `(Did you mean …?)` line) in the language of the run, `ruapi: ` in place of `error: `.
 * English, and anything commander says that is not listed here, stays as commander wrote it.
 */
export function commanderError(text: string): string {
  const english = text.replace(/^error: /, 'ruapi: ');
  if (language() === 'en') return english;
  const [, body = '', suggestion, end = ''] = /^error: ([\s\S]*?)(?:\n\(Did you mean ([\s\S]*)\?\))?(\n*)$/.exec(text) ?? [];
  const found = ERRORS.map(([re, say]) => [re.exec(body), say] as const).find(([m]) => m);
  if (!found) return english;
  const [m, say] = found;
  // commander lists several as `one of a, b`; `ruapi help` as `a or b`.
  const several = suggestion?.startsWith('one of ') ? suggestion.slice('one of '.length) : suggestion?.includes(' or ') ? suggestion.split(' or ').join(', ') : undefined;
  const near = suggestion === undefined ? '' : `\n${several ? t('cli.error.did-you-mean-one-of', { names: several }) : t('cli.error.did-you-mean', { name: suggestion })}`;
  return `ruapi: ${say(m!)}${near}${end}`;
}
