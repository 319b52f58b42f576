import type { KnowledgeEntry } from '../types.js';

export const connectionRefused: KnowledgeEntry = {
  id: 'connection-refused',
  code: 'refused',
  statuses: [],
  names: ['refused', 'connection refused', 'connection error', 'ECONNREFUSED', 'ConnectionRefusedError', 'EHOSTUNREACH', 'ENETUNREACH', 'connection-refused'],
  fromSheet: false,
  title: 'Could not connect: no server answered at that address',
  causes: [
    'The base URL points at a host or port where nothing listens: a typo, a local proxy or server that is not running, or http where https is needed.',
    'A proxy variable (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY) points at a proxy that is down.',
    'A firewall or the network blocks outgoing connections.',
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
    { text: 'econnrefused', weight: 12, says: 'Nothing accepted the connection at {url}: a wrong host or port, or a proxy that is not running.' },
    { text: 'actively refused', weight: 12 },
    { text: "couldn't connect to server", weight: 10 },
    { text: 'failed to connect to', weight: 6 },
    { text: 'failed to establish a new connection', weight: 6 },
    { text: 'connection error.', weight: 6, says: 'The SDK could not reach the server at all: no HTTP answer came back.' },
    { text: 'fetch failed', weight: 4 },
    { text: 'apiconnectionerror', weight: 4 },
    { text: 'connecterror', weight: 4, word: true },
    { text: 'network is unreachable', weight: 10 },
    { text: 'no route to host', weight: 10 },
    { text: 'ehostunreach', weight: 10 },
    { text: 'enetunreach', weight: 10 },
  ],
};
