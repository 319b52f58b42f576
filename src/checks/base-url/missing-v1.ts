import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { defineCheck } from '../types.js';
import { requestUrl, urlFix } from './common.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'base-url/missing-v1',
  area: 'base-url',
  get title() {
    return t('base-url/missing-v1.check');
  },
  severities: ['error'],
  protocols: ['openai'],
  needs: 'url',
  run: (ctx) => {
    const { url } = ctx;
    if (url?.path?.kind !== 'missing-v1' || !url.url) return [];
    const base = url.url.origin;
    return [
      {
        severity: 'error',
        title: t('base-url/missing-v1.title'),
        message: t('base-url/missing-v1.message', { url: requestUrl(base, 'openai'), base }),
        ...urlFix(ctx),
      },
    ];
  },
});
