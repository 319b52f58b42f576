import { defineClient } from '../contract.js';

export default defineClient({
  id: 'opencode',
  label: 'opencode',
  protocol: 'openai',
  api: 'chat',
  env: { key: [], baseUrl: [], model: [] },
  places: ['tool-config'],
  tool: 'opencode',
  defaultBaseUrl: 'https://api.openai.com/v1',
  // @ai-sdk/openai-compatible: {baseURL}/chat/completions; @ai-sdk/anthropic: {baseURL}/messages (base with /v1).
  path: '/chat/completions',
  auth: 'bearer',
  proxy: true,
  dotenv: { loads: 'never' },
  detect: { npm: ['opencode-ai'] },
  snippet: 'opencode-json',
  sources: ['anomalyco/opencode config.mdx (provider.<id>.npm, options.baseURL, options.apiKey, {env:VAR})', '@ai-sdk/anthropic dist/index.js: `${baseURL}/messages`, default https://api.anthropic.com/v1'],
});
