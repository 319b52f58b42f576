import { DOCUMENTED_PATH } from '../../core/ruapi.js';
import type { LiveContext } from '../context.js';
import type { Exchange } from '../exchange.js';
import { endOnError, failNet } from '../failures.js';
import { forbiddenFinding, keyRejectedFinding, notRuapiFinding, balanceFinding, redirectFinding, retryFinding, urlNotFoundFinding } from '../findings/answers.js';
import { readAnswer } from '../judge.js';
import { Outcome, type LiveLink } from '../link.js';
import { isHtml, modelsRequest, parseModelList, paths } from '../protocol.js';
import { num } from '../../lang/t.js';
import { t } from '../words.js';


/**
 * The free request: GET /models. It proves DNS, TCP, TLS and that something answers HTTP; with the
 * key, that the key works; and it gives the list the model is checked against. Without a list the
 * base URL stays open for the probe to prove.
 */
export const http: LiveLink = {
  id: 'http',
  steps: ['dns', 'connect', 'tls', 'http'],
  async run(ctx) {
    const out = new Outcome(ctx);
    const req = modelsRequest(ctx.target, ctx.base.href, ctx.sendKey);
    const path = new URL(req.url).pathname;
    // With a probe to come, a failing /models is not worth the retry time: the probe decides.
    const x = await ctx.send(req, 'http', t('live.wait.models', { path }), !ctx.options.probe);
    const broke = x.failure ?? x.answer!.bodyFailure;
    if (broke) failNet(out, ctx, broke, 'http', req);
    else judgeList(out, ctx, x, path);
    return out.result();
  },
};

/** Reads the answer to GET /models. */
function judgeList(out: Outcome, ctx: LiveContext, x: Exchange, path: string): void {
  const a = x.answer!;
  const c = ctx.finding;
  const ok = a.status >= 200 && a.status < 300;
  if (x.statuses.length > 0 && ok) out.add(retryFinding(c, a, x.req, { tries: x.tries, recovered: true, statuses: x.statuses }));
  const list = ok ? parseModelList(a.body) : undefined;
  const status = t('live.detail.models.answered', { path, status: a.status });
  if (list) {
    out.learnt({ gatewayModels: list }).pass('http', t('live.detail.models.list', { path, status: a.status, n: list.length, count: num(list.length) }));
    if (ctx.sendKey) out.pass('auth', t('live.detail.key-accepted.list'));
    return;
  }
  if (ok) return void out.fail('http', notRuapiFinding(c, a, x.req));
  if (a.status >= 300 && a.status < 400) return void out.fail('http', redirectFinding(c, a, x.req, paths(ctx.target.protocol).models));
  // Without a key a refusal is expected: the gateway is there; the key itself was not tested.
  if (!ctx.sendKey && (a.status === 401 || a.status === 403)) return void out.pass('http', status);
  const reading = a.status >= 400 ? readAnswer(a) : undefined;
  if (reading?.kind === 'key-rejected' || reading?.kind === 'forbidden') {
    out.pass('http', status).fail('auth', (reading.kind === 'key-rejected' ? keyRejectedFinding : forbiddenFinding)(c, a, x.req));
  } else if (reading?.kind === 'balance') {
    out.pass('http', status);
    if (ctx.sendKey) out.pass('auth', t('live.detail.key-accepted'));
    out.fail('balance', balanceFinding(c, a, x.req));
  } else if (isHtml(a.headers, a.body) && a.status !== 404 && a.status < 500) {
    out.fail('http', notRuapiFinding(c, a, x.req));
  } else if (reading?.kind === 'url-not-found' && !onDocumentedPath(ctx)) {
    // Off the documented path, a 404 for the path itself (`invalid_url`, "Invalid URL (GET …)",
    // a 404 page) shows that the path is wrong: the SDK's requests would get the same.
    out.fail('http', urlNotFoundFinding(c, a, x.req));
  } else if (!ctx.options.probe && x.statuses.length > 0) {
    endOnError(out, ctx, x, 'http');
  } else {
    // No model list here (RuAPI does not document one). That alone proves nothing about the
    // base URL: the probe decides; without it the link stays unproven.
    out.waits('http', t('live.wait.probe.no-list', { path, status: a.status }));
    if (!ctx.options.probe) out.warn('http', t('live.detail.models.no-list', { path, status: a.status }));
  }
}

const onDocumentedPath = (ctx: LiveContext) => ctx.base.pathname.replace(/\/$/, '') === DOCUMENTED_PATH[ctx.target.protocol];
