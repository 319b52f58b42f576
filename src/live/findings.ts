import type { TargetConfig } from '../config/types.js';
import { htmlTitle, withoutTrailing, withoutTrailingRepeats } from '../core/text.js';
import type { Finding, Severity } from '../core/finding.js';
import type { LiveReport } from '../core/result.js';
import type { ObservedResponse } from '../knowledge/index.js';
import type { Cause, EntryCode } from '../knowledge/types.js';
import { PHASE_WAIT, type HttpAnswer, type NetFailure, type Phase, type SendRequest } from './client.js';
import { RUAPI_HOSTS } from './hosts.js';
import type { LiveFindingId } from './ids.js';
import { knowledgeFix } from './kb.js';
import { errorFacts, header, isHtml, parseJson, requestIds, type ErrorFacts } from './protocol.js';
import type { ModelList } from '../models/catalog.js';
import { editDistance, matchModel } from '../models/suggest.js';

/**
 * Every finding the live checks can produce: id, what happened, why, and what to do. The fix is the
 * knowledge base's for the same failure (so `ruapi explain` and the doctor agree), after the lines
 * only the live check can give (the corrected base URL, the closest model id, the flag to pass).
 */

/** What every live finding needs to know about the target. */
export interface FindingContext {
  target: TargetConfig;
  base: URL;
  /** The proxy in use, credentials redacted, and the variable it came from. */
  proxy?: { url: string; variable: string };
}

const OPENAI_BASE = 'https://www.ruapi.ai/v1';
const ANTHROPIC_BASE = 'https://www.ruapi.ai';

const secs = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

function make(
  c: FindingContext,
  id: LiveFindingId,
  severity: Severity,
  title: string,
  message: string,
  fix: string[],
  source: string | undefined,
  data: Record<string, unknown>,
): Finding {
  const lines = [...new Set(fix.filter(Boolean))];
  return {
    id,
    severity,
    title,
    message,
    fix: lines.length > 1 ? lines.map((l, i) => `${i + 1}. ${l}`).join('\n') : (lines[0] ?? ''),
    ...(source ? { source } : {}),
    protocol: c.target.protocol,
    data: Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)),
  };
}

const baseSource = (c: FindingContext) => c.target.baseUrl?.source.label;
const keySource = (c: FindingContext) => c.target.key?.source.label;
const defaultBase = (c: FindingContext) => (c.target.protocol === 'openai' ? OPENAI_BASE : ANTHROPIC_BASE);
/** The knowledge base's steps for this failure, or `fallback` when it has none. */
function kbOr(code: EntryCode, observed: ObservedResponse, fallback: string[], cause?: Cause): string[] {
  const steps = knowledgeFix(observed, cause ? { code, cause } : { code });
  return steps.length ? steps : fallback;
}
const netError = (f: NetFailure): ObservedResponse => ({ error: { ...(f.code ? { code: f.code } : {}), message: f.message } });

/** The gateway's own words, quoted (shortened), or nothing. */
function said(facts: ErrorFacts): string {
  if (!facts.message) return '';
  const m = facts.message.replace(/\s+/g, ' ').trim();
  return ` The gateway said: "${m.length > 240 ? `${m.slice(0, 240)}…` : m}".`;
}

const describeRequest = (req: SendRequest) => `${req.method} ${req.url}`;

/** A host one or two slips away from RuAPI's (`www.ruapi.ia`, `ruapi.com`, `www.rupai.ai`). */
function ruapiTypo(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return !RUAPI_HOSTS.includes(h) && RUAPI_HOSTS.some((r) => editDistance(h, r, 2) <= 2 || h.replace(/\.[a-z]+$/, '') === r.replace(/\.ai$/, ''));
}

/** The base URL with RuAPI's host in place of a misspelt one. */
function withRuapiHost(base: URL): string {
  const u = new URL(base.href);
  u.protocol = 'https:';
  u.hostname = 'www.ruapi.ai';
  u.port = '';
  return u.href.replace(/\/$/, '');
}

// ------------------------------------------------------------------ network failures

export function dnsFinding(c: FindingContext, f: NetFailure): Finding {
  const host = c.base.hostname;
  const typo = ruapiTypo(host);
  const noAnswer = f.code === 'EAI_AGAIN';
  const message = noAnswer
    ? `Looking up ${host} got no answer (${f.code}): this computer's DNS did not respond, so the network may be down or offline.`
    : `${host} does not exist in DNS (${f.code}).${typo ? ' It looks like a misspelling of www.ruapi.ai.' : ' The host name in the base URL may be misspelt, or this network\'s DNS blocks it.'}`;
  const fix = [
    typo ? `Set the base URL to ${withRuapiHost(c.base)}` : '',
    ...kbOr('dns', netError(f), [`Check the host in the base URL: RuAPI's is www.ruapi.ai.`, `Check the name outside ruapi: nslookup ${host}`]),
  ];
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
      : kbOr('refused', netError(f), [`Check the base URL: RuAPI is ${defaultBase(c)}, with no port.`, `See whether this network lets the connection through: curl -v ${c.base.href}`]);
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
        ...kbOr('tls', netError(f), [
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
      why = `${ctx.what} was sent, but no answer started: the gateway or the model behind it is slow or stuck.`;
      fix.push(`Run the doctor again with more time: --timeout 60`, ...kbOr('timeout', netError(f), ['In your SDK, allow long requests (60–120 s or more) and stream long answers.']).slice(0, 2));
      break;
    default:
      why =
        ctx.events !== undefined
          ? `The stream started, then stopped sending after ${ctx.events} event${ctx.events === 1 ? '' : 's'}: a proxy may hold or kill long connections, or the gateway stalled.`
          : 'The answer started, then stopped arriving: a proxy may hold or kill long connections, or the gateway stalled.';
      fix.push(
        'Run the doctor again; if it repeats, check for a proxy between you and the gateway that cuts long connections.',
        ...kbOr('timeout', netError(f), ['Use streaming for long answers, and allow 60–120 s in your SDK.']).slice(0, 2),
      );
  }
  return make(
    c,
    'live/timeout',
    // Once the request is sent, a slow answer is the gateway's (or its provider's) state, not the
    // set-up's: a warning, and the verdict says what it left unproven. A connection that never opens is an error.
    phase === 'headers' || phase === 'body' ? 'warning' : 'error',
    `Timed out waiting for ${waiting}`,
    `Nothing more came within the time limit (${secs(ctx.limitMs)}) while waiting for ${waiting}. ${why}`,
    fix,
    phase === 'headers' || phase === 'body' ? undefined : baseSource(c),
    { phase, code: f.code, limitMs: Math.round(ctx.limitMs) },
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

// ------------------------------------------------------------------ HTTP answers

/** Facts of an answer every HTTP finding carries: status, request id (in full), error type. */
function answerData(answer: HttpAnswer, req: SendRequest, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const facts = errorFacts(answer.body);
  return { status: answer.status, requestId: requestIds(answer.headers, answer.body)[0], errorType: facts.code ?? facts.type, url: req.url, ...extra };
}

const observed = (a: HttpAnswer) => ({ status: a.status, body: a.body, headers: a.headers });
const withId = (a: HttpAnswer) => {
  const id = requestIds(a.headers, a.body)[0];
  return id ? ` Request id: ${id}.` : '';
};
/** `POST https://…/v1/messages answered 401.` and the gateway's own words. */
const answered = (answer: HttpAnswer, req: SendRequest) => `${describeRequest(req)} answered ${answer.status}.${said(errorFacts(answer.body))}`;

export function redirectFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest, path: string): Finding {
  const location = header(answer.headers, 'location') ?? '';
  let target: URL | undefined;
  try {
    target = new URL(location, req.url);
  } catch {
    target = undefined;
  }
  const newBase = target && target.pathname.endsWith(path) ? `${target.origin}${target.pathname.slice(0, -path.length)}` : undefined;
  const elsewhere = target && target.host !== new URL(req.url).host;
  return make(
    c,
    'live/redirect',
    'error',
    `The base URL redirects${target ? ` to ${target.origin}` : ''} (${answer.status})`,
    `${describeRequest(req)} answered ${answer.status}${location ? `, pointing to ${target?.href ?? location}` : ' without saying where'}. The doctor does not follow redirects, so the key was not sent ${elsewhere ? `to ${target!.host}` : 'again'}. SDKs may follow one and drop the key or the request body on the way: point the base URL straight at the gateway.${withId(answer)}`,
    [newBase ? `If you trust ${target!.host}, set the base URL to ${newBase}` : `Set the base URL to ${defaultBase(c)}`],
    baseSource(c),
    answerData(answer, req, { location: target?.href ?? location }),
  );
}

export function notRuapiFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest): Finding {
  let what: string;
  const fix: string[] = [];
  if (isHtml(answer.headers, answer.body)) {
    const title = htmlTitle(answer.body);
    what = `an HTML page${title ? ` ("${title}")` : ''} instead of JSON: a website, a Wi-Fi login page (captive portal) or a proxy's block page, not the API.`;
    fix.push(`Open ${req.url} in a browser: a login page means the network wants you to sign in first.`);
  } else if (answer.body.trim() === '') {
    what = `${answer.status} with an empty body: a proxy or a wrong route swallowed the answer.`;
  } else {
    const json = parseJson(answer.body);
    what =
      json && typeof json === 'object'
        ? `JSON that fits neither protocol (keys: ${Object.keys(json).slice(0, 6).join(', ') || 'none'}).`
        : `text that is not JSON: "${answer.body.trim().slice(0, 80)}".`;
  }
  fix.push(`Check the base URL: RuAPI's is ${defaultBase(c)} for the ${c.target.protocol === 'openai' ? 'OpenAI' : 'Anthropic'} protocol.`);
  return make(
    c,
    'live/not-ruapi',
    'error',
    `${c.base.host} answered, but not like an LLM gateway`,
    `${describeRequest(req)} got ${what}${withId(answer)}`,
    fix,
    baseSource(c),
    answerData(answer, req, { contentType: header(answer.headers, 'content-type') }),
  );
}

export function keyRejectedFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest): Finding {
  const how = c.target.protocol === 'anthropic' && c.target.auth === 'x-api-key' ? 'x-api-key: sk-…' : 'Authorization: Bearer sk-…';
  return make(
    c,
    'live/401',
    'error',
    'The gateway rejected the key (401)',
    `${answered(answer, req)} The key was sent as ${how}; the gateway does not accept it: not a RuAPI token, pasted with extra characters, or disabled.${withId(answer)}`,
    kbOr('401', observed(answer), ['Copy the key again from Console → Tokens: a RuAPI token sk-…, not an OpenAI or Anthropic key, and check it is active.']),
    keySource(c),
    answerData(answer, req),
  );
}

export function balanceFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest): Finding {
  const facts = errorFacts(answer.body);
  const quota = answer.status === 429;
  return make(
    c,
    'live/402',
    'error',
    quota ? `The balance or quota is used up (429 ${facts.code ?? facts.type ?? 'quota'})` : 'The balance is used up (402)',
    `${answered(answer, req)} The key works, but the account (or this key's spend limit) has no funds left${quota ? '; despite the 429 this is not a rate limit, and retrying does not help' : ''}.${withId(answer)}`,
    kbOr('402', observed(answer), ["Top up the RuAPI balance, or raise this key's spend limit in Console → Tokens."]),
    undefined,
    answerData(answer, req),
  );
}

export function forbiddenFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest): Finding {
  return make(
    c,
    'live/403',
    'error',
    'The key is not allowed to do this (403)',
    `${answered(answer, req)} The key was read, but it may not use this model or this endpoint, or your network or region is blocked.${withId(answer)}`,
    kbOr('403', observed(answer), ["In Console → Tokens, check this key's Model access: it may be limited to other models."]),
    keySource(c),
    answerData(answer, req),
  );
}

export function modelNotFoundFinding(c: FindingContext, ctx: { model: string; list?: ModelList; answer?: HttpAnswer; req?: SendRequest }): Finding {
  const { model, list, answer, req } = ctx;
  const listed = !!list?.ids.includes(model);
  const suggestions = list && !listed ? matchModel(model, list.ids).suggestions : [];
  const basis = answer && req ? answered(answer, req) : `The gateway's own model list (${list?.ids.length ?? 0} ids) does not have it.`;
  const mean = listed
    ? ` The ${list!.source === 'gateway' ? "gateway's" : 'bundled'} model list has this id, so the key may not be allowed to use it (Model access in Console → Tokens), or the model is out of service.`
    : ` Model ids must match exactly: case, hyphens, dots and dates.${suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : ''}`;
  return make(
    c,
    'live/404-model',
    'error',
    `The gateway does not know the model "${model}"`,
    `${basis}${mean}${answer ? withId(answer) : ''}`,
    [
      suggestions[0] ? `Set the model to ${suggestions[0]}` : listed ? "Check this key's Model access in Console → Tokens, or try another model." : '',
      ...kbOr('404', answer ? observed(answer) : { status: 404 }, ['Pick an exact id from: ruapi models'], 'model-id'),
    ],
    c.target.model?.source.label,
    { ...(answer && req ? answerData(answer, req) : {}), model, suggestions, modelList: list?.source },
  );
}

/** The base URL the SDK needs, when the 404 shows the usual /v1 mistake; undefined when it does not. */
function fixedBase(c: FindingContext): string | undefined {
  const current = withoutTrailing(c.base.pathname, '/');
  let path = withoutTrailingRepeats(current.replace(/\/(chat\/completions|completions|messages|models)$/, ''), '/v1');
  if (c.target.protocol === 'openai') path += '/v1';
  return path === current ? undefined : `${c.base.origin}${path}`;
}

export function urlNotFoundFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest): Finding {
  const facts = errorFacts(answer.body);
  const better = fixedBase(c);
  const rule = c.target.protocol === 'openai' ? 'For the OpenAI protocol the base URL must end in /v1.' : 'For the Anthropic protocol the base URL has no /v1: the SDK adds /v1/messages.';
  return make(
    c,
    'live/404-url',
    'error',
    `${new URL(req.url).pathname} does not exist on ${c.base.host}: the base URL is wrong`,
    `${describeRequest(req)} answered 404 for the path itself, not for the model.${said(facts)} ${rule}${withId(answer)}`,
    [better ? `Set the base URL to ${better}` : '', ...kbOr('404', observed(answer), [`Check the base URL: RuAPI's is ${defaultBase(c)}`], 'base-url')],
    baseSource(c),
    answerData(answer, req),
  );
}

export function retryFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest, ctx: { tries: number; recovered: boolean; statuses: number[]; stoppedBy?: 'time' | 'tries' }): Finding {
  const rate = answer.status === 429 || (ctx.recovered && ctx.statuses.every((s) => s === 429));
  const seen = [...new Set(ctx.statuses)].join(', ');
  const tries = `${ctx.tries} tr${ctx.tries === 1 ? 'y' : 'ies'}`;
  const id = rate ? 'live/429' : 'live/5xx';
  // A lasting 429 or 5xx is no fault of the set-up: a warning, and the verdict says what it left unproven.
  const severity: Severity = 'warning';
  const title = ctx.recovered
    ? `${rate ? 'Rate limited' : 'The gateway failed'} (${seen}), then went through on try ${ctx.tries}`
    : rate
      ? `Rate limited (429) on all ${tries}`
      : `The gateway or its provider failed (${seen}) on all ${tries}`;
  const stopped = ctx.stoppedBy === 'time' ? ' The doctor stopped retrying when the time limit was near.' : '';
  const message = ctx.recovered
    ? `${describeRequest(req)} got ${seen} first; waiting and retrying (1 s, 2 s, 4 s …, or what retry-after asked) worked. Your set-up is fine; your code should retry the same way.`
    : `${answered(answer, req)}${rate ? ' Too many requests for this key or the upstream provider right now; the set-up itself is not the problem.' : ' A failure on the gateway or the provider behind it, not your key or code.'}${stopped}${withId(answer)}`;
  return make(
    c,
    id,
    severity,
    title,
    message,
    kbOr(rate ? '429' : '5xx', observed(answer), [
      rate ? 'Retry with backoff (1 s, 2 s, 4 s, 8 s) and send fewer requests at once.' : 'Retry in a few seconds; if it keeps failing, try another model or contact support with the request id.',
    ]),
    undefined,
    answerData(answer, req, { tries: ctx.tries, statuses: ctx.statuses, recovered: ctx.recovered }),
  );
}

/** The gateway refused the probe's own limit parameter both ways: the probe's fault, not the set-up's. */
export function probeRefusedFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest): Finding {
  const facts = errorFacts(answer.body);
  return make(
    c,
    'live/probe-refused',
    'warning',
    'The gateway refused the probe request itself, so key, model and balance are not proven',
    `${describeRequest(req)} answered ${answer.status} about the probe's own answer limit, with max_tokens and with max_completion_tokens.${said(facts)} This says nothing against your set-up: your own requests may set no limit, or another one. The key and the model were read, but not proven by an answer.${withId(answer)}`,
    ['Send one request from your own code or tool: if it gets an answer, the set-up works.', `To read the error in detail: ruapi explain '${answer.status} ${(facts.message ?? '').replace(/'/g, '').slice(0, 120)}'`],
    undefined,
    answerData(answer, req),
  );
}

export function badRequestFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest): Finding {
  const facts = errorFacts(answer.body);
  const code: EntryCode = answer.status === 413 ? '413' : '400';
  const known = answer.status === 400 || answer.status === 413 || answer.status === 422;
  return make(
    c,
    known ? 'live/bad-request' : 'live/unexpected-status',
    'error',
    known ? `The gateway refused the test request (${answer.status})` : `Unexpected answer ${answer.status}`,
    `${describeRequest(req)} (a minimal request, as the SDK sends it) answered ${answer.status}.${said(facts)}${
      known ? ' The request reached the gateway, but it would not run it: the model may not accept this request shape, or something in between changed it.' : ''
    }${withId(answer)}`,
    [...(known ? knowledgeFix(observed(answer), { code }).slice(0, 2) : []), `To read the error in detail: ruapi explain '${answer.status} ${(facts.message ?? '').replace(/'/g, '').slice(0, 120)}'`],
    undefined,
    answerData(answer, req),
  );
}

export function streamCutFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest, ctx: { events: number; terminal: string; broke?: NetFailure; streamError?: { type?: string; message?: string } }): Finding {
  const how = ctx.streamError
    ? `sent an error inside the stream (${ctx.streamError.type ?? 'error'}: ${ctx.streamError.message ?? 'no message'})`
    : ctx.broke
      ? `broke off after ${ctx.events} event${ctx.events === 1 ? '' : 's'} (${ctx.broke.code ?? 'connection closed'})`
      : `ended after ${ctx.events} event${ctx.events === 1 ? '' : 's'} without its final ${ctx.terminal}`;
  return make(
    c,
    'live/stream-cut',
    'error',
    ctx.events === 0 && !ctx.broke && !ctx.streamError ? 'The streaming request got no events' : 'The stream was cut before its end',
    `The streaming request ${how}. Clients then see a half answer, or an error after the text stopped. A proxy or load balancer that limits long connections, or the gateway itself, ends it.${withId(answer)}`,
    [
      'If you use a proxy, let text/event-stream through unbuffered and without a short idle time-out (or bypass it with NO_PROXY).',
      ...knowledgeFix({ error: { message: 'stream cut' } }, { code: 'timeout' }).slice(0, 2),
      'Run the doctor again with --stream: a single cut can be a hiccup.',
    ],
    undefined,
    answerData(answer, req, { events: ctx.events }),
  );
}

export function streamBufferedFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest, why: string): Finding {
  return make(
    c,
    'live/stream-buffered',
    'warning',
    'Streaming events arrive all at once',
    `The stream is complete, but ${why}. Something between you and the gateway (a proxy, antivirus, or a server setting) holds the stream back: text appears only at the end, and long answers can hit time-outs.${withId(answer)}`,
    ['If a proxy is in the way, have it pass text/event-stream unbuffered, or bypass it for this host with NO_PROXY.'],
    undefined,
    answerData(answer, req),
  );
}

// ------------------------------------------------------------------ safety and success

export function hostNotAllowedFinding(c: FindingContext, declined: boolean): Finding {
  const host = c.base.hostname;
  const plainHttp = c.base.protocol === 'http:' && RUAPI_HOSTS.includes(host);
  if (plainHttp) {
    return make(
      c,
      'live/host-not-allowed',
      'error',
      'The key was not sent: the base URL uses plain http://',
      `Over http:// the key would cross the network unencrypted. The doctor checked the connection without the key.`,
      [`Set the base URL to ${new URL(c.base.href.replace(/^http:/, 'https:')).href.replace(/\/$/, '')}`],
      baseSource(c),
      { host },
    );
  }
  return make(
    c,
    'live/host-not-allowed',
    declined ? 'warning' : 'error',
    `The key was not sent to ${host}: not a RuAPI host`,
    `${host} is neither RuAPI (${RUAPI_HOSTS.join(', ')}) nor this computer${declined ? ', and you chose not to send the key there' : ''}. A mistyped host would receive your key, so the doctor checked the connection without it.`,
    [`If ${host} is your own gateway or proxy and you trust it, run: ruapi doctor --allow-host ${host}`, `Otherwise set the base URL to ${defaultBase(c)}`],
    baseSource(c),
    { host },
  );
}

type Timings = LiveReport['timings'];

function formatTimings(t: Timings): string {
  const part = (label: string, ms: number | undefined) => (ms === undefined ? [] : [`${label} ${Math.round(ms)} ms`]);
  return [...part('DNS', t.dnsMs), ...part('connect', t.connectMs), ...part('TLS', t.tlsMs), ...part('first byte', t.firstByteMs), ...part('total', t.totalMs)].join(', ');
}

export function okFinding(c: FindingContext, ctx: { timings: Timings; probed: boolean; probe?: string; model?: string; requestId?: string; streamed?: { firstEventMs?: number } }): Finding {
  const what = ctx.probed
    ? `Key, model${ctx.model ? ` ${ctx.model}` : ''} and balance work: a real request (${ctx.probe ?? 'max_tokens 1'}) went through${ctx.streamed ? ', streaming too' : ''}. That request costs a tiny amount (a few input tokens, at most one output token).`
    : 'The gateway answers and accepts the key. Model and balance were not proven: --no-probe skips the one tiny paid request.';
  return make(
    c,
    'live/ok',
    'info',
    ctx.probed ? `Live check passed: ${c.base.host} works with this key and model` : `Live check passed without the probe: ${c.base.host} accepts the key`,
    `${what} Timings: ${formatTimings(ctx.timings)}.${ctx.streamed?.firstEventMs !== undefined ? ` First stream event after ${Math.round(ctx.streamed.firstEventMs)} ms.` : ''}${ctx.requestId ? ` Request id: ${ctx.requestId}.` : ''}${c.proxy ? ` Through the proxy ${c.proxy.url}.` : ''}`,
    [],
    undefined,
    { timings: ctx.timings, probed: ctx.probed, requestId: ctx.requestId, proxy: c.proxy?.url },
  );
}
