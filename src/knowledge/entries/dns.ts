import type { KnowledgeEntry } from '../types.js';

export const dns: KnowledgeEntry = {
  id: 'dns',
  code: 'dns',
  statuses: [],
  names: ['dns', 'ENOTFOUND', 'EAI_AGAIN', 'getaddrinfo', 'gaierror', 'name resolution', 'could not resolve host'],
  fromSheet: false,
  title: 'The host name could not be found (DNS)',
  causes: [
    'The host in the base URL has a typo (it should be www.ruapi.ai).',
    'This machine has no working DNS right now: offline, a VPN or captive portal, or a container without DNS.',
    'A company DNS filter blocks the name.',
  ],
  fix: [
    'Check the spelling of the host in the base URL: www.ruapi.ai.',
    'Check that the name resolves here: `nslookup www.ruapi.ai` (or `dig www.ruapi.ai`).',
    'Check the network: VPN, Wi-Fi log-in page, or the DNS settings of your container or CI runner.',
    'Run `ruapi doctor`: it checks DNS, connection and TLS one step at a time.',
  ],
  support: 'DNS failures happen before RuAPI sees the request, so there is no request id; if www.ruapi.ai does not resolve from several networks, tell support@ruapi.ai.',
};
