import type { KnowledgeEntry } from '../types.js';

export const rateLimited: KnowledgeEntry = {
  id: 'rate-limited',
  code: '429',
  statuses: [429],
  names: [
    'rate limit',
    'rate_limit',
    'too many requests',
    'too_many_requests',
    'rate_limit_exceeded',
    'rate_limit_error',
    'RateLimitError',
    'RESOURCE_EXHAUSTED',
    'rate-limited',
  ],
  fromSheet: true,
  title: 'Too many requests: you hit a rate limit',
  causes: [
    'Your code sends requests in a burst: many at once, or a tight loop without pauses.',
    'The upstream provider is throttling for a while, even when your own rate is modest.',
  ],
  fix: [
    'Retry with exponential backoff: wait 1 s, then 2 s, 4 s, 8 s … (and honour a retry-after header when there is one).',
    'Spread the work over time instead of sending hundreds of requests at once.',
    'For batch jobs, cap the number of parallel workers or pause briefly between requests.',
    'If the message speaks of quota, balance or billing, it is not a rate limit: see `ruapi explain 402`.',
  ],
  support: 'If 429s keep coming at a low, steady rate, write to support@ruapi.ai with a few request ids from Console → Logs and when they failed.',
};
