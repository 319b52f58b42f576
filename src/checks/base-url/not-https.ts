import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { defineCheck } from '../types.js';
import { urlFix } from './common.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'base-url/not-https',
  area: 'base-url',
  get title() {
    return t('base-url/not-https.check');
  },
  severities: ['error'],
  needs: 'url',
  run: (ctx) => {
    const { url } = ctx;
    if (!url?.url || url.url.protocol !== 'http:' || url.host?.kind === 'loopback') return [];
    return [
      {
        severity: 'error',
        title: t('base-url/not-https.title'),
        message: t('base-url/not-https.message'),
        ...urlFix(ctx),
      },
    ];
  },
});
