import type { Pattern } from '../types.js';

/** What points at the `out-of-balance` entry (src/knowledge/entries/out-of-balance.ts) in pasted text. */
export const outOfBalance: readonly Pattern[] = [
  { text: 'insufficient_quota', weight: 14, says: 'This is about money, not speed: the 429 with `insufficient_quota` means the balance (or the key\'s spend limit) is used up; retrying will not help.' },
  { text: 'exceeded your current quota', weight: 20, says: 'This is about money, not speed: "exceeded your current quota" means the balance (or the key\'s spend limit) is used up; retrying will not help.' },
  { text: 'check your plan and billing details', weight: 12 },
  { text: 'balance', weight: 6, word: true },
  { text: 'insufficient balance', weight: 14, says: 'The gateway says the balance is too low for this request.' },
  { text: 'insufficient account balance', weight: 14 },
  { text: 'credit balance is too low', weight: 14, says: 'The credit balance is too low for this request.' },
  { text: 'quota is not enough', weight: 14, says: 'The gateway says the balance is not enough for this request.' },
  // The gateway family (new-api relay and i18n quota.* / token.exhausted, one-api model/token.go), zh / en / ru.
  { text: '预扣费额度失败', weight: 16, says: 'The gateway could not pre-charge this request: the balance left is below what the request may cost (long prompts and high max_tokens raise the pre-charge).' },
  { text: 'pre-consumed quota failed', weight: 16, says: 'The gateway could not pre-charge this request: the balance left is below what the request may cost (long prompts and high max_tokens raise the pre-charge).' },
  { text: '用户额度不足', weight: 16, says: 'The gateway says the account balance is not enough for this request.' },
  { text: '令牌额度不足', weight: 16, says: 'The key reached its own spend limit (Console → Tokens), while the account may still have funds.' },
  { text: 'token quota is not enough', weight: 16, says: 'The key reached its own spend limit (Console → Tokens), while the account may still have funds.' },
  { text: '额度已用尽', weight: 16, says: 'The key\'s quota is used up: raise or remove its spend limit in Console → Tokens, or top up.' },
  { text: 'quota is exhausted', weight: 16, says: 'The key\'s quota is used up: raise or remove its spend limit in Console → Tokens, or top up.' },
  { text: 'квота этого токена исчерпана', weight: 16, says: 'The key\'s quota is used up: raise or remove its spend limit in Console → Tokens, or top up.' },
  { text: 'user quota is not', weight: 14, says: 'The gateway says the balance is not enough for this request.', source: '234-oneapi-insufficient-user-quota-typos.txt' },
  { text: 'preconsumedquota', weight: 14, says: 'The gateway could not pre-charge this request: the balance left is below what the request may cost (long prompts and high max_tokens raise the pre-charge).', source: '236-oneapi-user-quota-preconsumed-not-enough-fastgpt.txt' },
  { text: '额度不足', weight: 14 },
  { text: 'insufficient quota', weight: 12 },
  { text: 'недостаточно квоты', weight: 14, says: 'The gateway says the balance is not enough for this request.' },
  // Routers' credit wordings, often with no status at all.
  { text: 'insufficient credits', weight: 14, says: 'The account has no credits left for this request.' },
  { text: 'requires more credits', weight: 14, says: 'The credits left do not cover this request: top up, or lower max_tokens.' },
  { text: 'can only afford', weight: 8 },
  { text: 'balance is insufficient', weight: 14, says: 'The balance is not enough for this request.' },
  { text: 'недостаточная квота', weight: 14, says: 'The gateway says the balance is not enough for this request.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:113 quota.insufficient' },
  { text: 'не удалось предварительно списать квоту', weight: 16, says: 'The gateway could not pre-charge this request: the balance left is below what the request may cost (long prompts and high max_tokens raise the pre-charge).', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:117 quota.pre_consume_fail' },
  // Russian wordings users report (issue #18: "Недостаточно средств").
  { text: 'недостаточно средств', weight: 16, source: 'issue #18' },
];
