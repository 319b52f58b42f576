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
  // The gateway family's own failures (new-api i18n token.db_error / ability.* / channel.*, relay helpers; one-api relay).
  { text: 'database query error', weight: 16, second: 'key-rejected', says: 'The gateway could not look the key up (its own database query failed): a failure on the gateway side, not necessarily your key. Retry in a minute; if it lasts, write to support with the request id.', source: 'QuantumNous/new-api@df3d6937 i18n/locales/en.yaml:38 token.db_error' },
  { text: 'invalid token, database query error', weight: 12, source: 'QuantumNous/new-api@df3d6937 i18n/locales/en.yaml:38 token.db_error' },
  { text: '数据库查询出错', weight: 16, second: 'key-rejected', says: 'The gateway could not look the key up (its own database query failed): a failure on the gateway side, not necessarily your key. Retry in a minute; if it lasts, write to support with the request id.', source: 'QuantumNous/new-api@df3d6937 i18n/locales/zh-CN.yaml:39 token.db_error' },
  { text: '令牌，数据库查询出错', weight: 12, source: 'QuantumNous/new-api@df3d6937 i18n/locales/zh-CN.yaml:39 token.db_error' },
  { text: 'ошибка запроса к базе данных', weight: 16, second: 'key-rejected', says: 'The gateway could not look the key up (its own database query failed): a failure on the gateway side, not necessarily your key. Retry in a minute; if it lasts, write to support with the request id.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:45 token.db_error' },
  { text: 'токен, ошибка запроса к базе данных', weight: 12, source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:45 token.db_error' },
  { text: 'database consistency has been compromised', weight: 16, says: 'The gateway\'s own data is inconsistent (a channel it routes to no longer exists): a failure on the gateway side, not your request. Retry later, or write to support with the request id.', source: 'QuantumNous/new-api@df3d6937 i18n/locales/en.yaml:223 ability.db_corrupted' },
  { text: '数据库一致性', weight: 16, says: 'The gateway\'s own data is inconsistent (a channel it routes to no longer exists): a failure on the gateway side, not your request. Retry later, or write to support with the request id.', source: 'QuantumNous/new-api@df3d6937 i18n/locales/zh-CN.yaml:224 ability.db_corrupted' },
  { text: '一致性已被破坏', weight: 8, source: 'QuantumNous/new-api@ef8ae4db middleware/distributor.go:111 Distribute' },
  { text: 'ошибка целостности бд', weight: 16, says: 'The gateway\'s own data is inconsistent (a channel it routes to no longer exists): a failure on the gateway side, not your request. Retry later, or write to support with the request id.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:211 channel.db_consistency_error' },
  { text: 'нет действительного вышестоящего канала', weight: 14, source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:175 channel.no_valid_upstream' },
  { text: 'rate_limit_check_failed', weight: 12, says: 'The gateway could not check its own rate limit (its store failed): a gateway-side failure. Retry shortly.', source: 'QuantumNous/new-api@ef8ae4db middleware/model-rate-limit.go:86 redisRateLimitHandler' },
  { text: 'panic detected', weight: 16, says: 'The gateway itself crashed on this request ("Panic detected"): a bug on the gateway side. Retry; if it repeats, write to support with the request id and the request you sent.', source: 'QuantumNous/new-api@ef8ae4db middleware/recover.go:19 RelayPanicRecover' },
  { text: 'invalid api type', weight: 16, says: 'The gateway\'s channel for this model is misconfigured ("invalid api type"): a gateway-side problem, not your request. Write to support with the request id, or try another model.', source: 'QuantumNous/new-api@ef8ae4db relay/relay-text.go:151 TextHelper' },
  { text: '请求上游地址失败', weight: 16, says: 'The gateway could not reach its upstream provider: a failure on the gateway side, not your connection. Retry later.', source: 'QuantumNous/new-api@ef8ae4db service/error.go:34 OpenAIErrorWrapper' },
  { text: '所属渠道已被禁用', weight: 14, says: 'The channel that ran this task has since been disabled on the gateway: a gateway-side change. Write to support with the task id.', source: 'QuantumNous/new-api@ef8ae4db relay/relay_task.go:82 RelayTaskSubmit' },
  { text: 'resp is nil', weight: 12, source: 'songquanpeng/one-api@8df4a267 relay/controller/error.go:60 RelayErrorHandler' },
  { text: 'целостность базы данных нарушена', weight: 16, says: 'The gateway\'s own data is inconsistent: a failure on the gateway side, not your request. Retry later, or write to support with the request id.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:345 ability.db_corrupted' },
];
