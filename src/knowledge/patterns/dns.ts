import type { Pattern } from '../types.js';

/** What points at the `dns` entry (src/knowledge/entries/dns.ts) in pasted text. */
export const dns: readonly Pattern[] = [
  { text: 'getaddrinfo', weight: 10, says: 'The host name in {url} could not be looked up.' },
  { text: 'enotfound', weight: 12, word: true, says: 'The host name in {url} could not be looked up.' },
  { text: 'eai_again', weight: 12, word: true, says: 'The DNS lookup failed for now (EAI_AGAIN): the network or its DNS is not working.' },
  { text: 'could not resolve host', weight: 12 },
  { text: 'name or service not known', weight: 14 },
  { text: 'nodename nor servname provided', weight: 12 },
  { text: 'temporary failure in name resolution', weight: 12 },
  { text: 'name resolution', weight: 6 },
];
