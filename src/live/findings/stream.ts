import type { Finding } from '../../core/finding.js';
import type { HttpAnswer, NetFailure, SendRequest } from '../client.js';
import { knowledgeSteps } from '../kb.js';
import { answerData, make, withId, type FindingContext } from './make.js';

/** What the streaming request showed: a stream cut before its end, or one held back and sent at once. */

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
      ...knowledgeSteps('timeout').slice(0, 2),
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
