import { defineCheck } from '../types.js';
import { requestUrl, urlFix } from './common.js';

/**
 * One trailing slash is harmless: the Node SDKs drop it when joining and the Python SDKs add one
 * anyway. Two or more are kept, and the request path changes.
 */
export default defineCheck({
  id: 'base-url/trailing-slash',
  area: 'base-url',
  title: 'no doubled slash at the end of the base URL',
  severities: ['warning'],
  needs: 'url',
  run: (ctx) => {
    const { url, target } = ctx;
    if (!url?.url || !url.doubleSlash || url.path) return [];
    return [
      {
        severity: 'warning',
        title: 'The base URL ends in more than one slash',
        message: `The SDKs drop only one, so requests would go to ${requestUrl(url.url.href, target.protocol)}, with // in the path, which RuAPI does not serve. (A single trailing slash is harmless.)`,
        ...urlFix(ctx),
      },
    ];
  },
});
