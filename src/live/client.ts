import dns from 'node:dns';
import diagnostics from 'node:diagnostics_channel';
import { isIP, type Socket } from 'node:net';
import type * as U from 'undici';
import { isLoopbackAddress } from '../core/hosts.js';
import { Agent, buildConnector, Pool, ProxyAgent, request } from './undici.js';
import { classifyError, NOT_LOOPBACK, type NetFailure, type Phase } from './net-errors.js';

export { classifyError, NOT_LOOPBACK, type NetFailure, type Phase } from './net-errors.js';

/**
 * The HTTP client of the live checks: undici, with a connector that times each phase of a
 * connection (DNS, TCP connect, TLS) from the socket's own events, and a record of which phase a
 * request is in, so that a failure or a time-out can name the link that broke.
 */


/** How long each phase of the first connection took. Through a proxy, DNS and connect are the proxy's. */
export interface ConnectionTimings {
  dnsMs?: number;
  connectMs?: number;
  tunnelMs?: number;
  tlsMs?: number;
  viaProxy: boolean;
  remoteAddress?: string;
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
export const lookup: typeof dns.lookup = ((hostname: string, options: dns.LookupOptions, callback: never) =>
  dns.lookup(hostname, hostname.toLowerCase() === 'localhost' ? { ...options, family: 4 } : options, callback)) as typeof dns.lookup;

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
   * `proxy`: the proxy URL to go through (src/live/hosts.ts `proxyFor` decides; none: straight to
   * the host), so the first phase is then the proxy's DNS, not the target's. `loopbackOnly`: the
   * key goes to this host because it is this machine, so a connection that reaches any other
   * address is closed before a byte is written (a `not-loopback` failure). `lookup`: how names
   * resolve (tests map a name to an address); by default the system's.
   */
  constructor(private readonly opts: { signal: AbortSignal; deadline: number; proxy?: string; loopbackOnly?: boolean; lookup?: typeof dns.lookup }) {
    const resolve = opts.lookup ?? lookup;
    const direct = buildConnector({ lookup: resolve, timeout: CONNECT_TIMEOUT_MS } as U.buildConnector.BuildOptions);
    this.dispatcher = opts.proxy
      ? new ProxyAgent({
          uri: opts.proxy,
          // The proxy's own connection is made by the ProxyAgent; timing it needs our connector there too.
          clientFactory: (origin: URL, o: { connect: U.buildConnector.connector }) => new Pool(origin, { ...o, connect: this.timed(o.connect, true) }),
          proxyTls: { lookup: resolve, timeout: CONNECT_TIMEOUT_MS },
          requestTls: { timeout: CONNECT_TIMEOUT_MS },
        } as unknown as U.ProxyAgent.Options)
      : new Agent({ connect: this.timed(direct, false) });

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
        const reached = (sock as Socket | null)?.remoteAddress;
        if (!err && !viaProxy && this.opts.loopbackOnly && !isLoopbackAddress(reached)) {
          (sock as Socket).destroy();
          err = Object.assign(new Error(`${options.hostname} resolved to ${reached ?? 'an unknown address'}, not this machine: the connection was closed before anything was sent`), { code: NOT_LOOPBACK, address: reached });
          sock = null as never;
        }
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

  /**
   * How long a connection step of the latest connection took, by the socket's own marks: what the
   * report shows, so the spinner line says the same. Undefined while that phase has not ended.
   */
  phaseMs(id: 'dns' | 'connect' | 'tls'): number | undefined {
    const a = this.attempt;
    if (!a) return undefined;
    const lookupEnd = a.lookupAt ?? (a.connectAt !== undefined ? a.startedAt : undefined);
    if (id === 'dns') return lookupEnd === undefined ? undefined : Math.round((lookupEnd - a.startedAt) * 10) / 10;
    const connectEnd = a.connectAt;
    if (id === 'connect') return connectEnd === undefined || lookupEnd === undefined ? undefined : Math.round((connectEnd - lookupEnd) * 10) / 10;
    const tunnelEnd = a.tunnelAt ?? connectEnd;
    return a.readyAt === undefined || tunnelEnd === undefined ? undefined : Math.round((a.readyAt - tunnelEnd) * 10) / 10;
  }

  /** The address the latest connection reached (the proxy's, through a proxy). */
  get remoteAddress(): string | undefined {
    return this.attempt?.remoteAddress;
  }

  /** The phase a request started at `since` is in now. */
  phase(since: number, gotHeaders = false): Phase {
    if (gotHeaders) return 'body';
    const a = this.attempt;
    if (!a) return this.opts.proxy ? 'proxy-dns' : 'dns';
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
