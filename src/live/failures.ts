import type { StepId } from './chain.js';
import type { NetFailure, SendRequest } from './client.js';
import type { LiveContext } from './context.js';
import { CONNECTION_STEPS, isIpHost, lookupDetail, stepOfPhase, type Exchange } from './exchange.js';
import {
  badRequestFinding,
  balanceFinding,
  forbiddenFinding,
  keyRejectedFinding,
  modelNotFoundFinding,
  redirectFinding,
  retryFinding,
  urlNotFoundFinding,
} from './findings/answers.js';
import { dnsFinding, endlessHeadersFinding, proxyFinding, resetFinding, timeoutFinding, tlsFinding, unreachableFinding } from './findings/network.js';
import { notLoopbackFinding } from './findings/safety.js';
import { isLoopback } from './hosts.js';
import { readAnswer } from './judge.js';
import type { Outcome } from './link.js';
import { errorFacts, paths } from './protocol.js';
import { t } from './words.js';

/** How a link breaks: on a network failure, and on an error answer to the probe or the stream. */

/** Ends the chain at the link a network failure belongs to: the phase's own while it is open, else `step`. */
export function failNet(out: Outcome, ctx: LiveContext, f: NetFailure, step: StepId, req: SendRequest, events?: number): void {
  const c = ctx.finding;
  const loopback = isLoopback(ctx.base.hostname);
  const phaseStep = out.at(stepOfPhase(f.phase, step), step);
  // A connection that failed after the lookup proves the lookup: DNS is never "blocked" by a later step.
  if (f.kind !== 'dns' && f.phase !== 'dns' && f.phase !== 'proxy-dns' && !c.proxy && out.isOpen('dns')) {
    out.pass('dns', lookupDetail(ctx.base), isIpHost(ctx.base) ? 0 : undefined);
  }
  switch (f.kind) {
    case 'dns':
      out.fail(out.at('dns', step), dnsFinding(c, f));
      return;
    case 'refused':
    case 'unreachable':
      out.fail(out.at('connect', step), unreachableFinding(c, f, loopback));
      return;
    case 'tls':
      out.fail(out.at(ctx.https ? 'tls' : 'connect', step), tlsFinding(c, f));
      return;
    case 'proxy':
      out.fail(out.at(f.phase === 'proxy-dns' ? 'dns' : 'connect', step), proxyFinding(c, f));
      return;
    case 'not-loopback':
      out.fail(out.at('connect', step), notLoopbackFinding(c, f.address ? [f.address] : []));
      return;
    case 'endless-headers':
      out.fail(phaseStep, endlessHeadersFinding(c, f, req));
      return;
    case 'timeout':
      out.fail(phaseStep, timeoutFinding(c, f, { limitMs: ctx.options.timeoutMs, what: `${req.method} ${new URL(req.url).pathname}`, ...(events !== undefined ? { events } : {}) }));
      return;
    default:
      out.fail(phaseStep, (CONNECTION_STEPS as readonly StepId[]).includes(phaseStep) ? unreachableFinding(c, f, loopback) : resetFinding(c, f, req));
  }
}

/**
 * Ends the chain on a lasting 429/5xx, a redirect or an error answer to the probe or the stream,
 * at the link the answer is about. Returns false when the answer was fine and the link goes on.
 */
export function endOnError(out: Outcome, ctx: LiveContext, x: Exchange, step: StepId): boolean {
  const a = x.answer!;
  const c = ctx.finding;
  if (x.statuses.length > 0) {
    const recovered = a.status < 300;
    const finding = retryFinding(c, a, x.req, { tries: x.tries, recovered, statuses: x.statuses, ...(x.stoppedBy ? { stoppedBy: x.stoppedBy } : {}) });
    if (recovered) out.add(finding);
    else {
      if (step !== 'http') out.proves(['http'], t('live.detail.answered', { status: a.status }));
      // A rate limit is no fault of the set-up, but the links after it still cannot be checked.
      out.fail(step, finding);
      return true;
    }
  }
  if (a.status >= 200 && a.status < 300) return false;
  if (a.status >= 300 && a.status < 400) {
    const p = paths(ctx.target.protocol);
    out.fail(out.at('http', step), redirectFinding(c, a, x.req, step === 'probe' || step === 'stream' ? p.messages : p.models));
    return true;
  }
  const reading = readAnswer(a, ctx.model);
  const kind = reading.kind === 'model-not-found' && !ctx.model ? 'url-not-found' : reading.kind;
  if (kind !== 'url-not-found') out.proves(['http'], t('live.detail.answered', { status: a.status }));
  switch (kind) {
    case 'key-rejected':
      out.fail(out.at('auth', step), keyRejectedFinding(c, a, x.req));
      break;
    case 'balance':
      out.proves(['auth'], t('live.detail.key-accepted'));
      out.fail(out.at('balance', step), balanceFinding(c, a, x.req));
      break;
    case 'forbidden': {
      const aboutModel = !!ctx.model && (errorFacts(a.body).message ?? '').includes(ctx.model);
      if (aboutModel) out.proves(['auth'], t('live.detail.key-read'));
      out.fail(out.at(aboutModel ? 'model' : 'auth', step), forbiddenFinding(c, a, x.req));
      break;
    }
    case 'url-not-found':
      out.fail(out.at('http', step), urlNotFoundFinding(c, a, x.req));
      break;
    case 'model-not-found':
      out.proves(['auth'], t('live.detail.key-accepted'));
      out.fail(out.at('model', step), modelNotFoundFinding(c, { model: ctx.model!, list: ctx.modelList(), answer: a, req: x.req }));
      break;
    default:
      out.fail(step, badRequestFinding(c, a, x.req, reading.entry));
  }
  return true;
}
