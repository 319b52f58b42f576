import { CLIENT_NAME } from '../../../core/clients.js';
import type { Protocol } from '../../../core/finding.js';
import { defineClient, type SetupTemplate } from '../contract.js';

/** One provider of `modelProviders.<auth type>`, chosen as the auth type and the model. */
const setup = (type: Protocol): SetupTemplate => ({
  where: '~/.qwen/settings.json',
  format: 'jsonc',
  text: [
    '{',
    '  "modelProviders": {',
    `    "${type}": [{ "id": "{model}", "name": "RuAPI", "baseUrl": "{base}", "envKey": "{key}" }]`,
    '  },',
    `  "security": { "auth": { "selectedType": "${type}" } },`,
    '  "model": { "name": "{model}" }',
    '}',
  ].join('\n'),
});

export default defineClient({
  id: 'qwen-code',
  label: CLIENT_NAME['qwen-code'],
  protocol: 'openai',
  api: 'chat',
  env: { key: ['OPENAI_API_KEY'], baseUrl: ['OPENAI_BASE_URL'], model: ['OPENAI_MODEL'] },
  places: ['shell', 'env-file', 'tool-config'],
  tool: 'qwen-code',
  defaultBaseUrl: 'https://api.openai.com/v1',
  auth: 'bearer',
  proxy: true,
  dotenv: { loads: 'itself' },
  detect: { npm: ['@qwen-code/qwen-code'] },
  setup: { openai: setup('openai'), anthropic: setup('anthropic') },
  sources: ['QwenLM/qwen-code docs/users/configuration/model-providers.md: modelProviders, baseUrl, envKey; the openai SDK ({baseUrl}/chat/completions) or @anthropic-ai/sdk ({baseUrl}/v1/messages)'],
});
