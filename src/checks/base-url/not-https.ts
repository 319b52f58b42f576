import { defineCheck } from '../types.js';
import { urlFix } from './common.js';

export default defineCheck({
  id: 'base-url/not-https',
  area: 'base-url',
  title: 'the base URL uses https',
  severities: ['error'],
  needs: 'url',
  run: (ctx) => {
    const { url } = ctx;
    if (!url?.url || url.url.protocol !== 'http:' || url.host?.kind === 'loopback') return [];
    return [
      {
        severity: 'error',
        title: 'The base URL uses plain http://',
        message: `Your key and every prompt would cross the network unencrypted, readable by anyone on the way. RuAPI's address is https://.`,
        ...urlFix(ctx),
      },
    ];
  },
});
