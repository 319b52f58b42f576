import { failNet, endOnError } from '../failures.js';
import { streamBufferedFinding, streamCutFinding } from '../findings/stream.js';
import { Outcome, type LiveLink } from '../link.js';
import { probeRequest } from '../protocol.js';
import { readStream } from '../sse.js';
import { paidBlocked } from './probe.js';
import { num } from '../../lang/t.js';
import { msText, t } from '../words.js';

/** Streaming (--stream): the probe's request as a stream; its events, their timing, and its end. */
export const stream: LiveLink = {
  id: 'stream',
  steps: ['stream'],
  blockedBy: (ctx) => paidBlocked(ctx, ['stream'], { stream: t('live.detail.stream.no-probe') }),
  async run(ctx) {
    const out = new Outcome(ctx);
    const req = probeRequest(ctx.target, ctx.base.href, ctx.sendKey!, ctx.model!, true, ctx.facts.limit);
    const terminal = ctx.target.protocol === 'openai' ? 'data: [DONE]' : t('live.terminal.anthropic');
    const x = await ctx.send(req, 'stream', t('live.wait.stream'), true);
    if (x.failure) failNet(out, ctx, x.failure, 'stream', req);
    else if (!endOnError(out, ctx, x, 'stream')) {
      const a = x.answer!;
      const reading = readStream(ctx.target.protocol, a);
      out.learnt(reading.firstEventMs !== undefined ? { streamFirstEventMs: reading.firstEventMs } : {});
      const events = reading.events.length;
      if (a.bodyFailure?.kind === 'timeout') failNet(out, ctx, a.bodyFailure, 'stream', req, events);
      else if (reading.streamError || !reading.terminal) {
        const broke = { ...(a.bodyFailure ? { broke: a.bodyFailure } : {}), ...(reading.streamError ? { streamError: reading.streamError } : {}) };
        out.fail('stream', streamCutFinding(ctx.finding, a, req, { events, terminal, ...broke }));
      } else if (reading.buffered) {
        const finding = out.add(streamBufferedFinding(ctx.finding, a, req, reading.bufferedWhy!), 'stream');
        out.warn('stream', finding.title);
      } else out.pass('stream', t('live.detail.stream.ok', { n: events, events: num(events), firstByte: msText(a.firstByteMs), firstEvent: msText(reading.firstEventMs ?? 0) }), a.ms);
    }
    return out.result();
  },
};
