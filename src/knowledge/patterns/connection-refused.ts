import type { Pattern } from '../types.js';

/** What points at the `connection-refused` entry (src/knowledge/entries/connection-refused.ts) in pasted text. */
export const connectionRefused: readonly Pattern[] = [
  { text: 'connection refused', weight: 12, says: 'Nothing accepted the connection at {url}: a wrong host or port, or a proxy that is not running.' },
  { text: 'connectionrefused', weight: 12, word: true },
  { text: 'unable to connect', weight: 8 },
  { text: 'connect etimedout', weight: 14, says: 'The connection to {url} never opened (connect ETIMEDOUT): a firewall, a blocked network or a wrong address, not a slow answer.' },
  { text: 'econnrefused', weight: 12, says: 'Nothing accepted the connection at {url}: a wrong host or port, or a proxy that is not running.' },
  { text: 'failed to establish a new connection', weight: 4 },
  { text: 'connection error.', weight: 6, says: 'The text says only that no answer came back, not why: a wrong host (DNS), nothing listening, a proxy, or a time-out. `ruapi doctor` checks each link and names the one that fails.' },
  // Proxies named in the text: the proxy, not RuAPI, refused.
  { text: 'cannot connect to proxy', weight: 14, says: 'The proxy your environment names (HTTPS_PROXY, HTTP_PROXY or the tool\'s setting) did not accept the connection: start it or unset it.' },
  { text: 'tunnel connection failed', weight: 16, says: 'The proxy refused to open a tunnel to the API (its own status, not the API\'s): check the proxy settings.' },
  { text: 'no route to host', weight: 12, says: 'The network has no route to the host at {url}: a firewall, VPN or an offline network.' },
  // Generic wordings: no answer, no named cause.
  { text: 'max retries exceeded with url', weight: 6, says: 'The text says only that no answer came back, not why: a wrong host (DNS), nothing listening, a proxy, or a time-out. `ruapi doctor` checks each link and names the one that fails.' },
  { text: 'error sending request for url', weight: 16, says: 'The request never got an answer ("error sending request"), and the text does not say why: a wrong host (DNS), nothing listening at {url}, a proxy, or a time-out. `ruapi doctor` checks each link and names the one that fails.', source: '182-codex-stream-disconnected-error-sending-request-chinese.txt' },
  { text: 'connection aborted', weight: 6 },
  { text: 'fetch failed', weight: 2 },
  { text: 'apiconnectionerror', weight: 2 },
];
