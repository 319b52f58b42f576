import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { defineCheck } from '../types.js';
import { requestUrl, urlFix } from './common.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'base-url/endpoint',
  area: 'base-url',
  get title() {
    return t('base-url/endpoint.check');
  },
  severities: ['error'],
  needs: 'url',
  run: (ctx) => {
    const { url, target } = ctx;
    if (url?.path?.kind !== 'endpoint' || !url.url) return [];
    return [
      {
        severity: 'error',
        title: t('base-url/endpoint.title'),
        message: t('base-url/endpoint.message', { endpoint: url.path.endpoint, url: requestUrl(url.url.href, target.protocol) }),
        ...urlFix(ctx),
      },
    ];
  },
});
