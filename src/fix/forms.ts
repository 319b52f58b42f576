import path from 'node:path';
import { withoutTrailing } from '../core/text.js';
import type { Protocol } from '../core/finding.js';
import { RUAPI_BASE_URL } from '../config/protocol.js';
import type { Source } from '../config/types.js';
import { dotenvLine } from './dotenv.js';

/**
 * A fix written the way the place it goes expects it: a `.env` line, a shell command, a Claude Code
 * settings entry, SDK constructor arguments, a curl command. A key is never written into a form:
 * the forms read it from a variable, or ask for it without showing it.
 */

/** Ids RuAPI's own docs use, for examples when no model is configured. */
const EXAMPLE_MODEL: Record<Protocol, string> = { openai: 'gpt-4o-mini', anthropic: 'claude-opus-4-8' };

/** The variable curl reads the key from. */
export const CURL_KEY_VARIABLE = 'RUAPI_API_KEY';

export type Shell = 'posix' | 'fish' | 'powershell' | 'cmd';

/**
 * The user's shell: $SHELL's name on Unix; on Windows PowerShell, unless cmd.exe's PROMPT variable
 * is set (PowerShell does not set it). A guess, good enough to pick the syntax of one line.
 */
export function detectShell(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Shell {
  const name = path.win32.basename(env.SHELL ?? '').toLowerCase(); // win32 splits on both / and \
  if (name.startsWith('fish')) return 'fish';
  if (name.startsWith('pwsh') || name.startsWith('powershell')) return 'powershell';
  if (name) return 'posix';
  if (platform === 'win32') return env.PROMPT ? 'cmd' : 'powershell';
  return 'posix';
}

/**
 * The corrected value a finding proposes, as `finding.data.fix`: a base URL or a model id, or for
 * the key only the field (the cleaned key is worked out from the configured one when needed, and
 * never goes into a finding).
 */
export type SuggestedFix = { field: 'baseUrl' | 'model'; value: string } | { field: 'key' };

/** A finding's `data.fix`, when it has a well-formed one. */
export function suggestedFix(data: Record<string, unknown> | undefined): SuggestedFix | undefined {
  const fix = data?.fix as { field?: unknown; value?: unknown } | undefined;
  if (!fix || typeof fix !== 'object') return undefined;
  if (fix.field === 'key') return { field: 'key' };
  if ((fix.field === 'baseUrl' || fix.field === 'model') && typeof fix.value === 'string' && fix.value.trim()) return { field: fix.field, value: fix.value };
  return undefined;
}

/** What to change. A key has no value here, by design: it is never placed in a fix form. */
export type FixChange = { field: 'baseUrl' | 'model'; value: string; variable?: string } | { field: 'key'; variable?: string };

export interface FixContext {
  protocol: Protocol;
  /** The base URL and model of the corrected set-up, used by the SDK and curl forms. */
  baseUrl?: string;
  model?: string;
  /** Anthropic only: `bearer` when the key comes from ANTHROPIC_AUTH_TOKEN. */
  auth?: 'bearer' | 'x-api-key';
  /** The variable the key is read from in SDK forms (default: the protocol's usual one). */
  keyVariable?: string;
  shell?: Shell;
  /** Where the bad value came from: that form comes first. */
  source?: Source['kind'];
}

export interface FixForm {
  kind: 'dotenv' | 'shell' | 'claude-settings' | 'flag' | 'python' | 'node' | 'curl';
  /** Where it goes, one line. */
  label: string;
  /** What to paste. */
  text: string;
}

const KEY_PLACEHOLDER = 'sk-...';

function defaultVariable(field: FixChange['field'], ctx: FixContext): string | undefined {
  if (field === 'key') return ctx.keyVariable ?? (ctx.protocol === 'openai' ? 'OPENAI_API_KEY' : ctx.auth === 'bearer' ? 'ANTHROPIC_AUTH_TOKEN' : 'ANTHROPIC_API_KEY');
  if (field === 'baseUrl') return ctx.protocol === 'openai' ? 'OPENAI_BASE_URL' : 'ANTHROPIC_BASE_URL';
  return ctx.protocol === 'anthropic' ? 'ANTHROPIC_MODEL' : undefined; // the OpenAI SDKs read no model variable
}

const posixQuote = (s: string) => (/^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * One variable set to one value, written for one kind of place; `value` undefined means the key,
 * which is never written out. `place: 'flag'` takes the flag's name as `variable`. This is the one
 * writer of these lines: the findings' one-line fixes and the fix forms both use it.
 */
export function placeLine(place: 'dotenv' | 'shell' | 'claude-settings' | 'flag', variable: string, value: string | undefined, shell: Shell = 'posix'): string | undefined {
  switch (place) {
    case 'dotenv':
      return value === undefined ? `${variable}=${KEY_PLACEHOLDER}` : dotenvLine(variable, value);
    case 'shell':
      return shellForm(variable, value, shell).text;
    case 'claude-settings':
      return `${JSON.stringify(variable)}: ${JSON.stringify(value ?? KEY_PLACEHOLDER)}`;
    case 'flag':
      return value === undefined ? undefined : `${variable} ${posixQuote(value)}`;
  }
}

function shellForm(variable: string, value: string | undefined, shell: Shell): FixForm {
  if (value === undefined) {
    const silent: Record<Shell, string> = {
      posix: `read -rs ${variable} && export ${variable}`,
      fish: `read --silent --global --export ${variable}`,
      powershell: `$env:${variable} = Read-Host -MaskInput '${variable}'`,
      cmd: `set /p ${variable}=Paste your RuAPI key: `,
    };
    const hidden = shell === 'cmd' ? 'cmd.exe shows what you paste; nothing lands in the command history' : 'paste the key at the prompt: nothing is shown and nothing lands in your history';
    return { kind: 'shell', label: `your shell (${shell}), this session: ${hidden}`, text: silent[shell] };
  }
  const text: Record<Shell, string> = {
    posix: `export ${variable}=${posixQuote(value)}`,
    fish: `set -gx ${variable} ${posixQuote(value)}`,
    powershell: `$env:${variable} = "${value.replace(/[`"$]/g, '`$&')}"`,
    cmd: `set ${variable}=${value}`,
  };
  return { kind: 'shell', label: `your shell (${shell}), this session`, text: text[shell] };
}

function sdkForms(ctx: FixContext, baseUrl: string, model: string): FixForm[] {
  const keyVar = defaultVariable('key', ctx)!;
  const s = JSON.stringify;
  if (ctx.protocol === 'openai') {
    return [
      {
        kind: 'python',
        label: 'Python, OpenAI SDK',
        text: [
          'import os',
          'from openai import OpenAI',
          '',
          `client = OpenAI(base_url=${s(baseUrl)}, api_key=os.environ[${s(keyVar)}])`,
          `reply = client.chat.completions.create(model=${s(model)}, messages=[{"role": "user", "content": "Hello"}])`,
        ].join('\n'),
      },
      {
        kind: 'node',
        label: 'JavaScript, OpenAI SDK',
        text: [
          "import OpenAI from 'openai';",
          '',
          `const client = new OpenAI({ baseURL: ${s(baseUrl)}, apiKey: process.env.${keyVar} });`,
          `const reply = await client.chat.completions.create({ model: ${s(model)}, messages: [{ role: 'user', content: 'Hello' }] });`,
        ].join('\n'),
      },
    ];
  }
  const [pyArg, jsArg] = ctx.auth === 'bearer' ? ['auth_token', 'authToken'] : ['api_key', 'apiKey'];
  return [
    {
      kind: 'python',
      label: 'Python, Anthropic SDK',
      text: [
        'import os',
        'from anthropic import Anthropic',
        '',
        `client = Anthropic(base_url=${s(baseUrl)}, ${pyArg}=os.environ[${s(keyVar)}])`,
        `reply = client.messages.create(model=${s(model)}, max_tokens=1024, messages=[{"role": "user", "content": "Hello"}])`,
      ].join('\n'),
    },
    {
      kind: 'node',
      label: 'JavaScript, Anthropic SDK',
      text: [
        "import Anthropic from '@anthropic-ai/sdk';",
        '',
        `const client = new Anthropic({ baseURL: ${s(baseUrl)}, ${jsArg}: process.env.${keyVar} });`,
        `const reply = await client.messages.create({ model: ${s(model)}, max_tokens: 1024, messages: [{ role: 'user', content: 'Hello' }] });`,
      ].join('\n'),
    },
  ];
}

/** A curl command that sends the smallest working request (max_tokens 1) the way the SDK would. */
export function curlForm(ctx: FixContext, baseUrl: string, model: string): FixForm {
  const base = withoutTrailing(baseUrl, '/');
  const openai = ctx.protocol === 'openai';
  const url = openai ? `${base}/chat/completions` : `${base}/v1/messages`;
  const body = JSON.stringify({ model, max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] });
  const auth = openai || ctx.auth === 'bearer' ? `Authorization: Bearer $${CURL_KEY_VARIABLE}` : `x-api-key: $${CURL_KEY_VARIABLE}`;
  const lines = [`curl ${posixQuote(url)}`, `-H "${auth}"`, ...(openai ? [] : ['-H "anthropic-version: 2023-06-01"']), '-H "content-type: application/json"', `-d ${posixQuote(body)}`];
  return {
    kind: 'curl',
    label: `curl (bash/zsh; the key comes from $${CURL_KEY_VARIABLE}: set it first with read -rs ${CURL_KEY_VARIABLE} && export ${CURL_KEY_VARIABLE})`,
    text: lines.join(' \\\n  '),
  };
}

/**
 * Every form of one fix, the one matching where the bad value came from first. For the model on
 * the OpenAI protocol there is no standard variable, so only the SDK and curl forms apply unless
 * the value came from a variable (`change.variable`).
 */
export function fixForms(change: FixChange, ctx: FixContext): FixForm[] {
  const variable = change.variable ?? defaultVariable(change.field, ctx);
  const value = change.field === 'key' ? undefined : change.value;
  const baseUrl = change.field === 'baseUrl' ? change.value : ctx.baseUrl ?? RUAPI_BASE_URL[ctx.protocol];
  const model = change.field === 'model' ? change.value : ctx.model ?? EXAMPLE_MODEL[ctx.protocol];
  const forms: FixForm[] = [];

  if (variable) {
    const line = placeLine('dotenv', variable, value);
    if (line) forms.push({ kind: 'dotenv', label: value === undefined ? `.env (replace ${KEY_PLACEHOLDER} with your key: no quotes, no spaces)` : '.env', text: line });
    forms.push(shellForm(variable, value, ctx.shell ?? detectShell()));
    if (ctx.protocol === 'anthropic' || ctx.source === 'claude-settings') {
      forms.push({
        kind: 'claude-settings',
        label: `Claude Code settings.json, inside "env"${value === undefined ? ` (replace ${KEY_PLACEHOLDER} with your key)` : ''}`,
        text: `"env": {\n  ${placeLine('claude-settings', variable, value)}\n}`,
      });
    }
  }
  if (ctx.source === 'flag' && change.field !== 'key') {
    const flag = change.field === 'baseUrl' ? ['--base-url', baseUrl] : ['--model', model];
    forms.push({ kind: 'flag', label: 'the ruapi command line', text: placeLine('flag', flag[0]!, flag[1]!)! });
  }
  forms.push(...sdkForms(ctx, baseUrl, model), curlForm(ctx, baseUrl, model));

  const first: Partial<Record<Source['kind'], FixForm['kind']>> = { dotenv: 'dotenv', env: 'shell', 'claude-settings': 'claude-settings', flag: 'flag' };
  const lead = ctx.source && first[ctx.source];
  return lead ? [...forms.filter((f) => f.kind === lead), ...forms.filter((f) => f.kind !== lead)] : forms;
}
