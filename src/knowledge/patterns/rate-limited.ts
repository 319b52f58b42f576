import type { Pattern } from '../types.js';

/** What points at the `rate-limited` entry (src/knowledge/entries/rate-limited.ts) in pasted text. */
export const rateLimited: readonly Pattern[] = [
  { text: 'rate limit', weight: 8 },
  { text: 'rate_limit_exceeded', weight: 8 },
  { text: 'too many requests', weight: 8 },
  { text: 'tokens per min', weight: 6, says: 'The provider\'s tokens-per-minute limit was reached: slow down or send smaller requests.' },
  { text: 'please try again in', weight: 3 },
  { text: 'resource_exhausted', weight: 8 },
  { text: 'retrydelay', weight: 8, says: 'A per-minute quota was used up: it refills by itself, so wait the retry delay and slow down.' },
  { text: 'perminute', weight: 6 },
  { text: 'per minute', weight: 4 },
  { text: 'you have reached the request limit', weight: 14, says: 'The gateway\'s own request limit was reached: wait the few minutes it names, then slow down.' },
  { text: '您已达到请求数限制', weight: 14, says: 'The gateway\'s own request limit was reached: wait the few minutes it names, then slow down.' },
  { text: 'вы достигли лимита запросов', weight: 14, says: 'The gateway\'s own request limit was reached: wait the few minutes it names, then slow down.' },
  { text: 'you have reached the total request limit', weight: 14, says: 'The gateway\'s own request limit was reached, failed requests included: wait the few minutes it names, fix what makes requests fail, then slow down.', source: 'QuantumNous/new-api@002f9122 i18n/locales/en.yaml rate_limit.total_reached' },
  { text: '您已达到总请求数限制', weight: 14, says: 'The gateway\'s own request limit was reached, failed requests included: wait the few minutes it names, fix what makes requests fail, then slow down.', source: 'QuantumNous/new-api@002f9122 i18n/locales/zh-CN.yaml rate_limit.total_reached' },
  { text: 'вы достигли общего лимита запросов', weight: 14, says: 'The gateway\'s own request limit was reached, failed requests included: wait the few minutes it names, fix what makes requests fail, then slow down.', source: 'QuantumNous/new-api@221f50ea i18n/locales/ru.yaml rate_limit.total_reached' },
  { text: 'слишком много запросов', weight: 10, says: 'Too many requests in a short time: slow down and retry with backoff.', source: '249-russian-tinkoff-code-429-too-many-requests-question.txt' },
  { text: 'upstream load is saturated', weight: 12, says: 'The gateway says the upstream for your group is saturated: wait a little, retry with backoff, and send fewer requests at once.' },
  { text: '上游负载已饱和', weight: 12, says: 'The gateway says the upstream for your group is saturated: wait a little, retry with backoff, and send fewer requests at once.' },
  { text: 'нагрузка вышестоящей группы перенасыщена', weight: 12, says: 'The gateway says the upstream for your group is saturated: wait a little, retry with backoff, and send fewer requests at once.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:176 channel.upstream_saturated' },
  // Russian wordings users report (issue #18: "превышен лимит запросов").
  { text: 'превышен лимит запросов', weight: 16, source: 'issue #18' },
];
