import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { defineCheck } from '../types.js';
import { requestUrl, urlFix } from './common.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'base-url/double-v1',
  area: 'base-url',
  get title() {
    return t('base-url/double-v1.check');
  },
  severities: ['error'],
  needs: 'url',
  run: (ctx) => {
    const { url, target } = ctx;
    if (url?.path?.kind !== 'double-v1' || !url.url) return [];
    return [
      {
        severity: 'error',
        title: t('base-url/double-v1.title'),
        message: t('base-url/double-v1.message', { url: requestUrl(url.url.href, target.protocol) }),
        ...urlFix(ctx),
      },
    ];
  },
});
