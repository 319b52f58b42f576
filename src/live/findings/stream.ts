import type { Finding } from '../../core/finding.js';
import { MAX_BODY_BYTES, type HttpAnswer, type NetFailure, type SendRequest } from '../client.js';
import { knowledgeSteps } from '../kb.js';
import { answerData, make, t, withId, type FindingContext } from './make.js';
import { num } from '../../lang/t.js';

/** What the streaming request showed: a stream cut before its end, or one held back and sent at once. */

export function streamCutFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest, ctx: { events: number; terminal: string; broke?: NetFailure; streamError?: { type?: string; message?: string } }): Finding {
  if (answer.truncated && !ctx.streamError) return endlessStreamFinding(c, answer, req, ctx);
  const p = { n: ctx.events, events: num(ctx.events), terminal: ctx.terminal };
  const how = ctx.streamError
    ? t('live/stream-cut.message.error', { type: ctx.streamError.type ?? 'error', message: ctx.streamError.message ?? t('live/stream-cut.message.no-message') })
    : ctx.broke
      ? t('live/stream-cut.message.broke', { ...p, code: ctx.broke.code ?? t('live/stream-cut.message.closed') })
      : t('live/stream-cut.message.ended', p);
  return make(
    c,
    'live/stream-cut',
    'error',
    ctx.events === 0 && !ctx.broke && !ctx.streamError ? t('live/stream-cut.title.no-events') : t('live/stream-cut.title'),
    `${how} ${t('live/stream-cut.message')}${withId(answer)}`,
    [t('live/stream-cut.fix.proxy'), ...knowledgeSteps('timeout').slice(0, 2), t('live/stream-cut.fix.again')],
    undefined,
    answerData(answer, req, { events: ctx.events }),
  );
}

/** A stream that went on past the 2 MB ruapi reads, without its final event: a one-token answer streams a few hundred bytes. */
function endlessStreamFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest, ctx: { events: number; terminal: string }): Finding {
  const mb = num(MAX_BODY_BYTES / (1024 * 1024));
  return make(
    c,
    'live/stream-cut',
    'error',
    t('live/stream-cut.title.endless', { mb }),
    `${t('live/stream-cut.message.endless', { mb, n: ctx.events, events: num(ctx.events), terminal: ctx.terminal })}${withId(answer)}`,
    [t('live/stream-cut.fix.base'), t('live/stream-cut.fix.support')],
    undefined,
    answerData(answer, req, { events: ctx.events, truncated: true }),
  );
}

export function streamBufferedFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest, why: string): Finding {
  return make(
    c,
    'live/stream-buffered',
    'warning',
    t('live/stream-buffered.title'),
    `${t('live/stream-buffered.message', { why })}${withId(answer)}`,
    [t('live/stream-buffered.fix')],
    undefined,
    answerData(answer, req),
  );
}
