import { createServer } from 'node:http';
import { withoutTrailing } from '../core/text.js';
import { BUNDLED_MODELS } from '../models/bundled.js';
import { isRetired } from '../models/lifecycle.js';
import { BodyBudget } from './bodies.js';
import { handle, type SimConfig } from './exchange.js';
import { FaultPlan, parseFaultSpec } from './faults.js';
import { FAULT_KEYS, READY_KEY } from './keys.js';

export { FAULT_NAMES, faultDescription, parseFaultSpec, type FaultName, type FaultStep } from './faults.js';
export { FAULT_KEYS, READY_KEY } from './keys.js';
export { FAULT_MODEL_PREFIX, isReasoningModel } from './exchange.js';

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
  /** The model ids the gateway knows. Default: the bundled catalogue's ids not retired upstream today. */
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

function assertLoopback(host: string): void {
  if (host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return;
  throw new Error(`the simulator listens on loopback only (127.0.0.1, ::1 or localhost), not on '${host}'`);
}

/** Starts a local RuAPI stand-in on loopback. Resolves once it listens; rejects (e.g. EADDRINUSE) if it cannot. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const host = opts.host ?? '127.0.0.1';
  assertLoopback(host);
  // By default the ids that are current or retiring upstream today: `unlisted` serves others too.
  const today = new Date();
  const listed = [...new Set(opts.models ?? BUNDLED_MODELS.ids.filter((id) => !isRetired(id, today)))];
  const closing = new AbortController();
  const cfg: SimConfig = {
    plan: new FaultPlan(opts.fail ? parseFaultSpec(opts.fail) : []),
    slowMs: opts.slowMs ?? 5000,
    retryAfterSeconds: opts.retryAfterSeconds ?? 1,
    redirectTo: withoutTrailing(opts.redirectTo ?? 'http://127.0.0.2:2/', '/'),
    streamDelayMs: opts.streamDelayMs ?? 20,
    listed,
    served: new Set([...listed, ...(opts.unlisted ?? [])]),
    ...(opts.log ? { log: opts.log } : {}),
    closing: closing.signal,
    bodies: new BodyBudget(),
  };
  let requests = 0;

  const server = createServer((req, res) => {
    requests++;
    handle(cfg, req, res).catch((err: unknown) => {
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
