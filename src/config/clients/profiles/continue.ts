import { defineClient } from '../contract.js';

export default defineClient({
  id: 'continue',
  label: 'Continue',
  protocol: 'openai',
  api: 'chat',
  env: { key: [], baseUrl: [], model: [] },
  places: ['tool-config'],
  tool: 'continue',
  defaultBaseUrl: 'https://api.openai.com/v1/',
  path: 'chat/completions',
  auth: 'bearer',
  proxy: true,
  dotenv: { loads: 'never' },
  detect: {},
  snippet: 'continue-yaml',
  sources: ['continuedev/continue core/llm/index.ts (trailing slash on apiBase), core/llm/llms/OpenAI.ts and Anthropic.ts (new URL("chat/completions" | "messages", apiBase))'],
});
