import type { KnowledgeEntry } from '../types.js';

export const connectionRefused: KnowledgeEntry = {
  id: 'connection-refused',
  code: 'refused',
  statuses: [],
  names: ['refused', 'connection refused', 'connection error', 'ECONNREFUSED', 'ConnectionRefusedError', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ConnectTimeoutError', 'ConnectTimeout', 'RemoteDisconnected', 'ProxyError', 'connection-refused'],
  fromSheet: false,
  title: 'Could not connect: the connection to the server never opened',
  causes: [
    'The base URL points at a host or port where nothing listens: a typo, a local proxy or server that is not running, or http where https is needed.',
    'A proxy variable (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY) points at a proxy that is down.',
    'A firewall or the network blocks outgoing connections, so the attempt is refused or times out before any answer.',
  ],
  fix: [
    'Check the base URL: https://www.ruapi.ai/v1 (OpenAI protocol) or https://www.ruapi.ai (Anthropic protocol), https and no port.',
    'Check the proxy variables in your environment: unset them, or start the proxy they name.',
    'Test the path from this machine: `curl -sSI https://www.ruapi.ai` should print response headers.',
    'Run `ruapi doctor`: it checks DNS, connection and TLS one step at a time and says which one fails.',
  ],
  support: 'Connection failures happen before RuAPI sees the request, so there is no request id; if the site is unreachable from several networks, tell support@ruapi.ai the time and your network.',
  patterns: [
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
  ],
};
