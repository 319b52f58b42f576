import { API_PATHS, DOCUMENTED_PATH } from '../../core/ruapi.js';
import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { shorten } from '../text.js';
import { defineCheck, type Check, type CheckContext } from '../types.js';
import { urlFix } from './common.js';

const t = messages(CHECKS);

type Part = 'query' | 'fragment' | 'port' | 'case';

/**
 * Parts of a base URL that look harmless and break every request: a query or a fragment (the SDKs
 * append the endpoint to the whole text), a port RuAPI does not listen on, a path in the wrong
 * case. Each is one check; they share this shape.
 */
function partCheck(part: Part, found: (ctx: CheckContext) => { title: string; message: string } | undefined): Check {
  return defineCheck({
    id: `base-url/${part}`,
    area: 'base-url',
    get title() {
      return t(`base-url/${part}.check`);
    },
    severities: ['error'],
    needs: 'url',
    run: (ctx) => {
      const hit = ctx.url?.url && !ctx.url.invalid ? found(ctx) : undefined;
      return hit ? [{ severity: 'error', ...hit, ...urlFix(ctx) }] : [];
    },
  });
}

const onRuapi = (ctx: CheckContext) => ['ruapi', 'ruapi-bare', 'ruapi-other'].includes(ctx.url?.host?.kind ?? '');

/** What an SDK builds from this base for the protocol's endpoint, by plain appending. */
const appended = (ctx: CheckContext) => shorten(`${ctx.url!.raw.trim().replace(/\/$/, '')}${API_PATHS[ctx.target.protocol].messages}`);

export const baseUrlQuery = partCheck('query', (ctx) => {
  const search = ctx.url!.url!.search;
  if (!search) return undefined;
  const query = shorten(search);
  return {
    title: t('base-url/query.title', { query }),
    message: t('base-url/query.message', { query, endpoint: API_PATHS[ctx.target.protocol].messages, path: shorten(ctx.url!.url!.pathname) }),
  };
});

export const baseUrlFragment = partCheck('fragment', (ctx) => {
  if (!ctx.url!.raw.includes('#')) return undefined;
  return { title: t('base-url/fragment.title'), message: t('base-url/fragment.message', { url: appended(ctx) }) };
});

export const baseUrlPort = partCheck('port', (ctx) => {
  const port = ctx.url!.url!.port;
  if (!port || !onRuapi(ctx)) return undefined;
  return { title: t('base-url/port.title', { port }), message: t('base-url/port.message', { port }) };
});

export const baseUrlCase = partCheck('case', (ctx) => {
  const path = ctx.url!.url!.pathname.replace(/\/+$/, '');
  const documented = DOCUMENTED_PATH[ctx.target.protocol];
  if (!onRuapi(ctx) || path === documented || path.toLowerCase() !== documented) return undefined;
  return {
    title: t('base-url/case.title', { path: shorten(path), documented }),
    message: t('base-url/case.message', { path: shorten(path), documented }),
  };
});
