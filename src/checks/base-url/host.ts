import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { assignment } from '../fix.js';
import { shorten } from '../text.js';
import { API_HOST, DOCS_HOST, DOMAIN, RUAPI_BASE_URL } from '../../core/ruapi.js';
import type { Draft } from '../types.js';
import { defineCheck } from '../types.js';
import { BASE_URL_VARIABLE, urlFix } from './common.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'base-url/host',
  area: 'base-url',
  get title() {
    return t('base-url/host.check', { host: API_HOST });
  },
  severities: ['error', 'warning', 'info'],
  needs: 'url',
  run: (ctx): Draft[] => {
    const found = ctx.url?.host;
    if (!found || found.kind === 'ruapi') return [];
    const host = 'host' in found ? { ...found, host: shorten(found.host, 80) } : found;
    const fix = urlFix(ctx);
    const direct = () => t('base-url/host.fix.direct', { assignment: assignment(ctx.target.baseUrl?.source, BASE_URL_VARIABLE[ctx.target.protocol], RUAPI_BASE_URL[ctx.target.protocol]) });
    switch (host.kind) {
      case 'ruapi-bare':
        return [
          {
            severity: 'warning',
            title: t('base-url/host.title.bare', { domain: DOMAIN, host: API_HOST }),
            message: t('base-url/host.message.bare', { domain: DOMAIN, host: API_HOST }),
            ...fix,
          },
        ];
      case 'ruapi-other':
        return [
          host.host === DOCS_HOST
            ? { severity: 'error', title: t('base-url/host.title.docs', { docs: DOCS_HOST }), message: t('base-url/host.message.docs'), ...fix }
            : { severity: 'warning', title: t('base-url/host.title.ruapi-other', { found: host.host }), message: t('base-url/host.message.ruapi-other', { host: API_HOST }), ...fix },
        ];
      case 'typo':
        return [
          {
            severity: 'error',
            title: t('base-url/host.title.typo', { found: host.host, host: API_HOST }),
            message: t('base-url/host.message.typo'),
            ...fix,
          },
        ];
      case 'provider':
        return [
          {
            severity: 'error',
            title: t('base-url/host.title.provider', { found: host.host, provider: host.provider }),
            message: t('base-url/host.message.provider', { provider: host.provider }),
            ...fix,
          },
        ];
      case 'loopback':
        return [
          {
            severity: 'info',
            title: t('base-url/host.title.loopback', { found: host.host }),
            message: t('base-url/host.message.loopback'),
            fix: direct(),
          },
        ];
      case 'other':
        return [
          {
            severity: 'warning',
            title: t('base-url/host.title.other', { found: host.host }),
            message: t('base-url/host.message.other'),
            fix: direct(),
          },
        ];
    }
  },
});
