/** Hosts that may receive the key without asking, and the proxy a request will go through. */
import type dns from 'node:dns';
import { isIP } from 'node:net';
import { isLoopback, isLoopbackAddress, isRuapiHost } from '../core/hosts.js';
import { withoutTrailing } from '../core/text.js';
import { maskUrl } from '../core/urls.js';

export { RUAPI_HOSTS } from '../core/ruapi.js';
export { isLoopback, isLoopbackAddress, isRuapiHost };

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
 * The proxy a request to `url` goes through, or none: the one decision the client follows (see
 * LiveClient). The variables are read as undici's `EnvHttpProxyAgent` reads them (lower-case
 * variables win; `http_proxy` also serves https when `https_proxy` is unset; `NO_PROXY` entries
 * match the host, its subdomains and an optional port; `*` disables proxying), kept in step with
 * undici 7's lib/dispatcher/env-http-proxy-agent.js. One rule more, as Go's net/http keeps it:
 * this machine (`localhost`, `*.localhost`, 127.0.0.0/8, ::1) is never reached through a proxy,
 * or the key for a local gateway would cross the network to the proxy, over plain HTTP at that.
 */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv = process.env): { url: string; variable: string } | undefined {
  if (isLoopback(url.hostname)) return undefined;
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

/** A proxy URL fit for output: its user info masked (a user name alone may be a token), as every URL shown. */
export function redactProxy(proxy: string): string {
  return withoutTrailing(maskUrl(proxy), '/');
}

/**
 * Whether a host trusted for its loopback name (`localhost`, `*.localhost`) really resolves to this
 * machine: a name is not proof (`/etc/hosts`, a DNS server, a search domain can point it anywhere).
 * `elsewhere` lists what it resolves to when any address is not a loopback one. An IP address needs
 * no lookup; a lookup that fails or takes longer than `timeoutMs` proves nothing either way (the
 * connection then fails or is checked by its own address: see LiveClient's `loopbackOnly`).
 */
export function resolvesElsewhere(hostname: string, lookup: typeof dns.lookup, timeoutMs: number): Promise<string[] | undefined> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    timer.unref();
    try {
      lookup(host, { all: true }, (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => {
        clearTimeout(timer);
        const all = err ? [] : addresses.map((a) => a.address);
        resolve(all.some((a) => !isLoopbackAddress(a)) ? all : undefined);
      });
    } catch {
      clearTimeout(timer);
      resolve(undefined);
    }
  });
}
