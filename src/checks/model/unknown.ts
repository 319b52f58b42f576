import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { holdsKey } from '../holds-key.js';
import type { CheckContext, Draft } from '../types.js';
import { defineCheck } from '../types.js';
import { judgeModelId, type ModelFindingId } from './judge.js';

const t = messages(CHECKS);

/** The findings of one id (see judge.ts) for the target's model value. */
export function modelFindings({ target, models, now }: CheckContext, id: ModelFindingId): Draft[] {
  const model = target.model;
  if (!model || model.value.trim() === '') return [];
  const all = judgeModelId({ value: model.value, source: model.source, protocol: target.protocol, models, now, holdsKey: holdsKey(model.value, target) });
  return all.filter((f) => f.id === id).map(({ id: _id, ...draft }) => draft);
}

export default defineCheck({
  id: 'model/unknown',
  area: 'model',
  get title() {
    return t('model/unknown.check');
  },
  severities: ['error', 'warning'],
  needs: 'model',
  run: (ctx) => modelFindings(ctx, 'model/unknown'),
});
