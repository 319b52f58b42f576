import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { defineCheck } from '../types.js';
import { requestUrl, urlFix } from './common.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'base-url/extra-v1',
  area: 'base-url',
  get title() {
    return t('base-url/extra-v1.check');
  },
  severities: ['error'],
  protocols: ['anthropic'],
  needs: 'url',
  run: (ctx) => {
    const { url } = ctx;
    if (url?.path?.kind !== 'extra-v1' || !url.url) return [];
    return [
      {
        severity: 'error',
        title: t('base-url/extra-v1.title'),
        message: t('base-url/extra-v1.message', { url: requestUrl(url.url.href, 'anthropic') }),
        ...urlFix(ctx),
      },
    ];
  },
});
