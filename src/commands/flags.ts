import type { CLI } from '../lang/en/cli.js';
import { FORMAT_NAMES } from '../report/format-names.js';

/**
 * The flags of `doctor`, `report` and the whole CLI, as data. register.ts and program.ts turn them
 * into commander options (help text and usage errors come from there); cli.ts reads a plain
 * `ruapi doctor …` with readFlags() below without loading commander, and hands anything it is
 * unsure of to commander. One table for both, so that the two readings cannot drift apart.
 * Nothing here may import commander: launch.ts bundles this file.
 */
export interface FlagSpec {
  /** As commander writes it: `--name`, `--no-name` (defaults to true) or `--name <value>`. */
  flags: string;
  /** The id of its description in src/lang/en/cli.ts: the words load only with commander, for the help. */
  description: keyof typeof CLI;
  /** The only values accepted. */
  choices?: readonly string[];
  /** Turns the value into what the command gets; `undefined` means invalid, and commander says `invalid` about it. */
  parse?: { value: (text: string) => unknown; invalid: keyof typeof CLI };
  /** Each use adds a value to a list, which starts empty. */
  repeatable?: boolean;
}

const seconds = (value: string) => {
  const n = Number(value);
  return /^\d+(\.\d+)?$/.test(value.trim()) && Number.isFinite(n) && n > 0 && n <= 3600 ? n : undefined;
};

/**
 * --lang: the language of every command's human output. One definition: the program reads it
 * anywhere on the line (program.ts chooses the language from it before commander builds any text),
 * and explain's help shows it in explain's own words. Its value is checked by chooseLang().
 */
export const LANG_FLAG: FlagSpec = { flags: '--lang <lang>', description: 'cli.flag.lang' };

/** Flags of the program itself, accepted anywhere on the line. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { flags: '--debug', description: 'cli.flag.debug' },
  { flags: '--no-color', description: 'cli.flag.no-color' },
  LANG_FLAG,
];

/**
 * The --lang of a command line as commander reads it (the last one before `--`; `--lang ru` or
 * `--lang=ru`), for choosing the language before commander reads the line.
 */
export function langIn(args: readonly string[]): string | undefined {
  let lang: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') break;
    if (arg === '--lang') lang = args[++i] ?? lang;
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
  }
  return lang;
}

/** Flags that say which configuration to check: shared by doctor and report. */
export const CONFIG_FLAGS: readonly FlagSpec[] = [
  { flags: '--protocol <protocol>', description: 'cli.flag.protocol', choices: ['openai', 'anthropic'] },
  { flags: '--base-url <url>', description: 'cli.flag.base-url' },
  { flags: '--key <key>', description: 'cli.flag.key' },
  { flags: '--key-stdin', description: 'cli.flag.key-stdin' },
  { flags: '--model <id>', description: 'cli.flag.model' },
  { flags: '--env-file <path>', description: 'cli.flag.env-file' },
  { flags: '--offline', description: 'cli.flag.offline' },
  { flags: '--no-probe', description: 'cli.flag.no-probe' },
  { flags: '--stream', description: 'cli.flag.stream' },
  {
    flags: '--timeout <seconds>',
    description: 'cli.flag.timeout',
    parse: { value: seconds, invalid: 'cli.flag.timeout.invalid' },
  },
  { flags: '--allow-host <host>', description: 'cli.flag.allow-host', repeatable: true },
  { flags: '--client <id>', description: 'cli.flag.client' },
  { flags: '--allow-key-helper', description: 'cli.flag.allow-key-helper' },
  { flags: '--ci', description: 'cli.flag.ci' },
  { flags: '--json', description: 'cli.flag.json' },
];

/** The doctor's own flags, after the config flags. */
export const DOCTOR_FLAGS: readonly FlagSpec[] = [
  { flags: '--strict', description: 'cli.flag.strict' },
  { flags: '--verbose', description: 'cli.flag.verbose' },
  { flags: '--fix', description: 'cli.flag.fix' },
  { flags: '--yes', description: 'cli.flag.yes' },
  { flags: '--report', description: 'cli.flag.report' },
  { flags: '--format <format>', description: 'cli.flag.format', choices: FORMAT_NAMES },
  { flags: '--output <file>', description: 'cli.flag.output' },
  { flags: '--demo', description: 'cli.flag.demo' },
];

const flagName = (spec: FlagSpec) => spec.flags.split(' ')[0] as string;
const takesValue = (spec: FlagSpec) => spec.flags.includes(' <');
/** The key commander stores the value under: `--no-probe` → `probe`, `--allow-host` → `allowHost`. */
const attribute = (spec: FlagSpec) =>
  flagName(spec)
    .replace(/^--(no-)?/, '')
    .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** What commander holds before it reads the line: negated flags true, repeatable ones empty. */
function defaults(specs: readonly FlagSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    if (flagName(spec).startsWith('--no-')) out[attribute(spec)] = true;
    else if (spec.repeatable) out[attribute(spec)] = [];
  }
  return out;
}

/**
 * Reads `args` (what follows the command's name) as commander would, into the options object
 * its action gets (`{ ...program.opts(), ...command.opts() }`), or returns undefined whenever
 * commander might answer differently: help, --version, an operand, `--`, `--flag=value`, short
 * flags, an unknown flag, a missing value, a value that starts with '-', or one commander would
 * refuse. commander then reads the line itself, and prints the help or the usage error.
 */
export function readFlags(args: readonly string[], commandFlags: readonly FlagSpec[]): Record<string, unknown> | undefined {
  const global = defaults(GLOBAL_FLAGS);
  const own = defaults(commandFlags);
  const known = new Map<string, [FlagSpec, Record<string, unknown>]>();
  for (const spec of GLOBAL_FLAGS) known.set(flagName(spec), [spec, global]);
  for (const spec of commandFlags) known.set(flagName(spec), [spec, own]);
  for (let i = 0; i < args.length; i++) {
    const found = known.get(args[i] as string);
    if (!found) return undefined;
    const [spec, into] = found;
    const key = attribute(spec);
    if (!takesValue(spec)) {
      into[key] = !flagName(spec).startsWith('--no-');
      continue;
    }
    const value = args[++i];
    if (value === undefined || value.startsWith('-')) return undefined;
    if (spec.choices && !spec.choices.includes(value)) return undefined;
    if (spec.parse) {
      const parsed = spec.parse.value(value);
      if (parsed === undefined) return undefined;
      into[key] = parsed;
    } else if (spec.repeatable) into[key] = [...(into[key] as string[]), value];
    else into[key] = value;
  }
  return { ...global, ...own };
}
