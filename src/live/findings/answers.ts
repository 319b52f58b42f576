import type { Finding, Severity } from '../../core/finding.js';
import { htmlTitle, OUTSIDE_MAX, oneLine, withoutTrailing, withoutTrailingRepeats } from '../../core/text.js';
import type { ModelList } from '../../models/catalog.js';
import { matchModel } from '../../models/suggest.js';
import { MAX_BODY_BYTES, type HttpAnswer, type SendRequest } from '../client.js';
import { kbOr, knowledgeSteps } from '../kb.js';
import { errorFacts, header, isHtml, parseJson } from '../protocol.js';
import { answerData, answered, baseSource, defaultBase, describeRequest, keySource, make, said, withId, type FindingContext } from './make.js';

/** What the gateway answered: a redirect, something not a gateway, the key, the balance, the model, the path, retries, refusals. */

const MAX_BODY_MB = MAX_BODY_BYTES / (1024 * 1024);

export function redirectFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest, path: string): Finding {
  const location = oneLine(header(answer.headers, 'location') ?? '', OUTSIDE_MAX.url);
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
  if (answer.truncated) {
    what = `an answer that went on past ${MAX_BODY_MB} MB, so ruapi stopped reading it: no LLM gateway answers this request at such length. A broken server, or something in between, sends without end.`;
  } else if (isHtml(answer.headers, answer.body)) {
    const title = htmlTitle(answer.body);
    what = `an HTML page${title ? ` ("${title}")` : ''} instead of JSON: a website, a Wi-Fi login page (captive portal) or a proxy's block page, not the API.`;
    fix.push(`Open ${req.url} in a browser: a login page means the network wants you to sign in first.`);
  } else if (answer.body.trim() === '') {
    what = `${answer.status} with an empty body: a proxy or a wrong route swallowed the answer.`;
  } else {
    const json = parseJson(answer.body);
    const keys = json && typeof json === 'object' ? Object.keys(json).slice(0, 6).map((k) => oneLine(k, OUTSIDE_MAX.key)) : [];
    what = json && typeof json === 'object' ? `JSON that fits neither protocol (keys: ${keys.join(', ') || 'none'}).` : `text that is not JSON: "${oneLine(answer.body, OUTSIDE_MAX.snippet)}".`;
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
    answerData(answer, req, { contentType: oneLine(header(answer.headers, 'content-type') ?? '', OUTSIDE_MAX.id) || undefined, ...(answer.truncated ? { truncated: true } : {}) }),
  );
}

export function keyRejectedFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest): Finding {
  const how = c.target.protocol === 'anthropic' && c.target.auth === 'x-api-key' ? 'x-api-key: sk-…' : 'Authorization: Bearer sk-…';
  return make(
    c,
    'live/401',
    'error',
    `The gateway rejected the key (${answer.status})`,
    `${answered(answer, req)} The key was sent as ${how}; the gateway does not accept it: not a RuAPI token, pasted with extra characters, or disabled.${withId(answer)}`,
    kbOr('401', ['Copy the key again from Console → Tokens: a RuAPI token sk-…, not an OpenAI or Anthropic key, and check it is active.']),
    keySource(c),
    answerData(answer, req),
  );
}

export function balanceFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest): Finding {
  const facts = errorFacts(answer.body);
  // A balance answer may come as a 429 (OpenAI's insufficient_quota) or another status: the knowledge base says which it is.
  const quota = answer.status !== 402;
  return make(
    c,
    'live/402',
    'error',
    quota ? `The balance or quota is used up (${answer.status} ${facts.code ?? facts.type ?? 'quota'})` : 'The balance is used up (402)',
    `${answered(answer, req)} The key works, but the account (or this key's spend limit) has no funds left${answer.status === 429 ? '; despite the 429 this is not a rate limit, and retrying does not help' : ''}.${withId(answer)}`,
    kbOr('402', ["Top up the RuAPI balance, or raise this key's spend limit in Console → Tokens."]),
    undefined,
    answerData(answer, req),
  );
}

export function forbiddenFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest): Finding {
  return make(
    c,
    'live/403',
    'error',
    `The key is not allowed to do this (${answer.status})`,
    `${answered(answer, req)} The key was read, but it may not use this model or this endpoint, or your network or region is blocked.${withId(answer)}`,
    kbOr('403', ["In Console → Tokens, check this key's Model access: it may be limited to other models."]),
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
      ...kbOr('404', ['Pick an exact id from: ruapi models'], 'model-id'),
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
    `${describeRequest(req)} answered ${answer.status} for the path itself, not for the model.${said(facts)} ${rule}${withId(answer)}`,
    [better ? `Set the base URL to ${better}` : '', ...kbOr('404', [`Check the base URL: RuAPI's is ${defaultBase(c)}`], 'base-url')],
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
    kbOr(rate ? '429' : '5xx', [
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

/**
 * A refusal of the test request itself (`entry`: the knowledge base's 400 or 413), or, without an
 * entry, a status the doctor has no finding for.
 */
export function badRequestFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest, entry?: '400' | '413'): Finding {
  const facts = errorFacts(answer.body);
  const known = entry !== undefined;
  return make(
    c,
    known ? 'live/bad-request' : 'live/unexpected-status',
    'error',
    known ? `The gateway refused the test request (${answer.status})` : `Unexpected answer ${answer.status}`,
    `${describeRequest(req)} (a minimal request, as the SDK sends it) answered ${answer.status}.${said(facts)}${
      known ? ' The request reached the gateway, but it would not run it: the model may not accept this request shape, or something in between changed it.' : ''
    }${withId(answer)}`,
    [...(known ? knowledgeSteps(entry).slice(0, 2) : []), `To read the error in detail: ruapi explain '${answer.status} ${(facts.message ?? '').replace(/'/g, '').slice(0, 120)}'`],
    undefined,
    answerData(answer, req),
  );
}
