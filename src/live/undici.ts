/**
 * The part of undici 7 the live checks use, loaded file by file. undici's index also loads fetch,
 * WebSocket, EventSource, caches, mocks and interceptors; bundled, those cost about 60 KB gzipped
 * in the npm package and parse time on every live run. The files are bundled at build time, so a
 * file moved by an undici update breaks the build and the tests, never a user's run.
 */
import type * as Undici from 'undici';
import api from 'undici/lib/api/index.js';
import buildConnectorImpl from 'undici/lib/core/connect.js';
import DispatcherImpl from 'undici/lib/dispatcher/dispatcher.js';
import AgentImpl from 'undici/lib/dispatcher/agent.js';
import PoolImpl from 'undici/lib/dispatcher/pool.js';
import ProxyAgentImpl from 'undici/lib/dispatcher/proxy-agent.js';

// What undici's index does: `request`, `connect` … are methods of every dispatcher (the proxy
// agent opens its tunnels with `connect`).
Object.assign(DispatcherImpl.prototype, api);

export const Agent = AgentImpl;
export const ProxyAgent = ProxyAgentImpl;
export const Pool = PoolImpl;
export const buildConnector = buildConnectorImpl;

/** `undici.request(url, options)`, on an explicit dispatcher. */
export function request(url: string, options: Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher: Undici.Dispatcher }): Promise<Undici.Dispatcher.ResponseData> {
  const u = new URL(url);
  const { dispatcher, ...rest } = options;
  return dispatcher.request({ ...rest, origin: u.origin, path: `${u.pathname}${u.search}` });
}
