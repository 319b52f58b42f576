import type { StepId } from '../chain.js';
import type { LiveContext } from '../context.js';
import type { Exchange } from '../exchange.js';
import { endOnError, failNet } from '../failures.js';
import { notRuapiFinding, probeRefusedFinding } from '../findings/answers.js';
import { Outcome, type LiveLink, type StepEnd } from '../link.js';
import { embeddingsRequest, errorFacts, isEmbeddingModel, looksLikeReply, otherTokenLimit, probeRequest, type TokenLimit } from '../protocol.js';
import { msText, t } from '../words.js';

/**
 * Why no paid request is sent (the probe, then the stream): --no-probe, no key that may be sent,
 * or no model to send it to.
 */
export function paidBlocked(ctx: LiveContext, steps: readonly StepId[], noProbe: Partial<Record<StepId, string>>): StepEnd[] | undefined {
  const skip = (detail: string, blockedBy?: string) => steps.map((step): StepEnd => ({ step, status: 'skipped', detail, ...(blockedBy ? { blockedBy } : {}) }));
  if (!ctx.options.probe) return steps.map((step): StepEnd => ({ step, status: 'skipped', detail: noProbe[step]! }));
  if (ctx.keyBlockedBy) return skip(t('live.detail.key-not-sent'), ctx.keyBlockedBy);
  if (!ctx.model) return skip(t('live.detail.probe.no-model'), ctx.offlineId(/^model\//) ?? 'model/missing');
  return undefined;
}

/** The probe: the one request that proves key, model and balance together (a tiny cost). */
export const probe: LiveLink = {
  id: 'probe',
  steps: ['balance', 'probe'],
  blockedBy: (ctx) => paidBlocked(ctx, ['balance', 'probe'], { balance: t('live.detail.balance.no-probe'), probe: t('live.detail.probe.no-probe') }),
  async run(ctx) {
    const out = new Outcome(ctx);
    const model = ctx.model!;
    const embeddings = ctx.target.protocol === 'openai' && isEmbeddingModel(model);
    const { x, refused, limit } = await sendProbe(ctx, embeddings);
    out.learnt({ limit });
    const { req, answer } = x;
    if (x.failure) failNet(out, ctx, x.failure, 'probe', req);
    else if (refused) {
      const finding = out.add(probeRefusedFinding(ctx.finding, answer!, req), 'probe');
      out.proves(['http'], t('live.detail.answered', { status: answer!.status })).proves(['auth'], t('live.detail.key-read'));
      out.warn('probe', finding.title, { blocks: true });
    } else if (endOnError(out, ctx, x, 'probe')) {
      // judged
    } else if (answer!.bodyFailure) failNet(out, ctx, answer!.bodyFailure, 'probe', req);
    else if (!looksLikeReply(ctx.target.protocol, answer!.body, embeddings, ctx.target.api)) out.fail(out.at('http', 'probe'), notRuapiFinding(ctx.finding, answer!, req));
    else {
      out.proves(['http'], t('live.detail.probe.answered')).proves(['auth'], t('live.detail.key-accepted'));
      out.proves(['model'], t('live.detail.model.answered', { model })).proves(['balance'], t('live.detail.balance.ok'));
      out.learnt({ probeWhat: embeddings ? t('live/ok.probe.embeddings') : `${limit} 1` });
      const took = msText(answer!.ms);
      out.pass('probe', embeddings ? t('live.detail.probe.sent.embeddings', { model, ms: took }) : t('live.detail.probe.sent', { limit, model, ms: took }), answer!.ms);
    }
    if (embeddings) out.skip('stream', t('live.detail.stream.embeddings'));
    return out.result();
  },
};

/**
 * Sends the probe. A 400 about its own limit parameter is the probe's fault, not the user's (their
 * SDK call may set no limit at all): it is sent once more with the other parameter, and if that is
 * refused too, `refused` says so instead of blaming the set-up.
 */
async function sendProbe(ctx: LiveContext, embeddings: boolean): Promise<{ x: Exchange; refused: boolean; limit: TokenLimit }> {
  const { target, base, sendKey, model } = ctx;
  let limit = ctx.facts.limit;
  const waiting = (req: { url: string }) => t('live.wait.probe', { path: new URL(req.url).pathname });
  const build = () => (embeddings ? embeddingsRequest(target, base.href, sendKey!, model!) : probeRequest(target, base.href, sendKey!, model!, false, limit));
  let req = build();
  let x = await ctx.send(req, 'probe', waiting(req), true);
  const aboutLimit = () => (!embeddings && x.answer?.status === 400 ? otherTokenLimit(target.protocol, limit, errorFacts(x.answer.body)) : undefined);
  const other = aboutLimit();
  if (!other) return { x, refused: false, limit };
  limit = other;
  req = build();
  x = await ctx.send(req, 'probe', waiting(req), true);
  return { x, refused: aboutLimit() !== undefined, limit };
}
