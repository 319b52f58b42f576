import { OUTSIDE_MAX, oneLine } from '../core/text.js';

/**
 * A network error of undici or Node, classified: what broke (DNS, refused, TLS and which check, a
 * time-out and in which phase, a proxy, a loopback name that led elsewhere), with Node's own code.
 */

/** Where a request is: the phases of a connection (direct or through a proxy), then the answer. */
export type Phase = 'proxy-dns' | 'proxy-connect' | 'tunnel' | 'dns' | 'connect' | 'tls' | 'headers' | 'body';

/** A network-level failure, classified: what broke, in which phase, and Node's own code. */
export interface NetFailure {
  /**
   * `not-loopback`: a host trusted as this machine led to another address (see LiveClient's `loopbackOnly`).
   * `endless-headers`: the answer's headers went on past undici's limit (16 KB) without ending.
   */
  kind: 'dns' | 'refused' | 'unreachable' | 'tls' | 'timeout' | 'proxy' | 'reset' | 'not-loopback' | 'endless-headers' | 'other';
  phase: Phase;
  /** Node's or undici's error code, e.g. `ENOTFOUND`, `CERT_HAS_EXPIRED`, `UND_ERR_HEADERS_TIMEOUT`. */
  code?: string;
  /** A short technical description (Node's message, no secrets). */
  message: string;
  /** For TLS: which check failed, in words. */
  tlsCheck?: string;
  /** For a proxy that answered CONNECT with an error status. */
  proxyStatus?: number;
  /** For `not-loopback`: the address the connection reached. */
  address?: string;
  /** In the `headers` phase: bytes of the answer had come, so its headers began but never ended. */
  headersBegun?: boolean;
}

/** The code of the error a `loopbackOnly` client's connection ends with when it reached another address. */
export const NOT_LOOPBACK = 'ERR_RUAPI_NOT_LOOPBACK';

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

/** The address a `not-loopback` error carries, wherever undici wrapped it. */
function addressOf(err: unknown, depth = 0): { address?: string } {
  if (!err || typeof err !== 'object' || depth > 4) return {};
  const e = err as NodeishError & { address?: unknown };
  if (e.code === NOT_LOOPBACK && typeof e.address === 'string') return { address: e.address };
  for (const x of [...(Array.isArray(e.errors) ? e.errors : []), e.cause]) {
    const found = addressOf(x, depth + 1);
    if (found.address) return found;
  }
  return {};
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
  if (has(NOT_LOOPBACK)) return { kind: 'not-loopback', phase: 'connect', code: NOT_LOOPBACK, message, ...addressOf(err) };
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
 * and TLS and later ones show the gateway's own time), through the proxy `proxyFor` chose or
 * straight to the host, and a deadline for everything.
 */
