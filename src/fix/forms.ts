import { detectShell, kindOf, SOURCE_KINDS, type FixForm, type Shell, type SourceKind } from '../config/sources/index.js';
import type { Field, Source } from '../config/types.js';
import type { Protocol } from '../core/finding.js';
import { BEARER_KEY_VARIABLE, CURL_KEY_VARIABLE, EXAMPLE_MODEL, RUAPI_BASE_URL, VARIABLES } from '../core/ruapi.js';
import { CLIENT_PROFILES } from '../config/clients/index.js';
import { clientSnippet, curlForm } from './client-setup.js';

/**
 * A fix written the way the place it goes expects it: a `.env` line, a shell command, a Claude Code
 * settings entry (each written by its source kind, src/config/sources/), SDK constructor arguments,
 * a curl command. A key is never written into a form: the forms read it from a variable, or ask for
 * it without showing it.
 */

export { detectShell, type FixForm, type Shell };
export { suggestedFix, type SuggestedFix } from '../core/finding.js';
export { CURL_KEY_VARIABLE, curlForm };

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

/** The SDKs whose code the fixed set-up of a protocol shows: their profiles' templates. */
const SDKS: Record<Protocol, readonly string[]> = { openai: ['openai-python', 'openai-node'], anthropic: ['anthropic-python', 'anthropic-typescript'] };

function sdkForms(ctx: FixContext, baseUrl: string, model: string): FixForm[] {
  const keyVariable = defaultVariable('key', ctx)!;
  const auth = ctx.auth ?? (ctx.protocol === 'openai' ? 'bearer' : 'x-api-key');
  return CLIENT_PROFILES.filter((p) => SDKS[ctx.protocol].includes(p.id)).map((p) => ({
    kind: p.language!,
    label: p.label,
    text: clientSnippet(p, { protocol: ctx.protocol, baseUrl, model, keyVariable, auth }).text,
  }));
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
