import type { KnowledgeEntry } from '../types.js';

const SERVER_STATUSES = Array.from({ length: 100 }, (_, i) => 500 + i);

export const gatewayError: KnowledgeEntry = {
  id: 'gateway-error',
  code: '5xx',
  statuses: SERVER_STATUSES,
  names: [
    'server error',
    'internal server error',
    'bad gateway',
    'service unavailable',
    'gateway timeout',
    'overloaded',
    'upstream error',
    'server_error',
    'api_error',
    'overloaded_error',
    'OverloadedError',
    'InternalServerError',
    'ServiceUnavailableError',
    'upstream_error',
    'gateway-error',
  ],
  fromSheet: true,
  title: 'A temporary failure at the provider or the gateway (5xx)',
  causes: [
    'The upstream provider or the gateway failed for a moment: 500 internal error, 502 bad gateway, 503 unavailable, 504 upstream time-out.',
    '529 / overloaded_error: the provider (Anthropic\'s models, usually) is overloaded for everyone right now.',
    'It is not your key and not your code.',
  ],
  fix: [
    'Retry after a few seconds: the second or third try usually goes through.',
    'Wrap calls in retry with backoff so one blip does not stop your script (the official SDKs retry 5xx twice by default; allow more for batch jobs).',
    'If one model keeps failing, try another: when that works, the trouble is with one provider.',
    'If it persists across different models, write to support with the request id.',
  ],
  support: 'Write to support@ruapi.ai with the request id from Console → Logs, the model and the time, and say whether other models fail too.',
};
