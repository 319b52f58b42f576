import type { Pattern } from '../types.js';

/** What points at the `key-rejected` entry (src/knowledge/entries/key-rejected.ts) in pasted text. */
export const keyRejected: readonly Pattern[] = [
  { text: 'incorrect api key provided', weight: 14, says: 'The gateway says the key is wrong: it is not a valid RuAPI token as sent.' },
  { text: 'invalid x-api-key', weight: 14, says: 'The key sent in the x-api-key header was refused.' },
  { text: 'invalid api key', weight: 12 },
  { text: 'you need to provide your api key', weight: 12, says: 'No key reached the gateway: the Authorization header was empty or missing.' },
  { text: 'missing credentials', weight: 10, says: 'The SDK found no key at all: the environment variable or option is not set where the program runs.' },
  { text: 'could not resolve authentication method', weight: 10, says: 'The SDK found no key at all: ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN) is not set where the program runs.' },
  { text: 'api_key client option must be set', weight: 10, says: 'The SDK found no key at all: OPENAI_API_KEY is not set where the program runs.' },
  { text: 'cannot convert argument to a bytestring', weight: 12, says: 'The key holds a character that cannot go in an HTTP header (an invisible space, a look-alike letter or a placeholder): copy it again.' },
  { text: "'ascii' codec can't encode", weight: 8, says: 'The key holds a non-ASCII character (an invisible space, a look-alike letter or a placeholder): copy it again.' },
  { text: '无效的令牌', weight: 14, says: 'The gateway says the token (key) is invalid.' },
  { text: ']: unauthorized', weight: 6, source: '162-bolt-vercel-ai-sdk-apicallerror-unauthorized-mistral.txt' },
  { text: 'unauthorized', weight: 4, word: true },
  // The gateway family's own wordings (new-api i18n token.*, one-api model/token.go), zh / en / ru.
  { text: '该令牌状态不可用', weight: 14, says: 'The gateway says this key is not usable now: disabled, expired or used up (Console → Tokens shows which).' },
  { text: 'this token status is unavailable', weight: 14, says: 'The gateway says this key is not usable now: disabled, expired or used up (Console → Tokens shows which).' },
  { text: 'статус этого токена недоступен', weight: 14, says: 'The gateway says this key is not usable now: disabled, expired or used up (Console → Tokens shows which).' },
  { text: '未提供令牌', weight: 14, says: 'No key reached the gateway: the Authorization (or x-api-key) header was missing or empty.' },
  { text: 'token not provided', weight: 12, says: 'No key reached the gateway: the Authorization (or x-api-key) header was missing or empty.' },
  { text: 'токен не предоставлен', weight: 14, says: 'No key reached the gateway: the Authorization (or x-api-key) header was missing or empty.' },
  { text: '该令牌已过期', weight: 14, says: 'The key has expired: set a new expiry in Console → Tokens, or create a new key.' },
  { text: 'this token has expired', weight: 14, says: 'The key has expired: set a new expiry in Console → Tokens, or create a new key.' },
  { text: 'этот токен истёк', weight: 14, says: 'The key has expired: set a new expiry in Console → Tokens, or create a new key.' },
  { text: '令牌验证失败', weight: 12 },
  { text: 'invalid token', weight: 10 },
  { text: 'недопустимый токен', weight: 14, says: 'The gateway says the token (key) is invalid.' },
  // Other wordings of a refused key: Google's reason code (sent as a 400), bare "unauthenticated".
  { text: 'api_key_invalid', weight: 16, says: 'The key was refused (API_KEY_INVALID): Google sends this as a 400, but it is the key, not the request.' },
  { text: 'api key not valid', weight: 14, says: 'The key was refused as not valid.' },
  { text: 'please pass a valid api key', weight: 12 },
  { text: 'invalid authentication header', weight: 12, says: 'The key was missing or wrong in the authentication header.' },
  { text: 'недействительный токен', weight: 14, says: 'The gateway says the token (key) is invalid.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:40 token.invalid' },
  { text: 'срок действия этого токена истёк', weight: 14, says: 'The key has expired: set a new expiry in Console → Tokens, or create a new key.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:42 token.expired' },
  { text: 'заголовок authorization не предоставлен', weight: 14, says: 'No key reached the gateway: the Authorization (or x-api-key) header was missing or empty.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:431 auth.token_not_provided' },
];
