import { defineCheck } from '../types.js';
import { requestUrl, urlFix } from './common.js';

export default defineCheck({
  id: 'base-url/double-v1',
  area: 'base-url',
  title: 'no doubled /v1/v1 in the base URL',
  severities: ['error'],
  needs: 'url',
  run: (ctx) => {
    const { url, target } = ctx;
    if (url?.path?.kind !== 'double-v1' || !url.url) return [];
    return [
      {
        severity: 'error',
        title: 'The base URL has /v1 twice',
        message: `Requests would go to ${requestUrl(url.url.href, target.protocol)}, a path RuAPI does not serve: 404.`,
        ...urlFix(ctx),
      },
    ];
  },
});
