import { CLIENT_NAME } from '../../../core/clients.js';
import { defineClient } from '../contract.js';

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
  sources: ['anomalyco/opencode config.mdx (provider.<id>.npm, options.baseURL, options.apiKey, {env:VAR})', '@ai-sdk/anthropic dist/index.js: `${baseURL}/messages`, default https://api.anthropic.com/v1'],
});
