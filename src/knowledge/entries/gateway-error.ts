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
  patterns: [
    { text: 'internal server error', weight: 8 },
    { text: 'bad gateway', weight: 8 },
    { text: 'service unavailable', weight: 8 },
    { text: 'gateway timeout', weight: 8 },
    { text: 'gateway time-out', weight: 8 },
    { text: 'overloaded', weight: 8, says: 'The provider is overloaded right now (Anthropic\'s 529): wait a little and retry.' },
    { text: 'upstream error', weight: 8 },
    { text: 'the server had an error', weight: 10 },
    { text: 'web server is returning an unknown error', weight: 8 },
    { text: 'server_error', weight: 6 },
    // OpenAI's own words for a failure while it handled the request (Codex shows them when the stream ends).
    { text: 'an error occurred while processing your request', weight: 16, second: 'stream-timeout', says: 'The server failed while handling the request ("An error occurred while processing your request") and the stream ended with it: a server-side failure, not your network. Retry.', source: '177-codex-app-stream-disconnected-server-error-79ae.txt' },
    // A proxy's own 503: its backend refused or reset. The gateway failed, not your connection.
    { text: 'upstream connect error or disconnect/reset before headers', weight: 20, says: 'The provider\'s own proxy could not reach its backend ("upstream connect error"): a failure on the gateway side, not your connection. Retry later.' },
    // The gateway family (new-api i18n channel.* and relay): no working upstream for now.
    { text: 'no available channel keys', weight: 14 },
    { text: '没有可用的渠道密钥', weight: 14 },
    { text: 'no valid upstream channel', weight: 14 },
    { text: '无有效上游渠道', weight: 14 },
    { text: 'нет доступных ключей канала', weight: 14 },
  ],
};
