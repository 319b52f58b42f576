import { codeSetup, defineClient } from '../contract.js';

export default defineClient({
  id: 'ai-sdk-anthropic',
  label: 'Vercel AI SDK (Anthropic)',
  protocol: 'anthropic',
  api: 'messages',
  env: { key: ['ANTHROPIC_API_KEY'], baseUrl: ['ANTHROPIC_BASE_URL'], model: [] },
  places: ['shell', 'env-file'],
  // Its base includes /v1, and it appends /messages: for RuAPI, https://www.ruapi.ai/v1.
  defaultBaseUrl: 'https://api.anthropic.com/v1',
  path: '/messages',
  auth: 'x-api-key',
  proxy: false,
  dotenv: { loads: 'app' },
  detect: { npm: ['@ai-sdk/anthropic'] },
  notRead: { ANTHROPIC_API_BASE: 'ANTHROPIC_BASE_URL', ANTHROPIC_API_URL: 'ANTHROPIC_BASE_URL' },
  language: 'node',
  setup: codeSetup('anthropic', 'node', [
    "import { createAnthropic } from '@ai-sdk/anthropic';",
    "import { generateText } from 'ai';",
    '',
    '// {note:ai-sdk-anthropic}',
    'const ruapi = createAnthropic({ baseURL: "{base}", apiKey: process.env.{key} });',
    "const { text } = await generateText({ model: ruapi(\"{model}\"), prompt: 'Hello' });",
  ]),
  sources: ['@ai-sdk/anthropic 3.x dist/index.js: ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, default https://api.anthropic.com/v1, `${baseURL}/messages` (shared/spec/config.md §6)'],
});
