import type { KnowledgeEntry } from '../types.js';

export const keyRejected: KnowledgeEntry = {
  id: 'key-rejected',
  code: '401',
  statuses: [401],
  names: [
    'unauthorized',
    'invalid api key',
    'invalid_api_key',
    'authentication_error',
    'AuthenticationError',
    'invalid_token',
    'key-rejected',
  ],
  fromSheet: true,
  title: 'The gateway did not accept your API key',
  causes: [
    'The key is not a RuAPI token: an OpenAI key (sk-…, sk-proj-…) or an Anthropic key (sk-ant-…) looks alike but only works at its own provider.',
    'A space, quote, line break or invisible character came along when the key was copied.',
    'The key was disabled, deleted or has expired in Console → Tokens.',
    'The key went out in the wrong header for the protocol: OpenAI protocol wants `Authorization: Bearer sk-…`, Anthropic protocol `x-api-key: sk-…`.',
  ],
  fix: [
    'Open Console → Tokens, check that the key is enabled and not expired, and copy it again from there.',
    'Paste it bare: no spaces, quotes, `Bearer ` prefix or line break around it.',
    'Send it in the header your protocol expects: `Authorization: Bearer sk-…` with base URL https://www.ruapi.ai/v1, or `x-api-key: sk-…` with base URL https://www.ruapi.ai.',
    'Run `ruapi doctor` to see which key your tool really picks up, and from where.',
  ],
  support: 'If a freshly copied, enabled key is still refused, write to support@ruapi.ai with the request id from Console → Logs.',
  patterns: [
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
    { text: 'unauthorized', weight: 4, word: true },
  ],
};
