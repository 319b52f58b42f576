import { API_HOST } from '../../core/ruapi.js';
import type { Finding } from '../../core/finding.js';
import { editDistance } from '../../models/suggest.js';
import { PHASE_WAIT, type NetFailure, type Phase, type SendRequest } from '../client.js';
import { RUAPI_HOSTS } from '../hosts.js';
import { kbOr } from '../kb.js';
import { baseSource, defaultBase, describeRequest, make, secs, type FindingContext } from './make.js';

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
  let message: string;
  if (f.code === 'EAI_AGAIN') message = `Looking up ${host} got no answer (${f.code}): this computer's DNS did not respond, so the network may be down or offline.`;
  else if (ours) message = `${host} is RuAPI's own host, spelt right, yet this computer could not look it up (${f.code}). The cause is the network here: no working DNS, a resolver, VPN or filter that blocks the name, or a machine that is offline.`;
  else message = `${host} does not exist in DNS (${f.code}).${typo ? ' It looks like a misspelling of www.ruapi.ai.' : " The host name in the base URL may be misspelt, or this network's DNS blocks it."}`;
  const fix = ours
    ? [
        `Check that this computer is online, then look the name up outside ruapi: nslookup ${host}`,
        "If other names resolve and this one does not, this network's DNS blocks it: try without the VPN or filter, another network, or another DNS server.",
      ]
    : [typo ? `Set the base URL to ${withRuapiHost(c.base)}` : '', ...kbOr('dns', [`Check the host in the base URL: RuAPI's is www.ruapi.ai.`, `Check the name outside ruapi: nslookup ${host}`])];
  return make(c, 'live/dns', 'error', `DNS cannot resolve ${host}`, message, fix, baseSource(c), { code: f.code, host });
}

export function unreachableFinding(c: FindingContext, f: NetFailure, loopback: boolean): Finding {
  const port = c.base.port || (c.base.protocol === 'https:' ? '443' : '80');
  if (f.kind === 'refused') {
    const message = `Nothing accepts connections on ${c.base.hostname} port ${port} (${f.code}). ${
      loopback ? 'The local gateway or simulator is not running, or listens on another port.' : 'The port in the base URL may be wrong, or a firewall rejects the connection.'
    }`;
    const fix = loopback
      ? [`Start the local service, or fix the port in the base URL.`, `For a stand-in gateway to test against: ruapi simulate`]
      : kbOr('refused', [`Check the base URL: RuAPI is ${defaultBase(c)}, with no port.`, `See whether this network lets the connection through: curl -v ${c.base.href}`]);
    return make(c, 'live/unreachable', 'error', `${c.base.host} refused the connection`, message, fix, baseSource(c), {
      code: f.code,
      host: c.base.hostname,
      port: Number(port),
    });
  }
  return make(
    c,
    'live/unreachable',
    'error',
    `${c.base.host} cannot be reached`,
    `The network has no route to ${c.base.hostname} (${f.code}): the connection is down, or a VPN or firewall blocks the way.`,
    ['Check the internet connection, VPN and firewall, then run the doctor again.'],
    baseSource(c),
    { code: f.code, host: c.base.hostname },
  );
}

export function tlsFinding(c: FindingContext, f: NetFailure): Finding {
  const host = c.base.hostname;
  const check = f.tlsCheck ?? 'the certificate could not be verified';
  const viaProxy = c.proxy ? ` Traffic goes through the proxy ${c.proxy.url}, which may present its own certificate.` : '';
  const fix: string[] = [];
  switch (f.code) {
    case 'CERT_HAS_EXPIRED':
    case 'CERT_NOT_YET_VALID':
      fix.push("Check this computer's date and time: a wrong clock makes valid certificates look expired.", `If the clock is right, ${host}'s certificate really is out of date: tell its owner.`);
      break;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      fix.push('Try another network, or without VPN or proxy: something closed the connection during the handshake.');
      break;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      fix.push(`Check the host in the base URL: the server at ${host} has a certificate for another name.`, ruapiTypo(host) ? `Set the base URL to ${withRuapiHost(c.base)}` : '');
      break;
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      fix.push(`The port speaks plain HTTP: use http:// for a local service, or the right HTTPS port.`);
      break;
    default:
      fix.push(
        ...kbOr('tls', [
          'Something between you and the host may inspect HTTPS with its own certificate (a company proxy, antivirus, or VPN).',
          'If you trust it, give Node its CA certificate: NODE_EXTRA_CA_CERTS=/path/to/ca.pem (Python: SSL_CERT_FILE).',
        ]),
      );
  }
  return make(
    c,
    'live/tls',
    'error',
    `TLS with ${host} failed: ${check}`,
    `The secure connection to ${host} was not set up: ${check} (${f.code ?? 'TLS error'}).${viaProxy} Without TLS no request is sent, so the key never left this computer.`,
    fix,
    baseSource(c),
    { code: f.code, check, host },
  );
}

export function timeoutFinding(c: FindingContext, f: NetFailure, ctx: { limitMs: number; what: string; events?: number }): Finding {
  const phase: Phase = f.phase;
  const waiting = PHASE_WAIT[phase];
  let why: string;
  const fix: string[] = [];
  switch (phase) {
    case 'dns':
    case 'proxy-dns':
      why = 'DNS is not answering: the network may be offline, or the DNS server is slow.';
      fix.push('Check the internet connection, then run the doctor again.');
      break;
    case 'connect':
    case 'proxy-connect':
    case 'tunnel':
      why = 'The connection was never accepted: a firewall may silently drop it, or the host is down.';
      fix.push(`Check that this network allows HTTPS to ${c.base.hostname}; try another network or VPN setting.`);
      break;
    case 'tls':
      why = 'The TLS handshake stalled: often a middlebox that inspects or blocks HTTPS.';
      fix.push('Try another network; check for a proxy, antivirus or VPN that inspects HTTPS.');
      break;
    case 'headers':
      if (f.headersBegun) {
        why = `${ctx.what} was sent and the answer began, but its headers never ended: a broken server, or something in between, sends them without end, or byte by byte.`;
        fix.push(`Check the base URL: RuAPI's is ${defaultBase(c)}.`, 'Run the doctor again with more time: --timeout 60');
        break;
      }
      why = `${ctx.what} was sent, but no answer started: the gateway or the model behind it is slow or stuck.`;
      fix.push(`Run the doctor again with more time: --timeout 60`, ...kbOr('timeout', ['In your SDK, allow long requests (60–120 s or more) and stream long answers.']).slice(0, 2));
      break;
    default:
      why =
        ctx.events !== undefined
          ? `The stream started, then stopped sending after ${ctx.events} event${ctx.events === 1 ? '' : 's'}: a proxy may hold or kill long connections, or the gateway stalled.`
          : 'The answer started, then stopped arriving: a proxy may hold or kill long connections, or the gateway stalled.';
      fix.push(
        'Run the doctor again; if it repeats, check for a proxy between you and the gateway that cuts long connections.',
        ...kbOr('timeout', ['Use streaming for long answers, and allow 60–120 s in your SDK.']).slice(0, 2),
      );
  }
  return make(
    c,
    'live/timeout',
    // Once the request is sent, a slow answer is the gateway's (or its provider's) state, not the
    // set-up's: a warning, and the verdict says what it left unproven. A connection that never opens is an error.
    phase === 'headers' || phase === 'body' ? 'warning' : 'error',
    // Bytes of the answer came, but its headers never ended: "waiting for the first byte" would be untrue.
    f.headersBegun ? "Timed out: the answer's headers never ended" : `Timed out waiting for ${waiting}`,
    f.headersBegun
      ? `The answer's headers were still coming when the time limit (${secs(ctx.limitMs)}) was up. ${why}`
      : `Nothing more came within the time limit (${secs(ctx.limitMs)}) while waiting for ${waiting}. ${why}`,
    fix,
    phase === 'headers' || phase === 'body' ? undefined : baseSource(c),
    { phase, code: f.code, limitMs: Math.round(ctx.limitMs), ...(f.headersBegun ? { headersBegun: true } : {}) },
  );
}

export function proxyFinding(c: FindingContext, f: NetFailure): Finding {
  const proxy = c.proxy?.url ?? 'the proxy';
  const variable = c.proxy?.variable ?? 'HTTPS_PROXY';
  const host = c.base.hostname;
  let title: string;
  let what: string;
  const fix: string[] = [];
  if (f.proxyStatus === 407) {
    title = `The proxy ${proxy} wants credentials (407)`;
    what = 'It answered 407 Proxy Authentication Required.';
    fix.push(`Put the proxy's user and password in ${variable}: http://USER:PASSWORD@proxy-host:port`);
  } else if (f.proxyStatus !== undefined) {
    title = `The proxy ${proxy} refused to reach ${host} (${f.proxyStatus})`;
    what = `Asked to open a tunnel to ${c.base.host}, it answered ${f.proxyStatus}: it does not allow this destination.`;
    fix.push(`Ask whoever runs the proxy to allow ${host}:${c.base.port || 443}.`);
  } else if (f.code === 'ECONNREFUSED') {
    title = `The proxy ${proxy} refused the connection`;
    what = 'Nothing accepts connections at the proxy address: it is not running, or the address is wrong.';
    fix.push(`Check ${variable}: is the proxy running at that address?`);
  } else if (f.phase === 'proxy-dns') {
    title = `The proxy host in ${variable} does not resolve`;
    what = `The proxy's host name is unknown to DNS (${f.code}).`;
    fix.push(`Check the host name in ${variable}.`);
  } else {
    title = `The proxy ${proxy} failed`;
    what = `The connection through it broke (${f.code ?? f.message}).`;
    fix.push(`Check ${variable} and the proxy itself.`);
  }
  fix.push(`If ${host} does not need the proxy, leave it out: NO_PROXY=${host}`);
  return make(c, 'live/proxy', 'error', title, `Requests to ${host} go through the proxy ${proxy} (from ${variable}). ${what}`, fix, `${variable} in the environment`, {
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
    before ? 'The connection was closed before any answer' : 'The connection was closed part-way through the answer',
    `${describeRequest(req)}: the connection ended (${f.code ?? 'closed'}) ${before ? 'before the gateway answered' : 'before the answer was complete'}. A crashing or overloaded server, or a proxy, VPN or firewall that cuts connections, does this.`,
    ['Run the doctor again: a single drop is usually a passing hiccup.', 'If it repeats, check for a proxy, VPN or antivirus between you and the gateway, or try another network.'],
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
    "The answer's headers never ended",
    `${describeRequest(req)}: the answer began, but its headers went on past 16 KB without ending (${f.code ?? 'too long'}), so ruapi stopped reading it. No LLM gateway answers like this, and the SDKs fail on it too: the server at this address, or something in between, is broken.`,
    [`Check the base URL: RuAPI's is ${defaultBase(c)} for the ${c.target.protocol === 'openai' ? 'OpenAI' : 'Anthropic'} protocol.`, `See what the address sends: curl -i --max-time 10 ${req.url}`],
    baseSource(c),
    { code: f.code, phase: f.phase, url: req.url },
  );
}
