import { modelNotFoundFinding } from '../findings/answers.js';
import { Outcome, type LiveLink } from '../link.js';

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
    if (!model) return out.skip('model', 'no model configured', ctx.offlineId(/^model\//) ?? 'model/missing').result();
    const list = ctx.modelList();
    const listed = list.ids.includes(model);
    const whose = list.source === 'gateway' ? "gateway's" : 'bundled';
    if (list.source === 'gateway' && listed) out.pass('model', `${model} is in the gateway's list`);
    else if (options.probe && ctx.sendKey) out.waits('model', `the probe: ${model} is ${listed ? 'in the bundled list' : `not in the ${whose} list`}`);
    else if (list.source === 'gateway') out.fail('model', modelNotFoundFinding(ctx.finding, { model, list }));
    // A list the gateway did not give proves nothing about what it serves.
    else if (listed) out.skip('model', `${model} is in the bundled list, but the gateway offers none: only the probe can prove it`, options.probe ? ctx.keyBlockedBy : undefined);
    else out.warn('model', `${model} is not in the bundled list, and the gateway offers none`);
    return out.result();
  },
};
