import { modelNotFoundFinding } from '../findings/answers.js';
import { Outcome, type LiveLink } from '../link.js';
import { t } from '../words.js';

/**
 * The model, against the gateway's own list when it gave one. Only the gateway's list can prove
 * or refute it; with a probe to come, the probe decides.
 */
export const model: LiveLink = {
  id: 'model',
  steps: ['model'],
  async run(ctx) {
    const out = new Outcome(ctx);
    const { model, options } = ctx;
    if (!model) return out.skip('model', t('live.detail.model.none'), ctx.offlineId(/^model\//) ?? 'model/missing').result();
    const list = ctx.modelList();
    const listed = list.ids.includes(model);
    const gateway = list.source === 'gateway';
    if (gateway && listed) out.pass('model', t('live.detail.model.listed', { model }));
    else if (options.probe && ctx.sendKey) out.waits('model', t(listed ? 'live.wait.probe.model.bundled' : gateway ? 'live.wait.probe.model.not-listed' : 'live.wait.probe.model.not-bundled', { model }));
    else if (list.source === 'gateway') out.fail('model', modelNotFoundFinding(ctx.finding, { model, list }));
    // A list the gateway did not give proves nothing about what it serves.
    else if (listed) out.skip('model', t('live.detail.model.bundled-only', { model }), options.probe ? ctx.keyBlockedBy : undefined);
    else out.warn('model', t('live.detail.model.not-bundled', { model }));
    return out.result();
  },
};
