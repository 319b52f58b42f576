import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { defineCheck } from '../types.js';
import { requestUrl, urlFix } from './common.js';

const t = messages(CHECKS);

/**
 * One trailing slash is harmless: the Node SDKs drop it when joining and the Python SDKs add one
 * anyway. Two or more are kept, and the request path changes.
 */
export default defineCheck({
  id: 'base-url/trailing-slash',
  area: 'base-url',
  get title() {
    return t('base-url/trailing-slash.check');
  },
  severities: ['warning'],
  needs: 'url',
  run: (ctx) => {
    const { url, target } = ctx;
    if (!url?.url || !url.doubleSlash || url.path) return [];
    return [
      {
        severity: 'warning',
        title: t('base-url/trailing-slash.title'),
        message: t('base-url/trailing-slash.message', { url: requestUrl(url.url.href, target.protocol) }),
        ...urlFix(ctx),
      },
    ];
  },
});
