import { CLIENT_NAME } from '../../../core/clients.js';
import { defineClient, type SetupTemplate } from '../contract.js';

/** A custom provider on the AI SDK package of the protocol (the one it takes `baseURL` for). */
const setup = (npm: string, comment: string[]): SetupTemplate => ({
  where: 'opencode.json',
  format: 'jsonc',
  text: [
    '{',
    '  "$schema": "https://opencode.ai/config.json",',
    '  "model": "ruapi/{model}",',
    '  "provider": {',
    '    "ruapi": {',
    ...comment,
    `      "npm": "${npm}",`,
    '      "name": "RuAPI",',
    '      "options": { "baseURL": "{base}", "apiKey": "{env:{key}}" },',
    '      "models": { "{model}": {} }',
    '    }',
    '  }',
    '}',
  ].join('\n'),
});

export default defineClient({
  id: 'opencode',
  label: CLIENT_NAME.opencode,
  protocol: 'openai',
  api: 'chat',
  env: { key: [], baseUrl: [], model: [] },
  places: ['tool-config'],
  tool: 'opencode',
  defaultBaseUrl: 'https://api.openai.com/v1',
  auth: 'bearer',
  proxy: true,
  dotenv: { loads: 'never' },
  detect: { npm: ['opencode-ai'] },
  setup: {
    openai: setup('@ai-sdk/openai-compatible', []),
    anthropic: setup('@ai-sdk/anthropic', ['      // {note:opencode}']),
  },
  sources: ['anomalyco/opencode config.mdx (provider.<id>.npm, options.baseURL, options.apiKey, {env:VAR})', '@ai-sdk/anthropic dist/index.js: `${baseURL}/messages`, default https://api.anthropic.com/v1'],
});
