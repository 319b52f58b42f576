import type { Command, Option } from 'commander';
import { EXIT, UsageError } from '../core/exit.js';
import { ENTRIES } from '../knowledge/index.js';
import { catalog } from '../models/catalog.js';
import { isRetired } from '../models/lifecycle.js';
import { CLI } from '../lang/en/cli.js';
import { messages } from '../lang/t.js';

const t = messages(CLI);

// Completion offers no id retired upstream on the day the script is made.
const today = new Date();

/** The shells `ruapi completion` writes a script for. */
const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** The server statuses users look up most, offered after `5xx` (the entry covers all of 500–599). */
const COMMON_5XX = ['500', '502', '503', '504', '529'];

/** The codes `ruapi explain` knows, in the knowledge base's order. */
const explainCodes = () => ENTRIES.flatMap((e) => (e.code === '5xx' ? [e.code, ...COMMON_5XX] : [e.code]));

/**
 * `ruapi completion bash|zsh|fish`: a static script generated from the commander program itself,
 * so a new command or flag is completed without touching this file. Static, not a callback into
 * ruapi, so that pressing Tab never waits for a Node start.
 */
export async function run(shell: string, program: Command): Promise<number> {
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(t('cli.completion.unknown-shell', { shell, shells: SHELLS.join(', ') }));
  }
  process.stdout.write(completionScript(shell as Shell, program));
  return EXIT.ok;
}

function completionScript(shell: Shell, program: Command): string {
  const spec = describeProgram(program);
  if (shell === 'bash') return bash(spec);
  if (shell === 'zsh') return zsh(spec);
  return fish(spec);
}

/** Where an option's value (or a positional argument) comes from. */
type Values = { kind: 'none' } | { kind: 'files' } | { kind: 'words'; words: string[] };

interface OptSpec {
  short?: string;
  long?: string;
  description: string;
  /** Undefined for a flag without a value. */
  value?: Values;
}

interface CmdSpec {
  name: string;
  description: string;
  options: OptSpec[];
  positional: Values;
}

interface ProgramSpec {
  name: string;
  options: OptSpec[];
  commands: CmdSpec[];
}

/** Only words that need no quoting in any of the three shells. */
const safeWords = (words: readonly string[]) => [...new Set(words)].filter((w) => /^[\w.:@+/-]+$/.test(w));

function describeProgram(program: Command): ProgramSpec {
  const help = program.createHelp();
  const commands = help.visibleCommands(program);
  const names = commands.map((c) => c.name());
  const positionals: Record<string, Values> = {
    explain: { kind: 'words', words: safeWords(explainCodes()) },
    completion: { kind: 'words', words: [...SHELLS] },
    models: { kind: 'words', words: safeWords(catalog().map((m) => m.family)) },
    help: { kind: 'words', words: safeWords(names) },
  };
  const globals = help.visibleOptions(program).map(describeOption);
  // Program options (--debug, --help …) are accepted after a command too: listed once, with the program.
  const isGlobal = (o: OptSpec) => globals.some((g) => flagsOf(g).some((f) => flagsOf(o).includes(f)));
  return {
    name: program.name(),
    options: globals,
    commands: commands.map((cmd) => ({
      name: cmd.name(),
      description: oneLine(cmd.summary() || cmd.description()),
      options: help.visibleOptions(cmd).map(describeOption).filter((o) => !isGlobal(o)),
      positional: positionals[cmd.name()] ?? (cmd.registeredArguments.length > 0 ? { kind: 'files' } : { kind: 'none' }),
    })),
  };
}

function describeOption(opt: Option): OptSpec {
  const spec: OptSpec = { short: opt.short, long: opt.long, description: oneLine(opt.description) };
  if (opt.required || opt.optional) {
    if (opt.argChoices) spec.value = { kind: 'words', words: safeWords(opt.argChoices) };
    else if (opt.long === '--model') spec.value = { kind: 'words', words: safeWords(catalog().filter((m) => !isRetired(m.id, today)).map((m) => m.id)) };
    else if (/<(file|path)>/.test(opt.flags)) spec.value = { kind: 'files' };
    else spec.value = { kind: 'none' };
  }
  return spec;
}

const oneLine = (s: string) => s.split('\n')[0]!.trim();
const flagsOf = (o: OptSpec) => [o.short, o.long].filter((f): f is string => Boolean(f));

// ---------------------------------------------------------------------------------------------
// bash: one case per command; `prev` decides whether a flag's value is being completed.

function bash(p: ProgramSpec): string {
  const fn = `_${p.name.replace(/\W/g, '_')}_completion`;
  const valueCases = (opts: OptSpec[]) =>
    opts
      .filter((o) => o.value)
      .map((o) => `        ${flagsOf(o).join('|')}) ${bashValues(o.value!)}; return ;;`);
  const block = (opts: OptSpec[], positional: Values) => [
    ...(valueCases(opts).length > 0 ? ['      case "$prev" in', ...valueCases(opts), '      esac'] : []),
    `      if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "${opts.flatMap(flagsOf).join(' ')}" -- "$cur") )`,
    `      else ${bashValues(positional)}; fi ;;`,
  ];
  const top: CmdSpec = { name: '', description: '', options: p.options, positional: { kind: 'words', words: p.commands.map((c) => c.name) } };
  return [
    `# ${t('cli.completion.load-bash', { name: p.name })}`,
    `${fn}() {`,
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="" cmd="" i',
    '  (( COMP_CWORD > 0 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  # "--opt=value": bash splits at "=" (COMP_WORDBREAKS)',
    '  if [[ "$cur" == "=" ]]; then cur=""; elif [[ "$prev" == "=" ]] && (( COMP_CWORD > 1 )); then prev="${COMP_WORDS[COMP_CWORD-2]}"; fi',
    '  for (( i = 1; i < COMP_CWORD; i++ )); do',
    '    case "${COMP_WORDS[i]}" in',
    '      -*|=) ;;',
    '      *) cmd="${COMP_WORDS[i]}"; break ;;',
    '    esac',
    '  done',
    '  COMPREPLY=()',
    '  case "$cmd" in',
    ...[top, ...p.commands].flatMap((c) => [`    ${c.name === '' ? '""' : c.name})`, ...block(c === top ? c.options : [...c.options, ...p.options], c.positional)]),
    '  esac',
    '}',
    `complete -F ${fn} ${p.name}`,
    '',
  ].join('\n');
}

function bashValues(v: Values): string {
  if (v.kind === 'words') return `COMPREPLY=( $(compgen -W "${v.words.join(' ')}" -- "$cur") )`;
  if (v.kind === 'files') return 'compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -f -- "$cur") )';
  return ':';
}

// ---------------------------------------------------------------------------------------------
// zsh: _arguments specs, one set per command.

function zsh(p: ProgramSpec): string {
  const fn = `_${p.name.replace(/\W/g, '_')}`;
  const commandList = p.commands.map((c) => `    ${zq(`${c.name}:${c.description}`)}`);
  const cases = p.commands.map((c) => {
    const specs = [...c.options, ...p.options].map(zshOption).concat(zshPositional(c.positional)).filter(Boolean);
    return [`        ${c.name})`, `          _arguments -s \\`, ...specs.map((s) => `            ${s} \\`), '            && return 0 ;;'].join('\n');
  });
  return [
    `#compdef ${p.name}`,
    `# ${t('cli.completion.load-zsh', { name: p.name })}`,
    `# ${t('cli.completion.save-zsh', { name: p.name })}`,
    `${fn}() {`,
    '  local curcontext="$curcontext" state line',
    '  typeset -A opt_args',
    '  _arguments -C -s \\',
    ...p.options.map((o) => `    ${zshOption(o)} \\`),
    "    '1: :->command' \\",
    "    '*:: :->args' && return 0",
    '  case $state in',
    '    command)',
    '      local -a commands',
    '      commands=(',
    ...commandList,
    '      )',
    `      _describe -t commands '${p.name} command' commands ;;`,
    '    args)',
    '      case $line[1] in',
    ...cases,
    '      esac ;;',
    '  esac',
    '}',
    'if [[ $zsh_eval_context[-1] == loadautofunc ]]; then',
    `  ${fn} "$@"`,
    'else',
    `  compdef ${fn} ${p.name}`,
    'fi',
    '',
  ].join('\n');
}

function zshOption(o: OptSpec): string {
  const flags = flagsOf(o);
  const desc = `[${o.description.replace(/[\\[\]]/g, '\\$&')}]`;
  const value = o.value ? `:${(o.long ?? o.short ?? 'value').replace(/^-+/, '')}:${zshAction(o.value)}` : '';
  if (flags.length === 1) return zq(`${flags[0]}${desc}${value}`);
  // (-V --version){-V,--version}'[…]': either spelling, offered once
  return `${zq(`(${flags.join(' ')})`)}{${flags.join(',')}}${zq(`${desc}${value}`)}`;
}

function zshPositional(v: Values): string {
  if (v.kind === 'none') return '';
  return zq(`*:argument:${zshAction(v)}`);
}

function zshAction(v: Values): string {
  if (v.kind === 'words') return `(${v.words.join(' ')})`;
  if (v.kind === 'files') return '_files';
  return ' ';
}

/** zsh single-quoted string. */
const zq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

// ---------------------------------------------------------------------------------------------
// fish: one `complete` line per command, option and value list.

function fish(p: ProgramSpec): string {
  const c = `complete -c ${p.name}`;
  const lines = [
    `# ${t('cli.completion.save-fish', { name: p.name })}`,
    `${c} -f`,
    ...p.options.map((o) => `${c}${fishOption(o)}`),
  ];
  for (const cmd of p.commands) {
    lines.push(`${c} -n __fish_use_subcommand -a ${cmd.name} -d ${fq(cmd.description)}`);
  }
  for (const cmd of p.commands) {
    const when = ` -n ${fq(`__fish_seen_subcommand_from ${cmd.name}`)}`;
    for (const o of cmd.options) lines.push(`${c}${when}${fishOption(o)}`);
    if (cmd.positional.kind === 'words') lines.push(`${c}${when} -a ${fq(cmd.positional.words.join(' '))}`);
    if (cmd.positional.kind === 'files') lines.push(`${c}${when} -F`);
  }
  lines.push('');
  return lines.join('\n');
}

function fishOption(o: OptSpec): string {
  const flags = `${o.short ? ` -s ${o.short.slice(1)}` : ''}${o.long ? ` -l ${o.long.slice(2)}` : ''}`;
  let value = '';
  if (o.value?.kind === 'words') value = ` -x -a ${fq(o.value.words.join(' '))}`;
  else if (o.value?.kind === 'files') value = ' -r -F';
  else if (o.value) value = ' -x';
  return `${flags}${value} -d ${fq(o.description)}`;
}

/** fish single-quoted string. */
const fq = (s: string) => `'${s.replace(/[\\']/g, '\\$&')}'`;
