import { API_PATHS, DOCUMENTED_PATH } from '../../core/ruapi.js';
import { shorten } from '../text.js';
import { defineCheck, type Check, type CheckContext } from '../types.js';
import { urlFix } from './common.js';

/**
 * Parts of a base URL that look harmless and break every request: a query or a fragment (the SDKs
 * append the endpoint to the whole text), a port RuAPI does not listen on, a path in the wrong
 * case. Each is one check; they share this shape.
 */
function partCheck(id: string, title: string, found: (ctx: CheckContext) => { title: string; message: string } | undefined): Check {
  return defineCheck({
    id,
    area: 'base-url',
    title,
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

export const baseUrlQuery = partCheck('base-url/query', 'no query (?…) in the base URL', (ctx) => {
  const search = ctx.url!.url!.search;
  if (!search) return undefined;
  return {
    title: `The base URL has a query in it (${shorten(search)})`,
    message: `The SDKs add the endpoint after the whole base URL, so it lands inside the query (${shorten(search)}${API_PATHS[ctx.target.protocol].messages}), and the gateway sees only the path ${shorten(ctx.url!.url!.pathname)}: a 404, or an answer to the wrong request.`,
  };
});

export const baseUrlFragment = partCheck('base-url/fragment', 'no fragment (#…) in the base URL', (ctx) => {
  if (!ctx.url!.raw.includes('#')) return undefined;
  return {
    title: 'The base URL has a fragment (#…) in it',
    message: `The SDKs add the endpoint after the whole base URL (${appended(ctx)}), and nothing after # is ever sent: every request would go to the path before it.`,
  };
});

export const baseUrlPort = partCheck('base-url/port', "no port on RuAPI's host", (ctx) => {
  const port = ctx.url!.url!.port;
  if (!port || !onRuapi(ctx)) return undefined;
  return {
    title: `The base URL names port ${port}`,
    message: `RuAPI's address has no port: it serves HTTPS on the standard one (443). On port ${port} the connection would be refused or time out.`,
  };
});

export const baseUrlCase = partCheck('base-url/case', 'the path is in lower case', (ctx) => {
  const path = ctx.url!.url!.pathname.replace(/\/+$/, '');
  const documented = DOCUMENTED_PATH[ctx.target.protocol];
  if (!onRuapi(ctx) || path === documented || path.toLowerCase() !== documented) return undefined;
  return {
    title: `The path ${shorten(path)} should be ${documented}`,
    message: `Paths are case-sensitive: RuAPI serves ${documented}, and ${shorten(path)} would get a 404.`,
  };
});
