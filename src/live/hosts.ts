/** Hosts that may receive the key without asking, and the proxy a request will go through. */
import { isLoopback, isRuapiHost } from '../core/hosts.js';

export { RUAPI_HOSTS } from '../core/ruapi.js';
export { isLoopback, isRuapiHost };

/**
 * Whether the key may go to this URL without asking: a RuAPI host over HTTPS, a loopback address,
 * or a host the user allowed (`--allow-host HOST` or `HOST:PORT`).
 * A RuAPI host over plain HTTP is not trusted: the key would cross the network unencrypted.
 */
export function keyDestination(url: URL, allowHosts: readonly string[]): 'ruapi' | 'loopback' | 'allowed' | 'plain-http' | 'unknown' {
  const hostname = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const allowed = allowHosts.map((h) => h.trim().toLowerCase().replace(/^\[|\]$/g, '')).filter(Boolean);
  if (allowed.includes(hostname) || allowed.includes(url.host.toLowerCase())) return 'allowed';
  if (isLoopback(hostname)) return 'loopback';
  if (isRuapiHost(hostname)) return url.protocol === 'https:' ? 'ruapi' : 'plain-http';
  return 'unknown';
}

/**
 * The proxy undici's `EnvHttpProxyAgent` will use for `url`, following its rules (lower-case
 * variables win; `http_proxy` also serves https when `https_proxy` is unset; `NO_PROXY` entries
 * match the host, its subdomains and an optional port; `*` disables proxying). Used only to report
 * the proxy; the agent itself decides the route. Kept in step with undici 7's
 * lib/dispatcher/env-http-proxy-agent.js, because it exposes no way to ask.
 */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv = process.env): { url: string; variable: string } | undefined {
  // Lower case wins over upper case when set at all; an empty https_proxy falls back to http_proxy.
  const pick = (lower: string, upper: string) => (env[lower] !== undefined ? lower : upper);
  const httpVar = pick('http_proxy', 'HTTP_PROXY');
  const httpsVar = pick('https_proxy', 'HTTPS_PROXY');
  const variable = url.protocol === 'https:' && env[httpsVar] ? httpsVar : httpVar;
  const proxy = env[variable];
  if (!proxy) return undefined;
  const noProxy = env.no_proxy ?? env.NO_PROXY ?? '';
  if (noProxy === '*') return undefined;
  const hostname = url.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number.parseInt(url.port, 10) || (url.protocol === 'https:' ? 443 : 80);
  for (const entry of noProxy.split(/[,\s]/)) {
    if (!entry) continue;
    const m = /^(.+):(\d+)$/.exec(entry);
    const host = (m ? m[1]! : entry).replace(/^\*?\./, '').toLowerCase();
    const entryPort = m ? Number.parseInt(m[2]!, 10) : 0;
    if (entryPort && entryPort !== port) continue;
    if (hostname === host || hostname.endsWith(`.${host}`)) return undefined;
  }
  return { url: proxy, variable };
}

/** A proxy URL fit for output: the password (and a user name that may be a token) masked. */
export function redactProxy(proxy: string): string {
  try {
    const u = new URL(proxy);
    if (u.password) u.password = '***';
    else if (u.username) u.username = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return proxy.replace(/\/\/[^@/]*@/, '//***@');
  }
}
