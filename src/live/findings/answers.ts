import type { Finding, Severity } from '../../core/finding.js';
import { htmlTitle, OUTSIDE_MAX, oneLine, withoutTrailing, withoutTrailingRepeats } from '../../core/text.js';
import type { ModelList } from '../../models/catalog.js';
import { matchModel } from '../../models/suggest.js';
import { MAX_BODY_BYTES, type HttpAnswer, type SendRequest } from '../client.js';
import { kbOr, knowledgeSteps } from '../kb.js';
import { errorFacts, header, isHtml, parseJson } from '../protocol.js';
import { answerData, answered, baseSource, checkBase, defaultBase, describeRequest, keySource, make, said, t, withId, type FindingContext } from './make.js';
import { num } from '../../lang/t.js';

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
    target ? t('live/redirect.title.to', { origin: target.origin, status: answer.status }) : t('live/redirect.title', { status: answer.status }),
    `${t(location ? 'live/redirect.message.to' : 'live/redirect.message', { request: describeRequest(req), status: answer.status, location: target?.href ?? location })} ${
      elsewhere ? t('live/redirect.message.not-sent.elsewhere', { host: target!.host }) : t('live/redirect.message.not-sent')
    } ${t('live/redirect.message.sdks')}${withId(answer)}`,
    [newBase ? t('live/redirect.fix.trust', { host: target!.host, url: newBase }) : t('live.set-base', { url: defaultBase(c) })],
    baseSource(c),
    answerData(answer, req, { location: target?.href ?? location }),
  );
}

export function notRuapiFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest): Finding {
  let what: string;
  const fix: string[] = [];
  const request = describeRequest(req);
  if (answer.truncated) {
    what = t('live/not-ruapi.message.truncated', { request, mb: num(MAX_BODY_MB) });
  } else if (isHtml(answer.headers, answer.body)) {
    const title = htmlTitle(answer.body);
    what = title ? t('live/not-ruapi.message.html.title', { request, title }) : t('live/not-ruapi.message.html', { request });
    fix.push(t('live/not-ruapi.fix.browser', { url: req.url }));
  } else if (answer.body.trim() === '') {
    what = t('live/not-ruapi.message.empty', { request, status: answer.status });
  } else {
    const json = parseJson(answer.body);
    const keys = json && typeof json === 'object' ? Object.keys(json).slice(0, 6).map((k) => oneLine(k, OUTSIDE_MAX.key)) : [];
    what =
      json && typeof json === 'object'
        ? keys.length
          ? t('live/not-ruapi.message.json', { request, keys: keys.join(', ') })
          : t('live/not-ruapi.message.json.no-keys', { request })
        : t('live/not-ruapi.message.text', { request, text: oneLine(answer.body, OUTSIDE_MAX.snippet) });
  }
  fix.push(checkBase(c));
  return make(
    c,
    'live/not-ruapi',
    'error',
    t('live/not-ruapi.title', { host: c.base.host }),
    `${what}${withId(answer)}`,
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
    t('live/401.title', { status: answer.status }),
    `${answered(answer, req)} ${t('live/401.message', { how })}${withId(answer)}`,
    kbOr('401', [t('live/401.fix')]),
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
    quota ? t('live/402.title.quota', { status: answer.status, code: facts.code ?? facts.type ?? 'quota' }) : t('live/402.title'),
    `${answered(answer, req)} ${t(answer.status === 429 ? 'live/402.message.429' : 'live/402.message')}${withId(answer)}`,
    kbOr('402', [t('live/402.fix')]),
    undefined,
    answerData(answer, req),
  );
}

export function forbiddenFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest): Finding {
  return make(
    c,
    'live/403',
    'error',
    t('live/403.title', { status: answer.status }),
    `${answered(answer, req)} ${t('live/403.message')}${withId(answer)}`,
    kbOr('403', [t('live/403.fix')]),
    keySource(c),
    answerData(answer, req),
  );
}

export function modelNotFoundFinding(c: FindingContext, ctx: { model: string; list?: ModelList; answer?: HttpAnswer; req?: SendRequest }): Finding {
  const { model, list, answer, req } = ctx;
  const listed = !!list?.ids.includes(model);
  const suggestions = list && !listed ? matchModel(model, list.ids).suggestions : [];
  const ids = list?.ids.length ?? 0;
  const basis = answer && req ? answered(answer, req) : t('live/404-model.message.list', { n: ids, count: num(ids) });
  const mean = listed
    ? t(list!.source === 'gateway' ? 'live/404-model.message.listed.gateway' : 'live/404-model.message.listed.bundled')
    : `${t('live/404-model.message.exact')}${suggestions.length ? ` ${t('live/404-model.message.mean', { models: suggestions.map((m) => t('live.quoted', { text: m })).join(t('live.or')) })}` : ''}`;
  return make(
    c,
    'live/404-model',
    'error',
    t('live/404-model.title', { model }),
    `${basis} ${mean}${answer ? withId(answer) : ''}`,
    [
      suggestions[0] ? t('live/404-model.fix.set', { model: suggestions[0] }) : listed ? t('live/404-model.fix.access') : '',
      ...kbOr('404', [t('live/404-model.fix.pick')], 'model-id'),
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
  const rule = t(c.target.protocol === 'openai' ? 'live/404-url.message.openai' : 'live/404-url.message.anthropic');
  return make(
    c,
    'live/404-url',
    'error',
    t('live/404-url.title', { path: new URL(req.url).pathname, host: c.base.host }),
    `${t('live/404-url.message', { request: describeRequest(req), status: answer.status })}${said(facts)} ${rule}${withId(answer)}`,
    [better ? t('live.set-base', { url: better }) : '', ...kbOr('404', [t('live/404-url.fix.base', { url: defaultBase(c) })], 'base-url')],
    baseSource(c),
    answerData(answer, req),
  );
}

export function retryFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest, ctx: { tries: number; recovered: boolean; statuses: number[]; stoppedBy?: 'time' | 'tries' }): Finding {
  const rate = answer.status === 429 || (ctx.recovered && ctx.statuses.every((s) => s === 429));
  const seen = [...new Set(ctx.statuses)].join(', ');
  const id = rate ? 'live/429' : 'live/5xx';
  // A lasting 429 or 5xx is no fault of the set-up: a warning, and the verdict says what it left unproven.
  const severity: Severity = 'warning';
  const p = { statuses: seen, try: ctx.tries, n: ctx.tries };
  const title = ctx.recovered ? t(rate ? 'live/429.title.recovered' : 'live/5xx.title.recovered', p) : t(rate ? 'live/429.title' : 'live/5xx.title', p);
  const stopped = ctx.stoppedBy === 'time' ? ` ${t('live/retry.message.stopped')}` : '';
  const message = ctx.recovered
    ? t('live/retry.message.recovered', { request: describeRequest(req), statuses: seen })
    : `${answered(answer, req)} ${t(rate ? 'live/429.message' : 'live/5xx.message')}${stopped}${withId(answer)}`;
  return make(
    c,
    id,
    severity,
    title,
    message,
    kbOr(rate ? '429' : '5xx', [t(rate ? 'live/429.fix' : 'live/5xx.fix')]),
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
    t('live/probe-refused.title'),
    `${t('live/probe-refused.message', { request: describeRequest(req), status: answer.status })}${said(facts)} ${t('live/probe-refused.message.nothing-against')}${withId(answer)}`,
    [t('live/probe-refused.fix'), explainStep(answer, facts)],
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
    known ? t('live/bad-request.title', { status: answer.status }) : t('live/unexpected-status.title', { status: answer.status }),
    `${t('live/bad-request.message', { request: describeRequest(req), status: answer.status })}${said(facts)}${known ? ` ${t('live/bad-request.message.refused')}` : ''}${withId(answer)}`,
    [...(known ? knowledgeSteps(entry).slice(0, 2) : []), explainStep(answer, facts)],
    undefined,
    answerData(answer, req),
  );
}

/** `To read the error in detail: ruapi explain '…'`: the command is the same in every language. */
function explainStep(answer: HttpAnswer, facts: ReturnType<typeof errorFacts>): string {
  return t('live.explain-step', { command: `ruapi explain '${answer.status} ${(facts.message ?? '').replace(/'/g, '').slice(0, 120)}'` });
}
