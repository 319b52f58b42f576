import { defineCheck } from '../types.js';
import { urlFix } from './common.js';

/**
 * `https://user:password@host/v1`: the SDKs do not authenticate with it. Node's fetch (under the
 * Node SDKs) refuses such a URL outright; httpx (under the Python SDKs) turns it into Basic auth,
 * which takes the place of the key's header; other clients drop it. And the URL, password
 * included, ends up in logs and error messages. RuAPI authenticates with the key alone.
 */
export default defineCheck({
  id: 'base-url/userinfo',
  area: 'base-url',
  title: 'no user name or password in the base URL',
  severities: ['error'],
  needs: 'url',
  run: (ctx) => {
    const u = ctx.url?.url;
    if (!u || (u.username === '' && u.password === '')) return [];
    return [
      {
        severity: 'error',
        title: 'The base URL has a user name or password in it',
        message:
          "The SDKs do not log in with it: Node's fetch (used by the Node SDKs) refuses a URL with credentials, the Python SDKs send them as Basic auth in place of your key, other clients drop them. RuAPI needs only the key, and a password in a URL ends up in logs. The doctor shows it masked.",
        ...urlFix(ctx),
      },
    ];
  },
});
