import { assignment } from '../fix.js';
import { shorten } from '../text.js';
import { API_HOST, DOCS_HOST, DOMAIN, RUAPI_BASE_URL } from '../../core/ruapi.js';
import type { Draft } from '../types.js';
import { defineCheck } from '../types.js';
import { BASE_URL_VARIABLE, urlFix } from './common.js';

export default defineCheck({
  id: 'base-url/host',
  area: 'base-url',
  title: `the host is RuAPI's (${API_HOST})`,
  severities: ['error', 'warning', 'info'],
  needs: 'url',
  run: (ctx): Draft[] => {
    const found = ctx.url?.host;
    if (!found || found.kind === 'ruapi') return [];
    const host = 'host' in found ? { ...found, host: shorten(found.host, 80) } : found;
    const fix = urlFix(ctx);
    switch (host.kind) {
      case 'ruapi-bare':
        return [
          {
            severity: 'warning',
            title: `The host is ${DOMAIN}, not ${API_HOST}`,
            message: `RuAPI's docs give ${API_HOST} as the API host; they say nothing about ${DOMAIN} without www. If it only redirects, clients handle that differently (some drop the request body or the key).`,
            ...fix,
          },
        ];
      case 'ruapi-other':
        return [
          host.host === DOCS_HOST
            ? { severity: 'error', title: `${DOCS_HOST} is the documentation site, not the API`, message: 'Requests sent there do not reach the gateway.', ...fix }
            : { severity: 'warning', title: `${host.host} is not RuAPI's documented API host`, message: `RuAPI's docs give ${API_HOST} as the API host.`, ...fix },
        ];
      case 'typo':
        return [
          {
            severity: 'error',
            title: `${host.host} looks like a misspelling of ${API_HOST}`,
            message: "A misspelt domain does not reach RuAPI, and it may belong to someone else: your key would be sent there with every request.",
            ...fix,
          },
        ];
      case 'provider':
        return [
          {
            severity: 'error',
            title: `${host.host} is ${host.provider}'s API, not RuAPI`,
            message: `Requests, and your key, would go to ${host.provider}, which refuses a RuAPI token (401).`,
            ...fix,
          },
        ];
      case 'loopback':
        return [
          {
            severity: 'info',
            title: `${host.host} is this machine: a local proxy or simulator`,
            message: 'Requests stay on this computer (for example `ruapi simulate`, or a proxy in front of RuAPI). Fine for testing; the doctor cannot see what the proxy forwards to.',
            fix: `To reach RuAPI directly: ${assignment(ctx.target.baseUrl?.source, BASE_URL_VARIABLE[ctx.target.protocol], RUAPI_BASE_URL[ctx.target.protocol])}`,
          },
        ];
      case 'other':
        return [
          {
            severity: 'warning',
            title: `${host.host} is not RuAPI's host`,
            message: 'If it is a proxy or gateway you run in front of RuAPI, this is fine. If not, requests and your key go to someone other than RuAPI.',
            fix: `To reach RuAPI directly: ${assignment(ctx.target.baseUrl?.source, BASE_URL_VARIABLE[ctx.target.protocol], RUAPI_BASE_URL[ctx.target.protocol])}`,
          },
        ];
    }
  },
});
