import { defineCheck } from '../types.js';
import { requestUrl, urlFix } from './common.js';

export default defineCheck({
  id: 'base-url/extra-v1',
  area: 'base-url',
  title: 'the Anthropic base URL has no /v1',
  severities: ['error'],
  protocols: ['anthropic'],
  needs: 'url',
  run: (ctx) => {
    const { url } = ctx;
    if (url?.path?.kind !== 'extra-v1' || !url.url) return [];
    return [
      {
        severity: 'error',
        title: 'The Anthropic base URL ends in /v1',
        message: `The Anthropic SDKs and Claude Code add /v1/messages themselves, so requests would go to ${requestUrl(url.url.href, 'anthropic')} (/v1 twice) and get a 404. On this protocol the base URL has no /v1.`,
        ...urlFix(ctx),
      },
    ];
  },
});
