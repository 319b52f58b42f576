import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Protocol } from '../core/finding.js';
import { redactKey, redactText } from '../core/redact.js';
import { MAX_BODY_BYTES, readBody, type Body, type BodyBudget } from './bodies.js';
import { OUTSIDE_MAX, oneLine } from '../core/text.js';
import { asFaultName, type FaultName, type FaultPlan } from './faults.js';
import { classifyKey } from './keys.js';
import {
  HTML_PAGE,
  anthropicEvents,
  anthropicMessage,
  anthropicModelList,
  chatCompletion,
  chatCompletionChunks,
  embeddingsAnswer,
  errorAnswer,
  estimateInputTokens,
  openaiModelList,
  randomId,
  type CompletionInput,
  type ErrorKind,
} from './responses.js';
import { responseEvents, responseObject } from './responses-api.js';

/**
 * One request to the simulator, from its first byte to its answer: what it asks for, the fault it
 * gets, and the answer that fault calls for. `handle` is the whole of it; the steps below read in
 * the order a request meets them.
 */

/** What every request of one simulator shares. */
export interface SimConfig {
  plan: FaultPlan;
  slowMs: number;
  retryAfterSeconds: number;
  redirectTo: string;
  streamDelayMs: number;
  /** The ids GET /v1/models lists. */
  listed: string[];
  /** Every id it serves: the listed ones and the unlisted ones. */
  served: ReadonlySet<string>;
  log?: (line: string) => void;
  /** Aborted on close(): cuts short every pending slow, stall and stream wait. */
  closing: AbortSignal;
  /** The request bodies held at once, all requests together. */
  bodies: BodyBudget;
}

/** Model ids of the form `sim-fault-<fault>` trigger that fault for one request. */
export const FAULT_MODEL_PREFIX = 'sim-fault-';

/** Faults that make sense for a model list; any other fault leaves GET /v1/models answering normally. */
const MODEL_LIST_FAULTS: ReadonlySet<FaultName> = new Set(['401', '403', 'no-models']);

const STATUS_FAULTS: ReadonlySet<string> = new Set(['400', '401', '402', '403', '404-model', '413', '429', '429-quota', '500', '502', '503', '504', '529']);

type Route = 'models' | 'chat' | 'messages' | 'embeddings' | 'responses' | 'unknown';

function routeOf(method: string, path: string): Route {
  if (method === 'GET' && path === '/v1/models') return 'models';
  if (method === 'POST' && path === '/v1/chat/completions') return 'chat';
  if (method === 'POST' && path === '/v1/embeddings') return 'embeddings';
  if (method === 'POST' && path === '/v1/responses') return 'responses';
  if (method === 'POST' && path === '/v1/messages') return 'messages';
  return 'unknown';
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The key as the gateway reads it: `x-api-key` where the Anthropic protocol allows it, else `Authorization: Bearer`. */
function presentedKey(req: IncomingMessage, route: Route): string | undefined {
  const xApiKey = header(req, 'x-api-key');
  if (xApiKey && (route === 'messages' || route === 'models')) return xApiKey.trim();
  const auth = header(req, 'authorization');
  const m = auth?.match(/^\s*Bearer\s+(.*)$/i);
  return m?.[1]?.trim() || undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The OpenAI API's reasoning models (the o-series, gpt-5 and later, but not their `-chat` ids):
 * a chat request with `max_tokens` gets `400 unsupported_parameter`.
 */
export function isReasoningModel(model: string): boolean {
  return /^(o[1-9]|gpt-[5-9])(?![0-9])/.test(model) && !/-chat(-|$)/.test(model);
}

/** A request under way, and the ways to answer it. */
class Exchange {
  readonly started = performance.now();
  readonly method: string;
  readonly path: string;
  readonly route: Route;
  readonly requestId = randomId('req_');
  readonly key: string | undefined;
  readonly protocol: Protocol;
  model: string | undefined;
  fault: FaultName = 'ok';
  closed = false;
  /** Made only for requests that wait: most do not, and it is a tenth of the cost of a plain answer. */
  private gone: AbortController | undefined;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    private readonly cfg: SimConfig,
  ) {
    this.method = req.method ?? 'GET';
    this.path = new URL(req.url ?? '/', 'http://simulator').pathname;
    this.route = routeOf(this.method, this.path);
    this.key = presentedKey(req, this.route);
    const anthropicList = this.route === 'models' && (header(req, 'anthropic-version') !== undefined || header(req, 'x-api-key') !== undefined);
    this.protocol = this.route === 'messages' || anthropicList ? 'anthropic' : 'openai';
    res.on('close', () => this.onClose());
  }

  private onClose(): void {
    this.closed = true;
    this.gone?.abort();
    if (!this.cfg.log) return;
    const status = this.res.headersSent ? String(this.res.statusCode) : '-';
    const ms = Math.round(performance.now() - this.started);
    // The model id, the path and the key are the client's: one line each, capped, so no request can write a log line of its own.
    const model = this.model === undefined ? '-' : oneLine(this.model, OUTSIDE_MAX.id).replace(/ /g, '_') || '-';
    const key = this.key ? oneLine(redactKey(this.key), OUTSIDE_MAX.id) : '-';
    const line = `${this.method} ${oneLine(this.path, OUTSIDE_MAX.url)} model=${model} status=${status} fault=${this.fault} ms=${ms} id=${this.requestId} key=${key}`;
    this.cfg.log(redactText(line, [this.key]));
  }

  /** Waits; false when the client went away or the simulator closes first. */
  wait(ms: number): Promise<boolean> {
    return pause(ms, AbortSignal.any([(this.gone ??= new AbortController()).signal, this.cfg.closing]));
  }

  get idHeaders(): Record<string, string> {
    const id = this.requestId;
    if (this.route === 'unknown') return { 'x-request-id': id, 'request-id': id };
    return this.protocol === 'anthropic' ? { 'request-id': id } : { 'x-request-id': id };
  }

  send(status: number, body: string, contentType: string, extra: Record<string, string> = {}): void {
    this.res.writeHead(status, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)), ...this.idHeaders, ...extra });
    this.res.end(body);
  }

  sendJson(status: number, body: unknown, extra: Record<string, string> = {}): void {
    this.send(status, JSON.stringify(body), 'application/json', extra);
  }

  sendError(kind: ErrorKind, as: Protocol = this.protocol): void {
    const c = { model: this.model, maskedKey: this.key ? redactKey(this.key) : undefined, method: this.method, path: this.path, retryAfterSeconds: this.cfg.retryAfterSeconds, maxBodyBytes: MAX_BODY_BYTES };
    const answer = errorAnswer(kind, as, this.requestId, c);
    this.sendJson(answer.status, answer.body, answer.headers);
  }

  /** An unknown path has one shape whatever the protocol: the OpenAI-style body, both id headers. */
  sendUnknownPath(): void {
    this.sendError('unknown-path', 'openai');
  }
}

/** Answers one request; the bytes of its body count against the simulator's budget until it is answered. */
export async function handle(cfg: SimConfig, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const x = new Exchange(req, res, cfg);
  const held = x.method === 'POST' || x.method === 'PUT' || x.method === 'PATCH' ? await readBody(req, cfg.bodies) : undefined;
  try {
    await answer(cfg, x, held?.body ?? { kind: 'read', text: '' });
  } finally {
    held?.release();
  }
}

/** The answer, in the order a gateway decides it: overloaded, unknown path, key, request, fault, model, then the real answer. */
async function answer(cfg: SimConfig, x: Exchange, body: Body): Promise<void> {
  if (x.closed || cfg.closing.aborted) return;
  // Too many bodies at once: overloaded, try again (the SDKs retry a 503 by themselves).
  if (body.kind === 'busy') return x.sendError('503');
  // The simulator speaks HTTP only: a WebSocket upgrade (Codex tries one first) is told to use HTTP.
  if (header(x.req, 'upgrade')?.toLowerCase() === 'websocket') return x.sendError('websocket', 'openai');
  if (x.route === 'unknown') return x.sendUnknownPath();
  const keyKind = classifyKey(x.key);
  if (keyKind.kind === 'missing') return x.sendError('missing-key');
  if (keyKind.kind === 'unknown') return x.sendError('401');
  const json = x.route === 'models' ? {} : validRequest(x, body);
  if (!json) return;

  // The fault: chosen by the key, else by the model id, else by the run's --fail plan.
  const modelFault = x.model?.startsWith(FAULT_MODEL_PREFIX) ? asFaultName(x.model.slice(FAULT_MODEL_PREFIX.length)) : undefined;
  const chosen = keyKind.kind === 'fault' ? keyKind.fault : modelFault ? modelFault : x.route === 'models' ? cfg.plan.peek() : cfg.plan.take();
  x.fault = x.route === 'models' ? (MODEL_LIST_FAULTS.has(chosen) ? chosen : 'ok') : chosen === 'no-models' ? 'ok' : chosen;
  if (!(await answerFault(cfg, x))) return;

  if (x.route === 'models') return x.sendJson(200, x.protocol === 'anthropic' ? anthropicModelList(cfg.listed) : openaiModelList(cfg.listed));
  if (!cfg.served.has(x.model!) && !modelFault) return x.sendError('404-model');
  if (x.route === 'embeddings') return x.sendJson(200, embeddingsAnswer(x.model!, estimateInputTokens(json)));
  return answerCompletion(cfg, x, json);
}

/** The request's JSON body, or undefined once it has been answered with the error it deserves. */
function validRequest(x: Exchange, body: Exclude<Body, { kind: 'busy' }>): Record<string, unknown> | undefined {
  const refuse = (kind: ErrorKind) => void x.sendError(kind);
  if (x.route === 'messages' && header(x.req, 'anthropic-version') === undefined) return refuse('missing-version');
  if (body.kind === 'too-large') return refuse('413');
  let json: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(body.text);
    if (!isRecord(parsed)) return refuse('bad-json');
    json = parsed;
  } catch {
    return refuse('bad-json');
  }
  x.model = typeof json.model === 'string' ? json.model : undefined;
  if (!x.model) return refuse('missing-model');
  if (x.route === 'embeddings' || x.route === 'responses') {
    if (typeof json.input !== 'string' && !Array.isArray(json.input)) return refuse('missing-input');
  } else if (!Array.isArray(json.messages) || (x.route === 'chat' && json.messages.length === 0)) return refuse('missing-messages');
  if (x.route === 'messages' && typeof json.max_tokens !== 'number') return refuse('missing-max-tokens');
  // The OpenAI API's reasoning models refuse max_tokens (they count reasoning tokens too).
  if (x.route === 'chat' && json.max_tokens !== undefined && isReasoningModel(x.model)) return refuse('unsupported-max-tokens');
  return json;
}

/** Answers the faults that replace the answer; true when the normal answer is still to come. */
async function answerFault(cfg: SimConfig, x: Exchange): Promise<boolean> {
  if (STATUS_FAULTS.has(x.fault)) return void x.sendError(x.fault as ErrorKind), false;
  switch (x.fault) {
    case '404-url':
    case 'no-models':
      return x.sendUnknownPath(), false;
    case 'reset':
      return x.req.socket.destroy(), false;
    case 'html':
      return x.send(200, HTML_PAGE, 'text/html; charset=utf-8'), false;
    case 'empty':
      return x.send(200, '', 'application/json'), false;
    case 'redirect':
      return x.send(307, '', 'text/plain', { location: `${cfg.redirectTo}${x.path}` }), false;
    case 'slow':
      return x.wait(cfg.slowMs);
    default:
      return true;
  }
}

/** A chat completion or a message, whole or streamed; `cut` and `stall` break it part-way. */
async function answerCompletion(cfg: SimConfig, x: Exchange, json: Record<string, unknown>): Promise<void> {
  const limit = [json.max_tokens, json.max_completion_tokens, json.max_output_tokens].find((n) => typeof n === 'number');
  const maxTokens = typeof limit === 'number' ? limit : undefined;
  const streamOptions = isRecord(json.stream_options) ? json.stream_options : {};
  const input: CompletionInput = { model: x.model!, maxTokens, inputTokens: estimateInputTokens(json), includeUsage: streamOptions.include_usage === true };
  const mode = x.fault === 'cut' || x.fault === 'stall' ? x.fault : 'whole';
  const { req, res } = x;

  if (json.stream !== true) {
    const text = JSON.stringify(x.route === 'chat' ? chatCompletion(input) : x.route === 'responses' ? responseObject(input) : anthropicMessage(input));
    if (mode === 'whole') return x.send(200, text, 'application/json');
    // The headers promise the whole body; only its first half ever arrives.
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...x.idHeaders });
    res.write(text.slice(0, Math.floor(text.length / 2)));
    if (mode === 'stall' && !(await x.wait(cfg.slowMs))) return;
    return void (mode === 'cut' ? (req.socket as Socket).end() : req.socket.destroy());
  }

  const events =
    x.route === 'chat'
      ? [...chatCompletionChunks(input).map((data) => `data: ${JSON.stringify(data)}\n\n`), 'data: [DONE]\n\n']
      : (x.route === 'responses' ? responseEvents(input) : anthropicEvents(input)).map(({ event, data }) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...x.idHeaders });
  // 'cut' sends about half the events, then ends the response cleanly: only the missing final event tells.
  const count = mode === 'cut' ? Math.max(1, Math.floor(events.length / 2)) : mode === 'stall' ? 1 : events.length;
  for (let i = 0; i < count; i++) {
    if (i > 0 && !(await x.wait(cfg.streamDelayMs))) return;
    res.write(events[i]);
  }
  if (mode === 'stall') {
    if (await x.wait(cfg.slowMs)) req.socket.destroy();
    return;
  }
  res.end();
}

/** Waits `ms`; false when the wait was cut short (client gone or simulator closing). */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
