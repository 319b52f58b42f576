import type { KnowledgeEntry } from '../types.js';

const BASE_URLS = [
  'OpenAI protocol (OpenAI SDKs, LangChain, LiteLLM, most tools): base URL https://www.ruapi.ai/v1 — the /v1 is required.',
  'Anthropic protocol (Anthropic SDKs, Claude Code): base URL https://www.ruapi.ai — no /v1; the SDK adds /v1/messages itself.',
];

export const notFound: KnowledgeEntry = {
  id: 'not-found',
  code: '404',
  statuses: [404],
  names: ['not found', 'not_found', 'not_found_error', 'NotFoundError', 'not-found'],
  fromSheet: true,
  title: 'Not found: check the model id, then the base URL',
  causes: [
    'The model id does not exactly match one RuAPI serves.',
    'The base URL is wrong for the protocol, so the request went to a path that does not exist.',
  ],
  fix: [
    'Check the model id: run `ruapi models <part of the name>` or look it up on the pricing page at https://www.ruapi.ai, and copy it exactly.',
    ...BASE_URLS,
    'Run `ruapi doctor` to see the base URL and model your tool really uses, and where each comes from.',
  ],
  support: 'If the model id and base URL are both right and the 404 stays, write to support@ruapi.ai with the request id from Console → Logs and the model id.',
  variants: {
    'model-id': {
      title: 'Model not found: the model id is not one RuAPI serves',
      names: ['model_not_found', 'model not found', 'model-id'],
      causes: [
        'The model field has a typo, other case or hyphens, an alias or an old name: it must equal an id from RuAPI\'s catalog exactly.',
        'The key may be limited to some models (Model access in Console → Tokens) that leave this one out.',
      ],
      fix: [
        'Find the exact id: run `ruapi models <part of the name>` or open the pricing page at https://www.ruapi.ai. Hyphens, dots and case matter; aliases are not accepted.',
        'Put that id in the request\'s `model` field, or in your tool\'s model setting.',
        'If the id is right, check the key\'s Model access in Console → Tokens.',
        'Still a 404 with a correct id? Then check the base URL as well: `ruapi explain base-url`.',
      ],
    },
    'base-url': {
      title: 'Not found: the base URL leads to a path that does not exist',
      names: ['base-url', 'base_url', 'wrong base url'],
      causes: [
        'OpenAI protocol: the base URL lacks /v1, so the SDK calls /chat/completions right after the host.',
        'Anthropic protocol: the base URL ends in /v1 and the SDK adds /v1/messages, giving /v1/v1/messages.',
        'The base URL has a typo or a stray path, or points at a website rather than the API.',
      ],
      fix: [
        ...BASE_URLS,
        'Read the URL in the error: /v1/v1/ means one /v1 too many; /chat/completions right after the host means /v1 is missing.',
        'Run `ruapi doctor` to see which base URL your tool really uses, and where it comes from.',
      ],
    },
  },
};
