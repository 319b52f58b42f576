import { codeSetup, defineClient } from '../contract.js';

export default defineClient({
  id: 'langchain-js',
  label: 'LangChain (JS)',
  protocol: 'openai',
  api: 'chat',
  env: { key: ['OPENAI_API_KEY'], baseUrl: ['OPENAI_API_BASE', 'OPENAI_BASE_URL'], model: [] },
  places: ['shell', 'env-file'],
  defaultBaseUrl: 'https://api.openai.com/v1',
  path: '/chat/completions',
  auth: 'bearer',
  proxy: false,
  dotenv: { loads: 'app' },
  detect: { npm: ['@langchain/openai'] },
  language: 'node',
  setup: codeSetup('openai', 'node', [
    "import { ChatOpenAI } from '@langchain/openai';",
    '',
    'const llm = new ChatOpenAI({ model: "{model}", apiKey: process.env.{key}, configuration: { baseURL: "{base}" } });',
    "const reply = await llm.invoke('Hello');",
  ]),
  sources: ['@langchain/openai: apiKey from OPENAI_API_KEY; the base URL through configuration.baseURL, else the openai client (OPENAI_BASE_URL)', 'docs/clients-sdks.md'],
});
