import { detectShell, kindOf, SOURCE_KINDS, type FixForm, type Shell, type SourceKind } from '../config/sources/index.js';
import type { Field, Source } from '../config/types.js';
import type { Protocol } from '../core/finding.js';
import { ANTHROPIC_VERSION, API_PATHS, BEARER_KEY_VARIABLE, CURL_KEY_VARIABLE, EXAMPLE_MODEL, RUAPI_BASE_URL, VARIABLES } from '../core/ruapi.js';
import { posixQuote, withoutTrailing } from '../core/text.js';
import { takesMaxCompletionTokens } from '../models/limits.js';

/**
 * A fix written the way the place it goes expects it: a `.env` line, a shell command, a Claude Code
 * settings entry (each written by its source kind, src/config/sources/), SDK constructor arguments,
 * a curl command. A key is never written into a form: the forms read it from a variable, or ask for
 * it without showing it.
 */

export { detectShell, type FixForm, type Shell };
export { suggestedFix, type SuggestedFix } from '../core/finding.js';
export { CURL_KEY_VARIABLE };

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
  /** The kind of source the bad value came from (`Source.kind`): its form comes first. */
  source?: Source['kind'];
}

/** The corrected set-up of one protocol, as the human report shows it under the findings (built by src/doctor/fixes.ts). */
export interface SetupForms {
  protocol: Protocol;
  /** For each change, the line for the place its value came from (or a .env line when it came from nowhere), unless its finding gives it. */
  places: Array<{ field: Field; where: string; form: FixForm }>;
  /** The SDK constructors (Python, JavaScript) and a curl request, with every change applied. */
  code: FixForm[];
}

const CODE_FORMS: ReadonlySet<string> = new Set(['python', 'node', 'curl']);

/** SDK code or a curl command, as opposed to a line for a place where values are set. */
export const isCodeForm = (form: FixForm): boolean => CODE_FORMS.has(form.kind);

function defaultVariable(field: FixChange['field'], ctx: FixContext): string | undefined {
  if (field === 'key') return ctx.keyVariable ?? (ctx.protocol === 'anthropic' && ctx.auth === 'bearer' ? BEARER_KEY_VARIABLE : VARIABLES[ctx.protocol].key[0]);
  return VARIABLES[ctx.protocol][field][0]; // the OpenAI SDKs read no model variable
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

/** A curl command that sends the smallest working request (a limit of 1 token) the way the SDK would. */
export function curlForm(ctx: FixContext, baseUrl: string, model: string): FixForm {
  const base = withoutTrailing(baseUrl, '/');
  const openai = ctx.protocol === 'openai';
  const url = `${base}${API_PATHS[ctx.protocol].messages}`;
  const limit = openai && takesMaxCompletionTokens(model) ? 'max_completion_tokens' : 'max_tokens';
  const body = JSON.stringify({ model, [limit]: 1, messages: [{ role: 'user', content: 'ping' }] });
  const auth = openai || ctx.auth === 'bearer' ? `Authorization: Bearer $${CURL_KEY_VARIABLE}` : `x-api-key: $${CURL_KEY_VARIABLE}`;
  const lines = [`curl ${posixQuote(url)}`, `-H "${auth}"`, ...(openai ? [] : [`-H "anthropic-version: ${ANTHROPIC_VERSION}"`]), '-H "content-type: application/json"', `-d ${posixQuote(body)}`];
  return {
    kind: 'curl',
    label: `curl (bash/zsh; the key comes from $${CURL_KEY_VARIABLE}: set it first with read -rs ${CURL_KEY_VARIABLE} && export ${CURL_KEY_VARIABLE})`,
    text: lines.join(' \\\n  '),
  };
}

/**
 * Every form of one fix: first the one for the kind of place the bad value came from, then those
 * each source kind suggests for this protocol (.env, the shell, Claude Code's settings), then SDK
 * code and curl. For the model on the OpenAI protocol there is no standard variable, so only the
 * SDK and curl forms apply unless the value came from a variable (`change.variable`) or a flag.
 */
export function fixForms(change: FixChange, ctx: FixContext): FixForm[] {
  const variable = change.variable ?? defaultVariable(change.field, ctx);
  const value = change.field === 'key' ? undefined : change.value;
  const baseUrl = change.field === 'baseUrl' ? change.value : ctx.baseUrl ?? RUAPI_BASE_URL[ctx.protocol];
  const model = change.field === 'model' ? change.value : ctx.model ?? EXAMPLE_MODEL[ctx.protocol];
  const own = ctx.source === undefined ? undefined : kindOf(ctx.source);
  const suggested = (k: SourceKind) => !!k.suggest && (!k.suggest.protocols || k.suggest.protocols.includes(ctx.protocol));
  const kinds = [...(own ? [own] : []), ...SOURCE_KINDS.filter((k) => k !== own && suggested(k)).sort((a, b) => a.suggest!.rank - b.suggest!.rank)];
  const places = kinds.flatMap((k) => k.form?.({ field: change.field, value, variable }, { protocol: ctx.protocol, shell: ctx.shell ?? detectShell() }) ?? []);
  return [...places, ...sdkForms(ctx, baseUrl, model), curlForm(ctx, baseUrl, model)];
}
