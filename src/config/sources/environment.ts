import { posixQuote } from '../../core/text.js';
import type { Source } from '../types.js';
import { KNOWN_VARIABLES } from '../variables.js';
import type { ConfigSource, FixForm, Shell } from './contract.js';
import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';

const t = messages(CONFIG);

/**
 * The process environment. A variable set here, even to the empty string, wins over `.env`: the
 * dotenv loaders leave a variable that is already set alone.
 */
export const environment: ConfigSource = {
  kind: 'env',
  get title() {
    return t('config.title.env');
  },
  variables: true,
  suggest: { rank: 2 },
  read: ({ env }) => ({
    status: 'read',
    settings: KNOWN_VARIABLES.filter((name) => env[name] !== undefined).map((name) => ({ value: env[name]!, source: variable(name) })),
  }),
  line: (name, value, shell = 'posix') => shellForm(name, value, shell).text,
  assignment: (source, value) => shellForm(source.name, value, 'posix').text,
  place: (source) => t('config.env.place', { name: source.name }),
  holder: () => t('config.env.holder'),
  form: (change, ctx) => (change.variable ? shellForm(change.variable, change.value, ctx.shell) : undefined),
  unset: (source, shell = detectShell()) => UNSET[shell](source.name),
};

const variable = (name: string): Source => ({ kind: environment.kind, name, label: t('config.label.env', { name }) });

/**
 * The value of the variable a setting names (`via`), as a value of the environment: the fix for it
 * goes to the variable. Undefined when the variable is not set.
 */
export function referencedVariable(name: string, env: NodeJS.ProcessEnv, via: Source): { value: string; source: Source } | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  return { value, source: { ...variable(name), label: t('config.label.env-named', { name, via: via.label }), via } };
}

/**
 * The user's shell: $SHELL's name on Unix; on Windows PowerShell, unless cmd.exe's PROMPT variable
 * is set (PowerShell does not set it). A guess, good enough to pick the syntax of one line.
 */
export function detectShell(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Shell {
  const name = lastPart(env.SHELL ?? '').toLowerCase();
  if (name.startsWith('fish')) return 'fish';
  if (name.startsWith('pwsh') || name.startsWith('powershell')) return 'powershell';
  if (name) return 'posix';
  if (platform === 'win32') return env.PROMPT ? 'cmd' : 'powershell';
  return 'posix';
}

/**
 * The last part of a path split at `/` and `\\` (SHELL may be either kind), as path.win32.basename
 * gives it: trailing separators and a drive (`C:`) dropped. By hand: path.win32's first call costs
 * a fifth of a millisecond at start-up.
 */
function lastPart(p: string): string {
  const sep = (i: number) => p[i] === '/' || p[i] === '\\';
  let end = p.length;
  while (end > 0 && sep(end - 1)) end--;
  let start = end;
  while (start > 0 && !sep(start - 1)) start--;
  return start === 0 && /^[A-Za-z]:/.test(p) ? p.slice(2, end) : p.slice(start, end);
}

/** The command that removes a variable from this session, per shell. */
const UNSET: Record<Shell, (name: string) => string> = {
  posix: (name) => `unset ${name}`,
  fish: (name) => `set -e ${name}`,
  powershell: (name) => `Remove-Item Env:${name}`,
  cmd: (name) => `set ${name}=`,
};

/** The command that sets the variable in this session; for the key, one that asks for it without showing it. */
function shellForm(variable: string, value: string | undefined, shell: Shell): FixForm {
  if (value === undefined) {
    const silent: Record<Shell, string> = {
      posix: `read -rs ${variable} && export ${variable}`,
      fish: `read --silent --global --export ${variable}`,
      powershell: `$env:${variable} = Read-Host -MaskInput '${variable}'`,
      cmd: `set /p ${variable}=Paste your RuAPI key: `,
    };
    return { kind: 'shell', label: t(shell === 'cmd' ? 'config.env.form.key-cmd' : 'config.env.form.key', { shell }), text: silent[shell] };
  }
  const text: Record<Shell, string> = {
    posix: `export ${variable}=${posixQuote(value)}`,
    fish: `set -gx ${variable} ${posixQuote(value)}`,
    powershell: `$env:${variable} = "${value.replace(/[`"$]/g, '`$&')}"`,
    cmd: `set ${variable}=${value}`,
  };
  return { kind: 'shell', label: t('config.env.form', { shell }), text: text[shell] };
}
