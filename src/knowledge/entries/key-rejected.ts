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
    'API_KEY_INVALID',
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
};
