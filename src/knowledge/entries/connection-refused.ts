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
};
