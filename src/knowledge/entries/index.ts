import type { KnowledgeEntry } from '../types.js';
import { badRequest } from './bad-request.js';
import { keyRejected } from './key-rejected.js';
import { outOfBalance } from './out-of-balance.js';
import { forbidden } from './forbidden.js';
import { notFound } from './not-found.js';
import { tooLarge } from './too-large.js';
import { rateLimited } from './rate-limited.js';
import { gatewayError } from './gateway-error.js';
import { streamTimeout } from './stream-timeout.js';
import { connectionRefused } from './connection-refused.js';
import { dns } from './dns.js';
import { tls } from './tls.js';

/** Every entry, in the order `ruapi explain` lists them: HTTP statuses first, then network failures. */
export const ENTRIES: readonly KnowledgeEntry[] = [
  badRequest,
  keyRejected,
  outOfBalance,
  forbidden,
  notFound,
  tooLarge,
  rateLimited,
  gatewayError,
  streamTimeout,
  connectionRefused,
  dns,
  tls,
];
