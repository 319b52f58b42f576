import type { Pattern } from '../types.js';

/** What points at the `gateway-error` entry (src/knowledge/entries/gateway-error.ts) in pasted text. */
export const gatewayError: readonly Pattern[] = [
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
];
