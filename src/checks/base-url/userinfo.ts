import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { defineCheck } from '../types.js';
import { urlFix } from './common.js';

const t = messages(CHECKS);

/**
 * `https://user:password@host/v1`: the SDKs do not authenticate with it. Node's fetch (under the
 * Node SDKs) refuses such a URL outright; httpx (under the Python SDKs) turns it into Basic auth,
 * which takes the place of the key's header; other clients drop it. And the URL, password
 * included, ends up in logs and error messages. RuAPI authenticates with the key alone.
 */
export default defineCheck({
  id: 'base-url/userinfo',
  area: 'base-url',
  get title() {
    return t('base-url/userinfo.check');
  },
  severities: ['error'],
  needs: 'url',
  run: (ctx) => {
    const u = ctx.url?.url;
    if (!u || (u.username === '' && u.password === '')) return [];
    return [
      {
        severity: 'error',
        title: t('base-url/userinfo.title'),
        message: t('base-url/userinfo.message'),
        ...urlFix(ctx),
      },
    ];
  },
});
