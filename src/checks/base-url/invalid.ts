import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { capitalise } from '../text.js';
import { defineCheck } from '../types.js';
import { urlFix } from './common.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'base-url/invalid',
  area: 'base-url',
  get title() {
    return t('base-url/invalid.check');
  },
  severities: ['error', 'warning'],
  needs: 'url',
  run: (ctx) => {
    const bad = ctx.url?.invalid;
    if (!bad) return [];
    return [
      {
        severity: bad.severity,
        title: bad.severity === 'error' ? t('base-url/invalid.title') : t('base-url/invalid.title.around'),
        message: t('base-url/invalid.message', { reason: capitalise(bad.reason) }),
        ...urlFix(ctx),
      },
    ];
  },
});
