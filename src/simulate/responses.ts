import { randomBytes } from 'node:crypto';
import type { Protocol } from '../core/finding.js';
import type { FaultName } from './faults.js';

/**
 * What the simulator answers, as data: error bodies in each protocol's shape
 * (../shared/spec/errors.md §1–2), completions, and the SSE events of a stream.
 * RuAPI's own error texts are not published; these follow the two protocols' shapes with
 * RuAPI's labels ("Invalid API key", "Insufficient balance", "model not found", "rate limit").
 */

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A random id: prefix + base58. RuAPI's real request-id format is unknown; this is Anthropic-like. */
export function randomId(prefix: string, length = 24): string {
  let out = prefix;
  for (let i = 0; i < length; i++) out += BASE58[randomByte() % 58];
  return out;
}

// One randomBytes() call per id costs more than the rest of a plain answer: draw from a pool.
let pool = Buffer.alloc(0);
let next = 0;
function randomByte(): number {
  if (next >= pool.length) {
    pool = randomBytes(4096);
    next = 0;
  }
  return pool[next++]!;
}

/** Every error the simulator can answer with: its status and its body in both protocols. */
export type ErrorKind =
  | 'bad-json'
  | 'missing-version'
  | 'missing-max-tokens'
  | 'missing-messages'
  | 'missing-model'
  | 'missing-key'
  | 'missing-input'
  | 'unsupported-max-tokens'
  | 'unknown-path'
  | 'websocket'
  | Exclude<FaultName, 'ok' | '404-url' | 'slow' | 'stall' | 'cut' | 'reset' | 'html' | 'empty' | 'redirect' | 'no-models'>;

export interface ErrorContext {
  model?: string;
  /** The key presented, already redacted. */
  maskedKey?: string;
  method: string;
  path: string;
  retryAfterSeconds: number;
  maxBodyBytes: number;
}

interface ErrorSpec {
  status: number;
  openai: { type: string; code: string | null; param?: string; message: string };
  anthropic: { type: string; message: string };
  retryAfter?: boolean;
}

const invalid = (message: string, anthropicMessage: string, param: string | null = null): ErrorSpec => ({
  status: 400,
  openai: { type: 'invalid_request_error', code: null, ...(param ? { param } : {}), message },
  anthropic: { type: 'invalid_request_error', message: anthropicMessage },
});

/** Every error's status and bodies, by kind: data, one entry each. */
const ERROR_SPECS: Record<ErrorKind, (c: ErrorContext) => ErrorSpec> = {
  'bad-json': () => invalid('The request body is not valid JSON.', 'There was an issue with your request body: it is not valid JSON.'),
  // Anthropic's own wording: clients and tools match on it.
  'missing-version': () => invalid('anthropic-version: header is required', 'anthropic-version: header is required'),
  'missing-max-tokens': () => invalid('max_tokens: Field required', 'max_tokens: Field required', 'max_tokens'),
  'missing-messages': () => invalid('messages: a non-empty array is required', 'messages: Field required', 'messages'),
  'missing-model': () => invalid('model: Field required', 'model: Field required', 'model'),
  'missing-input': () => invalid("'input' is a required property", "'input' is a required property", 'input'),
  // The OpenAI API's own body for a reasoning model sent max_tokens.
  'unsupported-max-tokens': () => ({
    status: 400,
    openai: {
      type: 'invalid_request_error',
      code: 'unsupported_parameter',
      param: 'max_tokens',
      message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    },
    anthropic: { type: 'invalid_request_error', message: "Unsupported parameter: 'max_tokens' is not supported with this model." },
  }),
  '400': () => invalid('Invalid request: the gateway rejected this request body.', 'Invalid request: the gateway rejected this request body.'),
  'missing-key': () => ({
    status: 401,
    openai: { type: 'invalid_request_error', code: 'invalid_api_key', message: "No API key: send it as 'Authorization: Bearer sk-...'." },
    anthropic: { type: 'authentication_error', message: 'x-api-key header is required' },
  }),
  '401': (c) => ({
    status: 401,
    openai: {
      type: 'invalid_request_error',
      code: 'invalid_api_key',
      message: `Invalid API key: ${c.maskedKey || 'the key'} was not accepted. Check that it is active in the console and was copied without spaces.`,
    },
    anthropic: { type: 'authentication_error', message: 'invalid x-api-key' },
  }),
  '402': () => ({
    status: 402,
    openai: { type: 'billing_error', code: 'insufficient_balance', message: 'Insufficient balance: the account has no funds left. Top up to continue.' },
    anthropic: { type: 'billing_error', message: 'Insufficient balance: the account has no funds left. Top up to continue.' },
  }),
  '403': (c) => ({
    status: 403,
    openai: { type: 'permission_error', code: 'permission_denied', message: `Permission denied: this key may not use ${c.model ? `model \`${c.model}\`` : 'this resource'}.` },
    anthropic: { type: 'permission_error', message: `Permission denied: this key may not use ${c.model ? `model ${c.model}` : 'this resource'}.` },
  }),
  '404-model': (c) => ({
    status: 404,
    openai: { type: 'invalid_request_error', code: 'model_not_found', param: 'model', message: `The model \`${c.model ?? ''}\` does not exist or you do not have access to it.` },
    anthropic: { type: 'not_found_error', message: `model: ${c.model ?? ''}` },
  }),
  'unknown-path': (c) => ({
    status: 404,
    openai: { type: 'invalid_request_error', code: 'invalid_url', message: `Invalid URL (${c.method} ${c.path})` },
    anthropic: { type: 'not_found_error', message: `Invalid URL (${c.method} ${c.path})` },
  }),
  // Codex's built-in provider opens a WebSocket to /v1/responses first; 426 is what makes it fall
  // back to HTTP at once (its own test servers answer so), where a 404 costs it 7 tries and 6 s.
  websocket: () => ({
    status: 426,
    openai: { type: 'invalid_request_error', code: 'websocket_unsupported', message: 'WebSocket is not supported here: send the request over HTTP.' },
    anthropic: { type: 'invalid_request_error', message: 'WebSocket is not supported here: send the request over HTTP.' },
  }),
  '413': (c) => {
  const mb = Math.round(c.maxBodyBytes / 1024 / 1024);
  return {
    status: 413,
    openai: { type: 'invalid_request_error', code: 'request_too_large', message: `Request too large: the body is over ${mb} MB.` },
    anthropic: { type: 'request_too_large', message: `Request exceeds the maximum allowed number of bytes (${mb} MB).` },
  };
  },
  '429': (c) => ({
    status: 429,
    retryAfter: true,
    openai: {
      type: 'requests',
      code: 'rate_limit_exceeded',
      message: `Rate limit reached for ${c.model || 'this key'}: too many requests. Please try again in ${c.retryAfterSeconds}s.`,
    },
    anthropic: { type: 'rate_limit_error', message: `Rate limit reached: too many requests. Please try again in ${c.retryAfterSeconds}s.` },
  }),
  '429-quota': () => ({
    status: 429,
    openai: { type: 'insufficient_quota', code: 'insufficient_quota', message: 'You exceeded your current quota: check your balance and billing details.' },
    anthropic: { type: 'rate_limit_error', message: 'You exceeded your current quota: check your balance and billing details.' },
  }),
  '500': () => ({
    status: 500,
    openai: { type: 'server_error', code: null, message: 'The server had an error while processing your request.' },
    anthropic: { type: 'api_error', message: 'Internal server error' },
  }),
  '502': () => ({
    status: 502,
    openai: { type: 'upstream_error', code: 'bad_gateway', message: 'Upstream error: the provider behind the gateway gave no valid answer.' },
    anthropic: { type: 'api_error', message: 'Upstream error: the provider behind the gateway gave no valid answer.' },
  }),
  '503': () => ({
    status: 503,
    retryAfter: true,
    openai: { type: 'server_error', code: 'service_unavailable', message: 'The server is overloaded or not ready yet.' },
    anthropic: { type: 'api_error', message: 'Service unavailable: the server is overloaded or not ready yet.' },
  }),
  '504': () => ({
    status: 504,
    openai: { type: 'server_error', code: 'gateway_timeout', message: 'Gateway timeout: the upstream provider did not answer in time.' },
    anthropic: { type: 'timeout_error', message: 'Gateway timeout: the upstream provider did not answer in time.' },
  }),
  '529': () => ({
    status: 529,
    openai: { type: 'server_error', code: 'overloaded', message: 'Overloaded' },
    anthropic: { type: 'overloaded_error', message: 'Overloaded' },
  }),
};

const errorSpec = (kind: ErrorKind, c: ErrorContext): ErrorSpec => ERROR_SPECS[kind](c);

export interface ErrorAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** The status, body and extra headers of an error, in the shape of `protocol`. */
export function errorAnswer(kind: ErrorKind, protocol: Protocol, requestId: string, c: ErrorContext): ErrorAnswer {
  const spec = errorSpec(kind, c);
  const headers: Record<string, string> = spec.retryAfter ? { 'retry-after': String(c.retryAfterSeconds) } : {};
  if (protocol === 'anthropic') {
    return { status: spec.status, headers, body: { type: 'error', error: spec.anthropic, request_id: requestId } };
  }
  const { type, code, param, message } = spec.openai;
  return { status: spec.status, headers, body: { error: { message, type, param: param ?? null, code } } };
}

// ---------------------------------------------------------------- completions

const CANNED_ANSWER = 'Hello from ruapi simulate. This is a canned answer from a local stand-in for RuAPI; no model ran.';

/** The canned answer as tokens (a word with its leading space), cut to `maxTokens`. */
export function answerTokens(maxTokens: number | undefined): { tokens: string[]; truncated: boolean } {
  const all = CANNED_ANSWER.split(/(?= )/);
  const limit = maxTokens !== undefined && Number.isFinite(maxTokens) && maxTokens >= 0 ? Math.floor(maxTokens) : all.length;
  return { tokens: all.slice(0, limit), truncated: limit < all.length };
}

/** A rough token count of a request's text: enough for plausible usage numbers. */
export function estimateInputTokens(body: Record<string, unknown>): number {
  const text = JSON.stringify([body.system ?? '', body.messages ?? '', body.instructions ?? '', body.input ?? '']);
  return Math.max(1, Math.ceil(text.length / 4));
}

export interface CompletionInput {
  model: string;
  maxTokens: number | undefined;
  inputTokens: number;
  includeUsage?: boolean;
}

const now = () => Math.floor(Date.now() / 1000);

export function chatCompletion(i: CompletionInput): unknown {
  const { tokens, truncated } = answerTokens(i.maxTokens);
  return {
    id: randomId('chatcmpl-'),
    object: 'chat.completion',
    created: now(),
    model: i.model,
    choices: [{ index: 0, message: { role: 'assistant', content: tokens.join(''), refusal: null }, logprobs: null, finish_reason: truncated ? 'length' : 'stop' }],
    usage: { prompt_tokens: i.inputTokens, completion_tokens: tokens.length, total_tokens: i.inputTokens + tokens.length },
  };
}

/** The `data:` payloads of a chat completion stream, without the final `[DONE]`. */
/** An embeddings answer: one small vector, in the OpenAI shape. */
export function embeddingsAnswer(model: string, inputTokens: number): unknown {
  const embedding = Array.from({ length: 8 }, (_, i) => Math.round(Math.sin(i + 1) * 1e6) / 1e6);
  return { object: 'list', data: [{ object: 'embedding', index: 0, embedding }], model, usage: { prompt_tokens: inputTokens, total_tokens: inputTokens } };
}

export function chatCompletionChunks(i: CompletionInput): unknown[] {
  const { tokens, truncated } = answerTokens(i.maxTokens);
  const base = { id: randomId('chatcmpl-'), object: 'chat.completion.chunk', created: now(), model: i.model };
  const chunk = (delta: Record<string, unknown>, finish: string | null) => ({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
  const chunks: unknown[] = [chunk({ role: 'assistant', content: '' }, null), ...tokens.map((t) => chunk({ content: t }, null)), chunk({}, truncated ? 'length' : 'stop')];
  if (i.includeUsage) {
    chunks.push({ ...base, choices: [], usage: { prompt_tokens: i.inputTokens, completion_tokens: tokens.length, total_tokens: i.inputTokens + tokens.length } });
  }
  return chunks;
}

export function anthropicMessage(i: CompletionInput): unknown {
  const { tokens, truncated } = answerTokens(i.maxTokens);
  return {
    id: randomId('msg_'),
    type: 'message',
    role: 'assistant',
    model: i.model,
    content: [{ type: 'text', text: tokens.join('') }],
    stop_reason: truncated ? 'max_tokens' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: i.inputTokens, output_tokens: tokens.length },
  };
}

/** The named events of an Anthropic message stream, in order, ending with `message_stop`. */
export function anthropicEvents(i: CompletionInput): { event: string; data: unknown }[] {
  const { tokens, truncated } = answerTokens(i.maxTokens);
  const message = {
    id: randomId('msg_'),
    type: 'message',
    role: 'assistant',
    model: i.model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: i.inputTokens, output_tokens: 1 },
  };
  const e = (event: string, data: Record<string, unknown>) => ({ event, data: { type: event, ...data } });
  return [
    e('message_start', { message }),
    e('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
    e('ping', {}),
    ...tokens.map((text) => e('content_block_delta', { index: 0, delta: { type: 'text_delta', text } })),
    e('content_block_stop', { index: 0 }),
    e('message_delta', { delta: { stop_reason: truncated ? 'max_tokens' : 'end_turn', stop_sequence: null }, usage: { output_tokens: tokens.length } }),
    e('message_stop', {}),
  ];
}

// ---------------------------------------------------------------- model lists

const OWNERS: [RegExp, string][] = [
  [/^claude/, 'anthropic'],
  [/^(gpt|o\d|text-embedding|chatgpt)/, 'openai'],
  [/^gemini/, 'google'],
  [/^grok/, 'xai'],
  [/^deepseek/, 'deepseek'],
];

// A fixed date keeps the lists stable between runs.
const LISTED_AT = Date.UTC(2026, 0, 1) / 1000;

export function openaiModelList(ids: readonly string[]): unknown {
  return {
    object: 'list',
    data: ids.map((id) => ({ id, object: 'model', created: LISTED_AT, owned_by: OWNERS.find(([re]) => re.test(id))?.[1] ?? 'ruapi' })),
  };
}

export function anthropicModelList(ids: readonly string[]): unknown {
  const createdAt = new Date(LISTED_AT * 1000).toISOString();
  return {
    data: ids.map((id) => ({ type: 'model', id, display_name: id, created_at: createdAt })),
    has_more: false,
    first_id: ids[0] ?? null,
    last_id: ids[ids.length - 1] ?? null,
  };
}

export const HTML_PAGE = `<!doctype html>
<html><head><title>Welcome</title></head>
<body><h1>Welcome</h1><p>This is a web page, not an API answer. (ruapi simulate: fault "html")</p></body></html>
`;
