import { defineCheck } from '../types.js';
import { requestUrl, urlFix } from './common.js';

export default defineCheck({
  id: 'base-url/endpoint',
  area: 'base-url',
  title: 'the base URL is a base, not a full endpoint',
  severities: ['error'],
  needs: 'url',
  run: (ctx) => {
    const { url, target } = ctx;
    if (url?.path?.kind !== 'endpoint' || !url.url) return [];
    return [
      {
        severity: 'error',
        title: 'A full endpoint was pasted as the base URL',
        message: `The base URL ends in ${url.path.endpoint}. Clients add the endpoint path themselves, so requests would go to ${requestUrl(url.url.href, target.protocol)} and get a 404.`,
        ...urlFix(ctx),
      },
    ];
  },
});
