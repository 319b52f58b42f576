import dns from 'node:dns';
import diagnostics from 'node:diagnostics_channel';
import { isIP, type Socket } from 'node:net';
import type * as U from 'undici';
import { OUTSIDE_MAX, oneLine } from '../core/text.js';
import { buildConnector, EnvHttpProxyAgent, Pool, request } from './undici.js';

/**
 * The HTTP client of the live checks: undici, with a connector that times each phase of a
 * connection (DNS, TCP connect, TLS) from the socket's own events, and a record of which phase a
 * request is in, so that a failure or a time-out can name the link that broke.
 */

/** Where a request is: the phases of a connection (direct or through a proxy), then the answer. */
export type Phase = 'proxy-dns' | 'proxy-connect' | 'tunnel' | 'dns' | 'connect' | 'tls' | 'headers' | 'body';

export const PHASE_WAIT: Record<Phase, string> = {
  'proxy-dns': 'the proxy host name to resolve',
  'proxy-connect': 'a connection to the proxy',
  tunnel: 'the proxy to open a tunnel',
  dns: 'DNS to resolve the host name',
  connect: 'the TCP connection',
  tls: 'the TLS handshake',
  headers: 'the first byte of the answer',
  body: 'the rest of the answer',
};

/** How long each phase of the first connection took. Through a proxy, DNS and connect are the proxy's. */
export interface ConnectionTimings {
  dnsMs?: number;
  connectMs?: number;
  tunnelMs?: number;
  tlsMs?: number;
  viaProxy: boolean;
  remoteAddress?: string;
}

/** A network-level failure, classified: what broke, in which phase, and Node's own code. */
export interface NetFailure {
  /** `endless-headers`: the answer's headers went on past undici's limit (16 KB) without ending. */
  kind: 'dns' | 'refused' | 'unreachable' | 'tls' | 'timeout' | 'proxy' | 'reset' | 'endless-headers' | 'other';
  phase: Phase;
  /** Node's or undici's error code, e.g. `ENOTFOUND`, `CERT_HAS_EXPIRED`, `UND_ERR_HEADERS_TIMEOUT`. */
  code?: string;
  /** A short technical description (Node's message, no secrets). */
  message: string;
  /** For TLS: which check failed, in words. */
  tlsCheck?: string;
  /** For a proxy that answered CONNECT with an error status. */
  proxyStatus?: number;
  /** In the `headers` phase: bytes of the answer had come, so its headers began but never ended. */
  headersBegun?: boolean;
}

export type Headers = Record<string, string | string[] | undefined>;

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: string;
  /** Each body chunk with its arrival time (ms after the request started): the stream probe reads these. */
  chunks: Array<{ atMs: number; text: string }>;
  /** From the request being written (connection ready) to the response headers. */
  firstByteMs: number;
  /** The whole request, connection included. */
  ms: number;
  /** Set when the body broke off (reset, stall, time limit) after the headers came. */
  bodyFailure?: NetFailure;
  /** The body was longer than the limit and was cut here. */
  truncated?: boolean;
}

export interface SendRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

interface Attempt {
  startedAt: number;
  hostname: string;
  https: boolean;
  viaProxy: boolean;
  socket?: Socket;
  lookupAt?: number;
  connectAt?: number;
  tunnelAt?: number;
  readyAt?: number;
  remoteAddress?: string;
  /** The socket the answer is read from: the connection itself, or the one inside a proxy's tunnel. */
  httpSocket?: Socket;
}

/** An answer is read this far and no further: an answer that goes on without end must not fill the memory. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Connect time-out per attempt, as undici's default; the run's own deadline may cut it shorter. */
const CONNECT_TIMEOUT_MS = 10_000;

/** `localhost` may resolve to ::1 first while test servers and local gateways listen on 127.0.0.1. */
const lookup: typeof dns.lookup = ((hostname: string, options: dns.LookupOptions, callback: never) =>
  dns.lookup(hostname, hostname.toLowerCase() === 'localhost' ? { ...options, family: 4 } : options, callback)) as typeof dns.lookup;

const TLS_CHECKS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet (check the computer clock)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'a self-signed certificate is in the chain (often a proxy or antivirus inspecting HTTPS)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is for another host name (hostname mismatch)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate was issued by an unknown CA',
  UNABLE_TO_GET_ISSUER_CERT: 'the certificate was issued by an unknown CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate was issued by an unknown CA',
  CERT_UNTRUSTED: 'the certificate is not trusted',
  CERT_REVOKED: 'the certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'the certificate signature is invalid',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS on this port (plain HTTP?)',
};

interface NodeishError extends Error {
  code?: string;
  errors?: unknown[];
  cause?: unknown;
}

/** The most specific error code in an error, its causes and (Happy Eyeballs) aggregated errors. */
function codesOf(err: unknown, depth = 0): string[] {
  if (!err || typeof err !== 'object' || depth > 4) return [];
  const e = err as NodeishError;
  const own = typeof e.code === 'string' ? [e.code] : [];
  const nested = [...(Array.isArray(e.errors) ? e.errors : []), e.cause].flatMap((x) => codesOf(x, depth + 1));
  return [...nested, ...own];
}

function messageOf(err: unknown): string {
  const e = err as NodeishError;
  const inner = e?.cause instanceof Error ? messageOf(e.cause) : Array.isArray(e?.errors) && e.errors[0] ? messageOf(e.errors[0]) : '';
  return inner || (e instanceof Error ? e.message : String(err));
}

/** Turns a Node/undici error into a failure of a named phase. `timedOut`: our own deadline fired. */
export function classifyError(err: unknown, phase: Phase, timedOut: boolean): NetFailure {
  const codes = codesOf(err);
  const has = (...c: string[]) => codes.find((x) => c.includes(x));
  // Node's words can quote the other side (a certificate's names, a proxy's status line).
  const message = oneLine(messageOf(err).split('\n')[0]!, OUTSIDE_MAX.message);
  const proxyPhase = phase === 'proxy-dns' || phase === 'proxy-connect' || phase === 'tunnel';
  const tunnel = /Proxy response \((\d{3})\)/.exec(message) ?? /Proxy Authentication Required \((\d{3})\)/.exec(message);
  if (tunnel) return { kind: 'proxy', phase: 'tunnel', code: codes[0], message, proxyStatus: Number(tunnel[1]) };
  if (has('UND_ERR_HEADERS_OVERFLOW')) return { kind: 'endless-headers', phase: 'headers', code: 'UND_ERR_HEADERS_OVERFLOW', message, headersBegun: true };
  if (timedOut || has('UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT')) {
    const p: Phase = has('UND_ERR_HEADERS_TIMEOUT') ? 'headers' : has('UND_ERR_BODY_TIMEOUT') ? 'body' : phase;
    return { kind: 'timeout', phase: p, code: codes[0] ?? 'TIMEOUT', message };
  }
  const tls = has(...Object.keys(TLS_CHECKS)) ?? (/wrong version number/i.test(message) ? 'ERR_SSL_WRONG_VERSION_NUMBER' : undefined);
  if (tls) return { kind: 'tls', phase: proxyPhase ? phase : 'tls', code: tls, message, tlsCheck: TLS_CHECKS[tls] };
  if (has('UND_ERR_PRX_TLS')) return { kind: 'proxy', phase, code: 'UND_ERR_PRX_TLS', message };
  const dnsCode = has('ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME');
  if (dnsCode) return { kind: proxyPhase ? 'proxy' : 'dns', phase: proxyPhase ? 'proxy-dns' : 'dns', code: dnsCode, message };
  if (has('ECONNREFUSED')) return { kind: proxyPhase ? 'proxy' : 'refused', phase: proxyPhase ? 'proxy-connect' : 'connect', code: 'ECONNREFUSED', message };
  const unreachableCode = has('ENETUNREACH', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL');
  if (unreachableCode) return { kind: proxyPhase ? 'proxy' : 'unreachable', phase, code: unreachableCode, message };
  const code = has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'ECONNABORTED');
  if (code) {
    if (proxyPhase) return { kind: 'proxy', phase, code, message };
    if (phase === 'tls') return { kind: 'tls', phase, code, message, tlsCheck: 'the connection was closed during the TLS handshake (a firewall, a proxy, or a server without TLS)' };
    return { kind: 'reset', phase, code, message };
  }
  return { kind: proxyPhase ? 'proxy' : 'other', phase, code: codes[0], message };
}

/**
 * One client per live run: one connection pool (keep-alive, so the first request pays for DNS, TCP
 * and TLS and later ones show the gateway's own time), proxies from the environment as undici's
 * `EnvHttpProxyAgent` reads them, and a deadline for everything.
 */
export class LiveClient {
  readonly dispatcher: U.Dispatcher;
  /** Phase timings of the first connection made. */
  first?: ConnectionTimings;
  private attempt?: Attempt;
  /** Set while a request runs: re-reads the phase after each socket event. */
  private notify?: () => void;
  private readonly proxySockets = new WeakSet<Socket>();
  private readonly unsubscribe: () => void;

  /**
   * `expectProxy`: the environment names a proxy for this URL, so the first phase is the proxy's
   * DNS, not the target's.
   */
  constructor(private readonly opts: { signal: AbortSignal; deadline: number; expectProxy?: boolean }) {
    const direct = buildConnector({ lookup, timeout: CONNECT_TIMEOUT_MS } as U.buildConnector.BuildOptions);
    const agentOptions = {
      connect: this.timed(direct, false),
      // The proxy's own connection is made by the ProxyAgent; timing it needs our connector there too.
      clientFactory: (origin: URL, o: { connect: U.buildConnector.connector }) => new Pool(origin, { ...o, connect: this.timed(o.connect, true) }),
      proxyTls: { lookup, timeout: CONNECT_TIMEOUT_MS },
      requestTls: { timeout: CONNECT_TIMEOUT_MS },
    };
    this.dispatcher = new EnvHttpProxyAgent(agentOptions as unknown as U.EnvHttpProxyAgent.Options);

    // Through a proxy, the tunnel and the TLS handshake inside it happen in undici's ProxyAgent; its
    // diagnostics channels are the only place to see when each ends. Events are matched to our own
    // proxy sockets, so parallel runs in one process do not mix.
    const onTunnel = (msg: unknown) => {
      const { socket } = msg as { socket: Socket };
      if (this.proxySockets.has(socket) && this.attempt?.socket === socket) {
        this.attempt.tunnelAt = performance.now();
        this.notify?.();
      }
    };
    const onConnected = (msg: unknown) => {
      const { socket } = msg as { socket: Socket & { _parent?: Socket } };
      const a = this.attempt;
      // The proxy's own connection is announced here too; only the one after the tunnel counts.
      if (!a?.viaProxy || a.readyAt || !a.socket || a.tunnelAt === undefined) return;
      if (socket === a.socket || socket._parent === a.socket) {
        a.httpSocket = socket;
        this.markReady(a);
      }
    };
    diagnostics.subscribe('undici:proxy:connected', onTunnel);
    diagnostics.subscribe('undici:client:connected', onConnected);
    this.unsubscribe = () => {
      diagnostics.unsubscribe('undici:proxy:connected', onTunnel);
      diagnostics.unsubscribe('undici:client:connected', onConnected);
    };
  }

  /** Wraps a connector so the socket's own events time each phase. */
  private timed(base: U.buildConnector.connector, viaProxy: boolean): U.buildConnector.connector {
    return (options, callback) => {
      const attempt: Attempt = { startedAt: performance.now(), hostname: options.hostname, https: options.protocol === 'https:', viaProxy };
      this.attempt = attempt;
      const socket = (base as unknown as (o: U.buildConnector.Options, cb: U.buildConnector.Callback) => Socket)(options, (err, sock) => {
        if (!err) {
          // undici's own listener may run before ours: the callback is proof the TCP connection is up.
          attempt.connectAt ??= performance.now();
          attempt.remoteAddress ??= (sock as Socket).remoteAddress;
          if (!viaProxy) {
            attempt.httpSocket = sock as Socket;
            this.markReady(attempt);
          }
        }
        (callback as (e: Error | null, s: Socket | null) => void)(err, sock);
      });
      attempt.socket = socket;
      if (viaProxy) this.proxySockets.add(socket);
      socket.once('lookup', (err: Error | null) => {
        // A failed lookup emits the event too: DNS is still the phase that broke.
        if (err) return;
        attempt.lookupAt = performance.now();
        this.notify?.();
      });
      socket.once('connect', () => {
        attempt.connectAt ??= performance.now();
        attempt.remoteAddress ??= socket.remoteAddress;
        this.notify?.();
      });
      return socket as never;
    };
  }

  private markReady(a: Attempt): void {
    a.readyAt = performance.now();
    this.notify?.();
    if (this.first) return;
    const lookupEnd = a.lookupAt ?? a.startedAt;
    const connectEnd = a.connectAt ?? lookupEnd;
    const tunnelEnd = a.tunnelAt ?? connectEnd;
    this.first = {
      viaProxy: a.viaProxy,
      dnsMs: a.lookupAt !== undefined ? a.lookupAt - a.startedAt : 0,
      connectMs: connectEnd - lookupEnd,
      ...(a.viaProxy && a.tunnelAt !== undefined ? { tunnelMs: a.tunnelAt - connectEnd } : {}),
      ...(a.https ? { tlsMs: a.readyAt! - tunnelEnd } : {}),
      ...(a.remoteAddress ? { remoteAddress: a.remoteAddress } : {}),
    };
  }

  /** The address the latest connection reached (the proxy's, through a proxy). */
  get remoteAddress(): string | undefined {
    return this.attempt?.remoteAddress;
  }

  /** The phase a request started at `since` is in now. */
  phase(since: number, gotHeaders = false): Phase {
    if (gotHeaders) return 'body';
    const a = this.attempt;
    if (!a) return this.opts.expectProxy ? 'proxy-dns' : 'dns';
    if (a.startedAt < since || a.readyAt) return 'headers';
    if (a.viaProxy) return a.connectAt === undefined ? (a.lookupAt === undefined && needsLookup(a) ? 'proxy-dns' : 'proxy-connect') : a.tunnelAt === undefined ? 'tunnel' : a.https ? 'tls' : 'headers';
    if (a.connectAt === undefined) return a.lookupAt === undefined && needsLookup(a) ? 'dns' : 'connect';
    return a.https ? 'tls' : 'headers';
  }

  /**
   * Sends one request and reads the whole answer (up to 2 MB), never throwing: a network failure
   * comes back as a classified `failure`. `onPhase` hears each phase change, for "waiting for …".
   */
  async send(req: SendRequest, onPhase?: (phase: Phase) => void): Promise<{ answer?: HttpAnswer; failure?: NetFailure }> {
    const started = performance.now();
    const remaining = () => Math.max(1, Math.floor(this.opts.deadline - performance.now()));
    let lastPhase: Phase | undefined;
    let gotHeaders = false;
    // What a kept-alive connection had read before this request: more after it is this answer's.
    const reused = this.attempt?.httpSocket;
    const readBefore = reused?.bytesRead ?? 0;
    this.notify = () => {
      const p = this.phase(started, gotHeaders);
      if (p !== lastPhase) onPhase?.((lastPhase = p));
    };
    this.notify();
    try {
      let res: U.Dispatcher.ResponseData;
      try {
        res = await request(req.url, {
          method: req.method,
          headers: req.headers,
          body: req.body,
          dispatcher: this.dispatcher,
          signal: this.opts.signal,
          headersTimeout: remaining(),
          bodyTimeout: remaining(),
        });
      } catch (err) {
        const failure = classifyError(err, this.phase(started), this.opts.signal.aborted);
        const socket = this.attempt?.httpSocket;
        // Timed out in the headers with bytes of the answer read: they began, and never ended.
        if (failure.kind === 'timeout' && failure.phase === 'headers' && socket && socket.bytesRead > (socket === reused ? readBefore : 0)) failure.headersBegun = true;
        return { failure };
      }
      gotHeaders = true;
      this.notify();
      const headersAt = performance.now();
      const writtenAt = this.attempt && this.attempt.startedAt >= started && this.attempt.readyAt ? this.attempt.readyAt : started;
      const answer: HttpAnswer = {
        status: res.statusCode,
        headers: res.headers as Headers,
        body: '',
        chunks: [],
        firstByteMs: headersAt - writtenAt,
        ms: 0,
      };
      const decoder = new TextDecoder();
      let bytes = 0;
      try {
        for await (const chunk of res.body) {
          const buf = chunk as Buffer;
          bytes += buf.length;
          const text = decoder.decode(buf, { stream: true });
          answer.chunks.push({ atMs: performance.now() - started, text });
          answer.body += text;
          if (bytes > MAX_BODY_BYTES) {
            answer.truncated = true;
            res.body.destroy();
            break;
          }
        }
        answer.body += decoder.decode();
      } catch (err) {
        answer.bodyFailure = classifyError(err, 'body', this.opts.signal.aborted);
      }
      answer.ms = performance.now() - started;
      return { answer };
    } finally {
      this.notify = undefined;
    }
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.dispatcher.destroy().catch(() => {});
  }
}

/** net.connect skips the lookup (and its event) for an IP address. */
const needsLookup = (a: Attempt): boolean => isIP(a.hostname.replace(/^\[|\]$/g, '')) === 0;
