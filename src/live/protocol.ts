import type { Protocol } from '../core/finding.js';
import type { TargetConfig } from '../config/types.js';
import { ANTHROPIC_VERSION, API_PATHS, RESPONSES_PATH } from '../core/ruapi.js';
import { OUTSIDE_MAX, oneLine } from '../core/text.js';
import { VERSION } from '../core/version.js';
import { takesMaxCompletionTokens } from '../models/limits.js';
import type { Headers, SendRequest } from './client.js';

/**
 * The requests the live checks send, built as the official SDKs build them (paths, auth headers,
 * `anthropic-version`), and readers for what comes back in either protocol's shape.
 */

/** Every probe costs the same: a two-token prompt and at most one token of answer. */
export const PROBE_PROMPT = 'Hi';
export const PROBE_MAX_TOKENS = 1;

/** Joins like openai-node and the Anthropic TS SDK: base + path, one slash dropped when both have one. */
export function joinUrl(base: string, path: string): string {
  return base.endsWith('/') ? base + path.slice(1) : base + path;
}

export function paths(protocol: Protocol): { models: string; messages: string; embeddings: string } {
  return API_PATHS[protocol];
}

/** Headers every request carries; the key only when `key` is given. */
export function requestHeaders(target: Pick<TargetConfig, 'protocol' | 'auth'>, key: string | undefined, json: boolean): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json', 'user-agent': `ruapi-doctor/${VERSION}` };
  if (json) h['content-type'] = 'application/json';
  if (target.protocol === 'anthropic') h['anthropic-version'] = ANTHROPIC_VERSION;
  if (key !== undefined) {
    if (target.protocol === 'anthropic' && target.auth === 'x-api-key') h['x-api-key'] = key;
    else h.authorization = `Bearer ${key}`;
  }
  return h;
}

export function modelsRequest(target: TargetConfig, base: string, key: string | undefined): SendRequest {
  return { method: 'GET', url: joinUrl(base, paths(target.protocol).models), headers: requestHeaders(target, key, false) };
}

/**
 * How the probe caps its answer. The OpenAI API refuses `max_tokens` on its reasoning models (the
 * o-series, gpt-5 and later) with `400 unsupported_parameter` and asks for
 * `max_completion_tokens`; older chat models and most gateways' translations want `max_tokens`.
 * The Anthropic protocol always takes `max_tokens` (it is required there).
 */
export type TokenLimit = 'max_tokens' | 'max_completion_tokens';

/** An embedding model answers on the embeddings endpoint only: the probe goes there. */
export const isEmbeddingModel = (model: string): boolean => /embed/i.test(model);

/** The limit parameter the probe tries first for this model (see TokenLimit). */
export function firstTokenLimit(protocol: Protocol, model: string): TokenLimit {
  if (protocol === 'anthropic') return 'max_tokens';
  return takesMaxCompletionTokens(model) ? 'max_completion_tokens' : 'max_tokens';
}

/**
 * The parameter a 400 asks for instead of the one the probe sent (`Unsupported parameter:
 * 'max_tokens' … Use 'max_completion_tokens' instead.`), or undefined when the 400 is about
 * something else. On the Anthropic protocol there is no other parameter to try.
 */
export function otherTokenLimit(protocol: Protocol, sent: TokenLimit, facts: ErrorFacts & { param?: string }): TokenLimit | undefined {
  if (protocol === 'anthropic') return undefined;
  const other: TokenLimit = sent === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens';
  // Neither name contains the other, so a plain search tells which one the error is about.
  const text = `${facts.param ?? ''} ${facts.message ?? ''}`;
  return text.includes(sent) || text.includes(other) ? other : undefined;
}

/** The Responses API's smallest answer (max_output_tokens). */
const RESPONSES_MIN_TOKENS = 16;

/** The tiny paid request: the configured model, one short user message, at most one token of answer. */
export function probeRequest(target: TargetConfig, base: string, key: string, model: string, stream: boolean, limit: TokenLimit = firstTokenLimit(target.protocol, model)): SendRequest {
  if (target.api === 'responses') {
    const body = { model, input: PROBE_PROMPT, max_output_tokens: RESPONSES_MIN_TOKENS, ...(stream ? { stream: true } : {}) };
    return { method: 'POST', url: joinUrl(base, RESPONSES_PATH), headers: requestHeaders(target, key, true), body: JSON.stringify(body) };
  }
  const body = {
    model,
    [limit]: PROBE_MAX_TOKENS,
    messages: [{ role: 'user', content: PROBE_PROMPT }],
    ...(stream ? { stream: true } : {}),
  };
  return { method: 'POST', url: joinUrl(base, paths(target.protocol).messages), headers: requestHeaders(target, key, true), body: JSON.stringify(body) };
}

/** The probe for an embedding model: one short input on the embeddings endpoint (a tiny cost, no answer tokens). */
export function embeddingsRequest(target: TargetConfig, base: string, key: string, model: string): SendRequest {
  return { method: 'POST', url: joinUrl(base, paths(target.protocol).embeddings), headers: requestHeaders(target, key, true), body: JSON.stringify({ model, input: PROBE_PROMPT }) };
}

export function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The ids in a `/models` answer: OpenAI `{data: [{id}]}`, Anthropic `{data: [{id, type: 'model'}]}`.
 * Each is outside text that reaches the did-you-mean, the fixes and the model prompt: one line, capped.
 */
export function parseModelList(body: string): string[] | undefined {
  const json = parseJson(body);
  const data = isObject(json) ? json.data : undefined;
  if (!Array.isArray(data)) return undefined;
  return data.flatMap((m) => {
    const id = isObject(m) && typeof m.id === 'string' ? oneLine(m.id, OUTSIDE_MAX.id) : '';
    return id ? [id] : [];
  });
}

/** True when a 200 answer to the probe has the reply shape of its endpoint (chat, messages or embeddings). */
export function looksLikeReply(protocol: Protocol, body: string, embeddings = false, api: TargetConfig['api'] = 'chat'): boolean {
  const json = parseJson(body);
  if (!isObject(json)) return false;
  if (embeddings) return Array.isArray(json.data);
  if (api === 'responses') return json.object === 'response' || Array.isArray(json.output);
  return protocol === 'openai' ? Array.isArray(json.choices) : json.type === 'message' || Array.isArray(json.content);
}

export function isHtml(headers: Headers, body: string): boolean {
  return /text\/html/i.test(header(headers, 'content-type') ?? '') || /^\s*<(!doctype html|html|head|body)\b/i.test(body);
}

/** What an error body says, in either protocol's shape or a gateway's own: each one line, capped (see oneLine). */
export interface ErrorFacts {
  type?: string;
  code?: string;
  /** OpenAI's `param`: the request field the error is about. */
  param?: string;
  message?: string;
}

export function errorFacts(body: string): ErrorFacts {
  const json = parseJson(body);
  if (!isObject(json)) return {};
  const err = isObject(json.error) ? json.error : json;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined);
  const line = (v: string | undefined, max: number) => (v === undefined ? undefined : oneLine(v, max) || undefined);
  const facts: ErrorFacts = {};
  const type = line(str(err.type), OUTSIDE_MAX.id);
  const code = line(str(err.code), OUTSIDE_MAX.id);
  const param = line(str(err.param), OUTSIDE_MAX.id);
  const message = line(str(err.message) ?? str(json.message) ?? str(json.detail) ?? (typeof json.error === 'string' ? json.error : undefined), OUTSIDE_MAX.message);
  if (type) facts.type = type;
  if (code) facts.code = code;
  if (param) facts.param = param;
  if (message) facts.message = message;
  return facts;
}
