import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Protocol } from '../core/finding.js';
import { BUNDLED_MODELS } from '../models/catalog.js';
import { redactKey, redactText } from '../core/redact.js';
import { FaultPlan, asFaultName, parseFaultSpec, type FaultName } from './faults.js';
import { FAULT_KEYS, READY_KEY, classifyKey } from './keys.js';
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
  type ErrorContext,
  type ErrorKind,
} from './responses.js';

export { FAULT_NAMES, FAULT_DESCRIPTIONS, parseFaultSpec, type FaultName, type FaultStep } from './faults.js';
export { FAULT_KEYS, READY_KEY } from './keys.js';

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** Loopback only; default 127.0.0.1. */
  host?: string;
  /** The `--fail` spec: `429`, `429:0.3` (a rate), `503,503,ok` (a sequence, repeating). */
  fail?: string;
  /** For `slow` (headers after this long) and `stall` (body stops this long, then the socket drops). Default 5000. */
  slowMs?: number;
  /** `retry-after` on 429 and 503. Default 1. */
  retryAfterSeconds?: number;
  /** Where `redirect` sends the client. Default http://127.0.0.2:2/: another host, nothing listening (port 9 would be refused by fetch itself as a "bad port"). */
  redirectTo?: string;
  /** Called once per request, when it ends: method, path, model, status, fault, ms, request id; key redacted. */
  log?: (line: string) => void;
  /** The model ids the gateway knows. Default: the bundled catalog. */
  models?: string[];
  /** Model ids the gateway serves but leaves out of GET /v1/models (as gateways do with hidden or new models). */
  unlisted?: string[];
  /** Pause between stream events, so that a streaming client sees them arrive over time. Default 20. */
  streamDelayMs?: number;
}

/** A running simulator. */
export interface Simulator {
  port: number;
  /** http://127.0.0.1:PORT */
  url: string;
  /** For the OpenAI protocol: ends in /v1. */
  openaiBaseUrl: string;
  /** For the Anthropic protocol: no /v1 (the SDK adds /v1/messages). */
  anthropicBaseUrl: string;
  /** The key that gets normal answers. */
  key: string;
  /** Fault name → a key that always triggers it. */
  faultKeys: Record<string, string>;
  /** Requests received so far (every path). */
  readonly requests: number;
  close(): Promise<void>;
}

/** Model ids of the form `sim-fault-<fault>` trigger that fault for one request. */
export const FAULT_MODEL_PREFIX = 'sim-fault-';

/** Anthropic's limit for the Messages API; bodies over it get a 413. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Faults that make sense for a model list; any other fault leaves GET /v1/models answering normally. */
const MODEL_LIST_FAULTS: ReadonlySet<FaultName> = new Set(['401', '403', 'no-models']);

const STATUS_FAULTS: ReadonlySet<string> = new Set(['400', '401', '402', '403', '404-model', '413', '429', '429-quota', '500', '502', '503', '504', '529']);

type Route = 'models' | 'chat' | 'messages' | 'embeddings' | 'unknown';

function routeOf(method: string, path: string): Route {
  if (method === 'GET' && path === '/v1/models') return 'models';
  if (method === 'POST' && path === '/v1/chat/completions') return 'chat';
  if (method === 'POST' && path === '/v1/embeddings') return 'embeddings';
  if (method === 'POST' && path === '/v1/messages') return 'messages';
  return 'unknown';
}

function assertLoopback(host: string): void {
  if (host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return;
  throw new Error(`the simulator listens on loopback only (127.0.0.1, ::1 or localhost), not on '${host}'`);
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

/** Reads the body, keeping at most MAX_BODY_BYTES (the rest is drained so the client can finish sending). */
async function readBody(req: IncomingMessage): Promise<{ text: string; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The OpenAI API's reasoning models (the o-series, gpt-5 and later, but not their `-chat` ids):
 * a chat request with `max_tokens` gets `400 unsupported_parameter`.
 */
export function isReasoningModel(model: string): boolean {
  return /^(o[1-9]|gpt-[5-9])(?![0-9])/.test(model) && !/-chat(-|$)/.test(model);
}

/** Starts a local RuAPI stand-in on loopback. Resolves once it listens; rejects (e.g. EADDRINUSE) if it cannot. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const host = opts.host ?? '127.0.0.1';
  assertLoopback(host);
  const plan = new FaultPlan(opts.fail ? parseFaultSpec(opts.fail) : []);
  const slowMs = opts.slowMs ?? 5000;
  const retryAfterSeconds = opts.retryAfterSeconds ?? 1;
  const redirectTo = (opts.redirectTo ?? 'http://127.0.0.2:2/').replace(/\/+$/, '');
  const streamDelayMs = opts.streamDelayMs ?? 20;
  const modelIds = [...new Set(opts.models ?? BUNDLED_MODELS.ids)];
  const models = new Set([...modelIds, ...(opts.unlisted ?? [])]);
  const log = opts.log;
  /** Aborted on close(): cuts short every pending slow, stall and stream wait. */
  const closing = new AbortController();
  let requests = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    requests++;
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://simulator').pathname;
    const route = routeOf(method, path);
    const requestId = randomId('req_');
    const key = presentedKey(req, route);
    let model: string | undefined;
    let fault: FaultName = 'ok';

    // Waits end early when the client goes away or the simulator closes. The controller is made
    // only for requests that wait: most do not, and it is a tenth of the cost of a plain answer.
    let closed = false;
    let gone: AbortController | undefined;
    const wait = (ms: number) => pause(ms, AbortSignal.any([(gone ??= new AbortController()).signal, closing.signal]));
    res.on('close', () => {
      closed = true;
      gone?.abort();
      if (!log) return;
      const status = res.headersSent ? String(res.statusCode) : '-';
      const ms = Math.round(performance.now() - started);
      const modelText = model === undefined ? '-' : model.replace(/\s/g, '_').slice(0, 100);
      const line = `${method} ${path} model=${modelText} status=${status} fault=${fault} ms=${ms} id=${requestId} key=${key ? redactKey(key) : '-'}`;
      log(redactText(line, [key]));
    });

    const protocol: Protocol =
      route === 'messages' || (route === 'models' && (header(req, 'anthropic-version') !== undefined || header(req, 'x-api-key') !== undefined))
        ? 'anthropic'
        : 'openai';
    const idHeaders: Record<string, string> =
      route === 'unknown' ? { 'x-request-id': requestId, 'request-id': requestId } : protocol === 'anthropic' ? { 'request-id': requestId } : { 'x-request-id': requestId };

    const send = (status: number, body: string, contentType: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)), ...idHeaders, ...extra });
      res.end(body);
    };
    const sendJson = (status: number, body: unknown, extra: Record<string, string> = {}) => send(status, JSON.stringify(body), 'application/json', extra);
    const errorContext = (): ErrorContext => ({ model, maskedKey: key ? redactKey(key) : undefined, method, path, retryAfterSeconds, maxBodyBytes: MAX_BODY_BYTES });
    const sendError = (kind: ErrorKind, as: Protocol = protocol) => {
      const answer = errorAnswer(kind, as, requestId, errorContext());
      sendJson(answer.status, answer.body, answer.headers);
    };
    /** An unknown path has one shape whatever the protocol: the OpenAI-style body, both id headers. */
    const sendUnknownPath = () => sendError('unknown-path', 'openai');

    const body = method === 'POST' || method === 'PUT' || method === 'PATCH' ? await readBody(req) : { text: '', tooLarge: false };
    if (closed || closing.signal.aborted) return;
    if (route === 'unknown') return sendUnknownPath();

    const keyKind = classifyKey(key);
    if (keyKind.kind === 'missing') return sendError('missing-key');
    if (keyKind.kind === 'unknown') return sendError('401');

    let json: Record<string, unknown> = {};
    if (route !== 'models') {
      if (route === 'messages' && header(req, 'anthropic-version') === undefined) return sendError('missing-version');
      if (body.tooLarge) return sendError('413');
      try {
        const parsed: unknown = JSON.parse(body.text);
        if (!isRecord(parsed)) return sendError('bad-json');
        json = parsed;
      } catch {
        return sendError('bad-json');
      }
      model = typeof json.model === 'string' ? json.model : undefined;
      if (!model) return sendError('missing-model');
      if (route === 'embeddings') {
        if (typeof json.input !== 'string' && !Array.isArray(json.input)) return sendError('missing-input');
      } else if (!Array.isArray(json.messages) || (route === 'chat' && json.messages.length === 0)) return sendError('missing-messages');
      if (route === 'messages' && typeof json.max_tokens !== 'number') return sendError('missing-max-tokens');
      // The OpenAI API's reasoning models refuse max_tokens (they count reasoning tokens too).
      if (route === 'chat' && json.max_tokens !== undefined && isReasoningModel(model)) return sendError('unsupported-max-tokens');
    }

    // The fault: chosen by the key, else by the model id, else by the run's --fail plan.
    const modelFault = model?.startsWith(FAULT_MODEL_PREFIX) ? asFaultName(model.slice(FAULT_MODEL_PREFIX.length)) : undefined;
    const chosen = keyKind.kind === 'fault' ? keyKind.fault : modelFault ? modelFault : route === 'models' ? plan.peek() : plan.take();
    fault = route === 'models' ? (MODEL_LIST_FAULTS.has(chosen) ? chosen : 'ok') : chosen === 'no-models' ? 'ok' : chosen;

    if (STATUS_FAULTS.has(fault)) return sendError(fault as ErrorKind);
    switch (fault) {
      case '404-url':
      case 'no-models':
        return sendUnknownPath();
      case 'reset':
        req.socket.destroy();
        return;
      case 'html':
        return send(200, HTML_PAGE, 'text/html; charset=utf-8');
      case 'empty':
        return send(200, '', 'application/json');
      case 'redirect':
        return send(307, '', 'text/plain', { location: `${redirectTo}${path}` });
      case 'slow':
        if (!(await wait(slowMs))) return;
        break;
      default:
        break;
    }

    if (route === 'models') return sendJson(200, protocol === 'anthropic' ? anthropicModelList(modelIds) : openaiModelList(modelIds));
    if (!models.has(model!) && !modelFault) return sendError('404-model');
    if (route === 'embeddings') return sendJson(200, embeddingsAnswer(model!, estimateInputTokens(json)));

    const maxTokens = typeof json.max_tokens === 'number' ? json.max_tokens : typeof json.max_completion_tokens === 'number' ? json.max_completion_tokens : undefined;
    const streamOptions = isRecord(json.stream_options) ? json.stream_options : {};
    const input: CompletionInput = { model: model!, maxTokens, inputTokens: estimateInputTokens(json), includeUsage: streamOptions.include_usage === true };
    const mode = fault === 'cut' || fault === 'stall' ? fault : 'whole';

    if (json.stream !== true) {
      const text = JSON.stringify(route === 'chat' ? chatCompletion(input) : anthropicMessage(input));
      if (mode === 'whole') return send(200, text, 'application/json');
      // The headers promise the whole body; only its first half ever arrives.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...idHeaders });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      if (mode === 'stall' && !(await wait(slowMs))) return;
      return void (mode === 'cut' ? (req.socket as Socket).end() : req.socket.destroy());
    }

    const events =
      route === 'chat'
        ? [...chatCompletionChunks(input).map((data) => `data: ${JSON.stringify(data)}\n\n`), 'data: [DONE]\n\n']
        : anthropicEvents(input).map(({ event, data }) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...idHeaders });
    // 'cut' sends about half the events, then ends the response cleanly: only the missing final event tells.
    const count = mode === 'cut' ? Math.max(1, Math.floor(events.length / 2)) : mode === 'stall' ? 1 : events.length;
    for (let i = 0; i < count; i++) {
      if (i > 0 && !(await wait(streamDelayMs))) return;
      res.write(events[i]);
    }
    if (mode === 'stall') {
      if (await wait(slowMs)) req.socket.destroy();
      return;
    }
    res.end();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A bug in the simulator must not take it down: answer 500 if still possible, else drop the socket.
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`ruapi simulate: internal error: ${err instanceof Error ? err.message : String(err)}`);
      } else req.socket.destroy();
    });
  });
  // A client may drop a stalled connection at any time; that is not the simulator's problem.
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the simulator did not get a TCP port');
  const port = address.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    port,
    url,
    openaiBaseUrl: `${url}/v1`,
    anthropicBaseUrl: url,
    key: READY_KEY,
    faultKeys: { ...FAULT_KEYS },
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
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
