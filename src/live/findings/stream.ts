import type { Finding } from '../../core/finding.js';
import { MAX_BODY_BYTES, type HttpAnswer, type NetFailure, type SendRequest } from '../client.js';
import { knowledgeSteps } from '../kb.js';
import { answerData, make, withId, type FindingContext } from './make.js';

/** What the streaming request showed: a stream cut before its end, or one held back and sent at once. */

export function streamCutFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest, ctx: { events: number; terminal: string; broke?: NetFailure; streamError?: { type?: string; message?: string } }): Finding {
  const events = `${ctx.events} event${ctx.events === 1 ? '' : 's'}`;
  if (answer.truncated && !ctx.streamError) return endlessStreamFinding(c, answer, req, ctx);
  const how = ctx.streamError
    ? `sent an error inside the stream (${ctx.streamError.type ?? 'error'}: ${ctx.streamError.message ?? 'no message'})`
    : ctx.broke
      ? `broke off after ${events} (${ctx.broke.code ?? 'connection closed'})`
      : `ended after ${events} without its final ${ctx.terminal}`;
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

/** A stream that went on past the 2 MB ruapi reads, without its final event: a one-token answer streams a few hundred bytes. */
function endlessStreamFinding(c: FindingContext, answer: HttpAnswer, req: SendRequest, ctx: { events: number; terminal: string }): Finding {
  const events = `${ctx.events} event${ctx.events === 1 ? '' : 's'}`;
  return make(
    c,
    'live/stream-cut',
    'error',
    `The stream went on past ${MAX_BODY_BYTES / (1024 * 1024)} MB, so ruapi stopped reading it`,
    `The streaming request (at most one token of answer, a few hundred bytes of stream) went on past ${MAX_BODY_BYTES / (1024 * 1024)} MB: ${events} and no final ${ctx.terminal}, so ruapi stopped reading it. A client would wait for the end of a stream that does not end: the gateway, or something in between, sends without end.${withId(answer)}`,
    ['Check the base URL: the server there does not stream like an LLM gateway.', 'If it is right, write to support with the request id: the gateway does not end its streams.'],
    undefined,
    answerData(answer, req, { events: ctx.events, truncated: true }),
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
