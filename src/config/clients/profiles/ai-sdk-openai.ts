import { codeSetup, defineClient } from '../contract.js';

export default defineClient({
  id: 'ai-sdk-openai',
  label: 'Vercel AI SDK (OpenAI)',
  protocol: 'openai',
  // openai(id) posts to the Responses API; openai.chat(id) to chat completions.
  api: 'responses',
  env: { key: ['OPENAI_API_KEY'], baseUrl: ['OPENAI_BASE_URL'], model: [] },
  places: ['shell', 'env-file'],
  defaultBaseUrl: 'https://api.openai.com/v1',
  path: '/responses',
  auth: 'bearer',
  proxy: false,
  dotenv: { loads: 'app' },
  detect: { npm: ['@ai-sdk/openai', '@ai-sdk/openai-compatible'] },
  language: 'node',
  setup: codeSetup('openai', 'node', [
    "import { createOpenAI } from '@ai-sdk/openai';",
    "import { generateText } from 'ai';",
    '',
    'const ruapi = createOpenAI({ baseURL: "{base}", apiKey: process.env.{key} });',
    '// {note:ai-sdk-openai}',
    "const { text } = await generateText({ model: ruapi.chat(\"{model}\"), prompt: 'Hello' });",
  ]),
  sources: ['@ai-sdk/openai: loadApiKey OPENAI_API_KEY, baseURL default https://api.openai.com/v1 (docs/clients-sdks.md)'],
});
