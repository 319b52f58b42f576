import type { ClientProfile, SetupTemplate } from '../config/clients/contract.js';
import type { Protocol } from '../core/finding.js';
import type { ClientSetupSnippet } from '../core/result.js';
import { BEARER_KEY_VARIABLE, CURL_KEY_VARIABLE } from '../core/ruapi.js';
import { ANTHROPIC_VERSION, API_PATHS } from '../core/ruapi.js';
import { posixQuote, withoutTrailing } from '../core/text.js';
import { takesMaxCompletionTokens } from '../models/limits.js';
import type { FixForm } from '../config/sources/index.js';
import { CONFIG } from '../lang/en/config.js';
import { DOCTOR } from '../lang/en/doctor.js';
import { messages } from '../lang/t.js';

const t = messages(DOCTOR);
const note = messages(CONFIG);

/** The values of a client's fixed set-up: the base URL this client needs, the model, and the variable that holds the key. */
export interface ClientSetupValues {
  protocol: Protocol;
  baseUrl: string;
  model: string;
  keyVariable: string;
  auth: 'bearer' | 'x-api-key';
  /** The file the client's values came from now, shown instead of the template's usual place when it is of the same format. */
  file?: string;
}

const FILE_FORMATS: Record<string, ReadonlyArray<SetupTemplate['format']>> = { json: ['json', 'jsonc'], jsonc: ['jsonc', 'json'], toml: ['toml'], yml: ['yaml'], yaml: ['yaml'] };

/** A value short and plain enough to show in code; anything else (a 100 KB paste) gives way to an example. */
export const writable = (value: string | undefined) => (value && value.length <= 200 && !/[\s\u0000-\u001f\u007f]/.test(value) ? value : undefined);

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A client's fixed set-up, written in its own format from its profile's template (src/config/clients/
 * profiles/): a settings file, a TOML or YAML config, or code. A client without a template gets the
 * curl request. The key is never written: the text reads it from the variable that holds it.
 */
export function clientSnippet(profile: ClientProfile, v: ClientSetupValues): ClientSetupSnippet {
  const template = profile.setup?.[v.protocol];
  if (!template) return { where: 'curl', format: 'shell', text: curlForm({ protocol: v.protocol, auth: v.auth }, v.baseUrl, v.model).text, keyVariable: CURL_KEY_VARIABLE };
  const keyVariable = VARIABLE_NAME.test(v.keyVariable) ? v.keyVariable : 'RUAPI_API_KEY';
  // The content of a double-quoted string in every format used here (JSON, TOML, YAML, Python, JavaScript).
  const quoted = (s: string) => JSON.stringify(s).slice(1, -1);
  const fill: Record<string, string> = { base: quoted(v.baseUrl), model: quoted(v.model), key: keyVariable, keyArg: template.keyArg?.[keyVariable === BEARER_KEY_VARIABLE ? 'bearer' : 'x-api-key'] ?? '' };
  const text = template.text
    .replace(/\{(base|model|key|keyArg)\}/g, (_, name: string) => fill[name]!)
    .replace(/\{note:([\w-]+)\}/g, (_, name: string) => note(`config.setup-note.${name}` as keyof typeof CONFIG));
  const ext = v.file?.match(/\.([a-z]+)$/)?.[1] ?? '';
  const where = v.file && FILE_FORMATS[ext]?.includes(template.format) ? v.file : template.where;
  return { where, format: template.format, text, keyVariable };
}

/** A curl command that sends the smallest working request (a limit of 1 token) the way the SDK would. */
export function curlForm(ctx: { protocol: Protocol; auth?: 'bearer' | 'x-api-key' }, baseUrl: string, model: string): FixForm {
  const base = withoutTrailing(baseUrl, '/');
  const openai = ctx.protocol === 'openai';
  const url = `${base}${API_PATHS[ctx.protocol].messages}`;
  const limit = openai && takesMaxCompletionTokens(model) ? 'max_completion_tokens' : 'max_tokens';
  const body = JSON.stringify({ model, [limit]: 1, messages: [{ role: 'user', content: 'ping' }] });
  const auth = openai || ctx.auth === 'bearer' ? `Authorization: Bearer $${CURL_KEY_VARIABLE}` : `x-api-key: $${CURL_KEY_VARIABLE}`;
  const lines = [`curl ${posixQuote(url)}`, `-H "${auth}"`, ...(openai ? [] : [`-H "anthropic-version: ${ANTHROPIC_VERSION}"`]), '-H "content-type: application/json"', `-d ${posixQuote(body)}`];
  return {
    kind: 'curl',
    label: t('fix.curl', { variable: CURL_KEY_VARIABLE }),
    text: lines.join(' \\\n  '),
  };
}

