import { CLIENT_NAME } from '../../../core/clients.js';
import type { Protocol } from '../../../core/finding.js';
import { defineClient, type SetupTemplate } from '../contract.js';

/** A `models` entry: `${{ secrets.NAME }}` falls back to the process environment (docs/clients.md). */
const setup = (provider: Protocol): SetupTemplate => ({
  where: '~/.continue/config.yaml',
  format: 'yaml',
  text: ['models:', '  - name: RuAPI', `    provider: ${provider}`, '    model: "{model}"', '    apiBase: "{base}"', '    apiKey: ${{ secrets.{key} }}'].join('\n'),
});

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
  setup: { openai: setup('openai'), anthropic: setup('anthropic') },
  sources: ['continuedev/continue core/llm/index.ts (trailing slash on apiBase), core/llm/llms/OpenAI.ts and Anthropic.ts (new URL("chat/completions" | "messages", apiBase))'],
});
