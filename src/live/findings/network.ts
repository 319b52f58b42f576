import { API_HOST } from '../../core/ruapi.js';
import type { Finding } from '../../core/finding.js';
import { editDistance } from '../../core/edit-distance.js';
import { type NetFailure, type Phase, type SendRequest } from '../client.js';
import { RUAPI_HOSTS } from '../hosts.js';
import { kbOr } from '../kb.js';
import { CONFIG } from '../../lang/en/config.js';
import { messages, num } from '../../lang/t.js';
import { phaseWait } from '../words.js';
import { baseSource, checkBase, defaultBase, describeRequest, make, secs, t, type FindingContext } from './make.js';

/** Failures before any answer: DNS, the connection, TLS, a time-out, the proxy, a dropped connection. */

/** A host one or two slips away from RuAPI's (`www.ruapi.ia`, `ruapi.com`, `www.rupai.ai`). */
function ruapiTypo(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return !RUAPI_HOSTS.includes(h) && RUAPI_HOSTS.some((r) => editDistance(h, r, 2) <= 2 || h.replace(/\.[a-z]+$/, '') === r.replace(/\.ai$/, ''));
}

/** The base URL with RuAPI's host in place of a misspelt one. */
function withRuapiHost(base: URL): string {
  const u = new URL(base.href);
  u.protocol = 'https:';
  u.hostname = API_HOST;
  u.port = '';
  return u.href.replace(/\/$/, '');
}

export function dnsFinding(c: FindingContext, f: NetFailure): Finding {
  const host = c.base.hostname;
  const typo = ruapiTypo(host);
  // RuAPI's own host, spelt right: the name exists, so this network's lookup is what failed.
  const ours = RUAPI_HOSTS.includes(host.toLowerCase());
  const p = { host, code: f.code ?? '' };
  const message = t(f.code === 'EAI_AGAIN' ? 'live/dns.message.no-answer' : ours ? 'live/dns.message.ours' : typo ? 'live/dns.message.typo' : 'live/dns.message.unknown', p);
  const fix = ours
    ? [t('live/dns.fix.online', p), t('live/dns.fix.blocked')]
    : [typo ? t('live.set-base', { url: withRuapiHost(c.base) }) : '', ...kbOr('dns', [t('live/dns.fix.host'), t('live/dns.fix.lookup', p)])];
  return make(c, 'live/dns', 'error', t('live/dns.title', p), message, fix, baseSource(c), { code: f.code, host });
}

export function unreachableFinding(c: FindingContext, f: NetFailure, loopback: boolean): Finding {
  const port = c.base.port || (c.base.protocol === 'https:' ? '443' : '80');
  if (f.kind === 'refused') {
    const p = { host: c.base.hostname, port, code: f.code ?? '' };
    const message = t(loopback ? 'live/unreachable.message.refused.loopback' : 'live/unreachable.message.refused', p);
    const fix = loopback
      ? [t('live/unreachable.fix.start'), t('live/unreachable.fix.simulate')]
      : kbOr('refused', [t('live/unreachable.fix.base', { url: defaultBase(c) }), t('live/unreachable.fix.curl', { url: c.base.href })]);
    return make(c, 'live/unreachable', 'error', t('live/unreachable.title.refused', { host: c.base.host }), message, fix, baseSource(c), {
      code: f.code,
      host: c.base.hostname,
      port: Number(port),
    });
  }
  return make(
    c,
    'live/unreachable',
    'error',
    t('live/unreachable.title', { host: c.base.host }),
    t('live/unreachable.message', { host: c.base.hostname, code: f.code ?? '' }),
    [t('live/unreachable.fix.network')],
    baseSource(c),
    { code: f.code, host: c.base.hostname },
  );
}

export function tlsFinding(c: FindingContext, f: NetFailure): Finding {
  const host = c.base.hostname;
  const check = tlsCheckText(f);
  const viaProxy = c.proxy ? ` ${t('live/tls.message.proxy', { proxy: c.proxy.url })}` : '';
  const fix: string[] = [];
  switch (f.code) {
    case 'CERT_HAS_EXPIRED':
    case 'CERT_NOT_YET_VALID':
      fix.push(t('live/tls.fix.clock'), t('live/tls.fix.expired', { host }));
      break;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      fix.push(t('live/tls.fix.reset'));
      break;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      fix.push(t('live/tls.fix.altname', { host }), ruapiTypo(host) ? t('live.set-base', { url: withRuapiHost(c.base) }) : '');
      break;
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      fix.push(t('live/tls.fix.plain-http'));
      break;
    default:
      fix.push(...kbOr('tls', [t('live/tls.fix.inspect'), t('live/tls.fix.ca')]));
  }
  return make(
    c,
    'live/tls',
    'error',
    t('live/tls.title', { host, check }),
    `${t('live/tls.message', { host, check, code: f.code ?? t('live/tls.message.no-code') })}${viaProxy} ${t('live/tls.message.no-key')}`,
    fix,
    baseSource(c),
    // `check` in the data is what scripts read: English, as net-errors.ts gives it.
    { code: f.code, check: f.tlsCheck ?? 'the certificate could not be verified', host },
  );
}

/** What the certificate check found, by the error's code, in the language in use (src/live/net-errors.ts reads the codes). */
const TLS_CHECK_IDS = {
  CERT_HAS_EXPIRED: 'live.tls-check.expired',
  CERT_NOT_YET_VALID: 'live.tls-check.not-yet-valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'live.tls-check.self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'live.tls-check.self-signed-chain',
  ERR_TLS_CERT_ALTNAME_INVALID: 'live.tls-check.altname',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'live.tls-check.unknown-ca',
  UNABLE_TO_GET_ISSUER_CERT: 'live.tls-check.unknown-ca',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'live.tls-check.unknown-ca',
  CERT_UNTRUSTED: 'live.tls-check.untrusted',
  CERT_REVOKED: 'live.tls-check.revoked',
  CERT_SIGNATURE_FAILURE: 'live.tls-check.signature',
  ERR_SSL_WRONG_VERSION_NUMBER: 'live.tls-check.plain-http',
} as const;

function tlsCheckText(f: NetFailure): string {
  const id = f.code ? (TLS_CHECK_IDS as Record<string, (typeof TLS_CHECK_IDS)[keyof typeof TLS_CHECK_IDS]>)[f.code] : undefined;
  if (id) return t(id);
  return f.tlsCheck ? t('live.tls-check.closed') : t('live.tls-check.unverified');
}

export function timeoutFinding(c: FindingContext, f: NetFailure, ctx: { limitMs: number; what: string; events?: number }): Finding {
  const phase: Phase = f.phase;
  const waiting = phaseWait(phase);
  let why: string;
  const fix: string[] = [];
  switch (phase) {
    case 'dns':
    case 'proxy-dns':
      why = t('live/timeout.why.dns');
      fix.push(t('live/timeout.fix.network'));
      break;
    case 'connect':
    case 'proxy-connect':
    case 'tunnel':
      why = t('live/timeout.why.connect');
      fix.push(t('live/timeout.fix.connect', { host: c.base.hostname }));
      break;
    case 'tls':
      why = t('live/timeout.why.tls');
      fix.push(t('live/timeout.fix.tls'));
      break;
    case 'headers':
      if (f.headersBegun) {
        why = t('live/timeout.why.endless-headers', { request: ctx.what });
        fix.push(t('live/timeout.fix.base', { url: defaultBase(c) }), t('live/timeout.fix.more-time'));
        break;
      }
      why = t('live/timeout.why.headers', { request: ctx.what });
      fix.push(t('live/timeout.fix.more-time'), ...kbOr('timeout', [t('live/timeout.fix.sdk')]).slice(0, 2));
      break;
    default:
      why = ctx.events !== undefined ? t('live/timeout.why.stream', { n: ctx.events, events: num(ctx.events) }) : t('live/timeout.why.body');
      fix.push(t('live/timeout.fix.again'), ...kbOr('timeout', [t('live/timeout.fix.streaming')]).slice(0, 2));
  }
  return make(
    c,
    'live/timeout',
    // Once the request is sent, a slow answer is the gateway's (or its provider's) state, not the
    // set-up's: a warning, and the verdict says what it left unproven. A connection that never opens is an error.
    phase === 'headers' || phase === 'body' ? 'warning' : 'error',
    // Bytes of the answer came, but its headers never ended: "waiting for the first byte" would be untrue.
    f.headersBegun ? t('live/timeout.title.headers') : t('live/timeout.title', { waiting }),
    `${f.headersBegun ? t('live/timeout.message.headers', { limit: secs(ctx.limitMs) }) : t('live/timeout.message', { limit: secs(ctx.limitMs), waiting })} ${why}`,
    fix,
    phase === 'headers' || phase === 'body' ? undefined : baseSource(c),
    { phase, code: f.code, limitMs: Math.round(ctx.limitMs), ...(f.headersBegun ? { headersBegun: true } : {}) },
  );
}

export function proxyFinding(c: FindingContext, f: NetFailure): Finding {
  const proxy = c.proxy?.url ?? t('live/proxy.unknown');
  const variable = c.proxy?.variable ?? 'HTTPS_PROXY';
  const host = c.base.hostname;
  let title: string;
  let what: string;
  const fix: string[] = [];
  const p = { proxy, variable, host, target: c.base.host, status: f.proxyStatus ?? '', code: f.code ?? f.message, port: c.base.port || 443 };
  if (f.proxyStatus === 407) {
    title = t('live/proxy.title.407', p);
    what = t('live/proxy.message.407');
    fix.push(t('live/proxy.fix.407', p));
  } else if (f.proxyStatus !== undefined) {
    title = t('live/proxy.title.status', p);
    what = t('live/proxy.message.status', p);
    fix.push(t('live/proxy.fix.status', p));
  } else if (f.code === 'ECONNREFUSED') {
    title = t('live/proxy.title.refused', p);
    what = t('live/proxy.message.refused');
    fix.push(t('live/proxy.fix.refused', p));
  } else if (f.phase === 'proxy-dns') {
    title = t('live/proxy.title.dns', p);
    what = t('live/proxy.message.dns', p);
    fix.push(t('live/proxy.fix.dns', p));
  } else {
    title = t('live/proxy.title', p);
    what = t('live/proxy.message.broke', p);
    fix.push(t('live/proxy.fix', p));
  }
  fix.push(t('live/proxy.fix.no-proxy', p));
  return make(c, 'live/proxy', 'error', title, `${t('live/proxy.message', p)} ${what}`, fix, messages(CONFIG)('config.label.env', { name: variable }), {
    proxy,
    variable,
    code: f.code,
    proxyStatus: f.proxyStatus,
  });
}

export function resetFinding(c: FindingContext, f: NetFailure, req: SendRequest): Finding {
  const before = f.phase !== 'body';
  return make(
    c,
    'live/reset',
    'error',
    before ? t('live/reset.title.before') : t('live/reset.title.during'),
    t(before ? 'live/reset.message.before' : 'live/reset.message.during', { request: describeRequest(req), code: f.code ?? t('live/reset.message.closed') }),
    [t('live/reset.fix.again'), t('live/reset.fix.repeats')],
    undefined,
    { code: f.code, phase: f.phase, url: req.url },
  );
}

/** The answer's headers went on past undici's limit (16 KB) without ending: no gateway answers like this. */
export function endlessHeadersFinding(c: FindingContext, f: NetFailure, req: SendRequest): Finding {
  return make(
    c,
    'live/not-ruapi',
    'error',
    t('live/not-ruapi.title.endless-headers'),
    t('live/not-ruapi.message.endless-headers', { request: describeRequest(req), code: f.code ?? t('live/not-ruapi.message.too-long') }),
    [checkBase(c), t('live/not-ruapi.fix.curl', { url: req.url })],
    baseSource(c),
    { code: f.code, phase: f.phase, url: req.url },
  );
}
