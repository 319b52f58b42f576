import type { Pattern } from '../types.js';
import { badRequest } from './bad-request.js';
import { connectionRefused } from './connection-refused.js';
import { dns } from './dns.js';
import { forbidden } from './forbidden.js';
import { gatewayError } from './gateway-error.js';
import { keyRejected } from './key-rejected.js';
import { notFound } from './not-found.js';
import { outOfBalance } from './out-of-balance.js';
import { rateLimited } from './rate-limited.js';
import { streamTimeout } from './stream-timeout.js';
import { tls } from './tls.js';
import { tooLarge } from './too-large.js';

/**
 * The clues that recognise each entry in pasted text, by entry id. Only the reader of pasted text
 * (src/knowledge/text.ts) needs them: a looked-up code never loads them (see scripts/build.mjs).
 */
export const PATTERNS: Readonly<Record<string, readonly Pattern[]>> = {
  'bad-request': badRequest,
  'connection-refused': connectionRefused,
  dns,
  forbidden,
  'gateway-error': gatewayError,
  'key-rejected': keyRejected,
  'not-found': notFound,
  'out-of-balance': outOfBalance,
  'rate-limited': rateLimited,
  'stream-timeout': streamTimeout,
  tls,
  'too-large': tooLarge,
};
