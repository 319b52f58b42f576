import { defineCheck } from '../types.js';
import { requestUrl, urlFix } from './common.js';

export default defineCheck({
  id: 'base-url/missing-v1',
  area: 'base-url',
  title: 'the OpenAI-compatible base URL ends in /v1',
  severities: ['error'],
  protocols: ['openai'],
  needs: 'url',
  run: (ctx) => {
    const { url } = ctx;
    if (url?.path?.kind !== 'missing-v1' || !url.url) return [];
    const base = url.url.origin;
    return [
      {
        severity: 'error',
        title: 'The base URL lacks /v1',
        message: `OpenAI-compatible clients add /chat/completions to the base URL, so requests would go to ${requestUrl(base, 'openai')} instead of ${base}/v1/chat/completions, and get a 404. On this protocol /v1 is required.`,
        ...urlFix(ctx),
      },
    ];
  },
});
