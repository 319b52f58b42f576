import { CLIENT_NAME } from '../../../core/clients.js';
import { defineClient } from '../contract.js';

export default defineClient({
  id: 'continue',
  label: CLIENT_NAME.continue,
  protocol: 'openai',
  api: 'chat',
  env: { key: [], baseUrl: [], model: [] },
  places: ['tool-config'],
  tool: 'continue',
  defaultBaseUrl: 'https://api.openai.com/v1/',
  auth: 'bearer',
  proxy: true,
  dotenv: { loads: 'never' },
  detect: {},
  sources: ['continuedev/continue core/llm/index.ts (trailing slash on apiBase), core/llm/llms/OpenAI.ts and Anthropic.ts (new URL("chat/completions" | "messages", apiBase))'],
});
