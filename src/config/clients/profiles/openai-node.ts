import { codeSetup, defineClient } from '../contract.js';

export default defineClient({
  id: 'openai-node',
  label: 'OpenAI Node SDK',
  protocol: 'openai',
  api: 'chat',
  env: { key: ['OPENAI_API_KEY'], baseUrl: ['OPENAI_BASE_URL'], model: [] },
  places: ['shell', 'env-file'],
  defaultBaseUrl: 'https://api.openai.com/v1',
  path: '/chat/completions',
  auth: 'bearer',
  proxy: false,
  dotenv: { loads: 'app' },
  detect: { npm: ['openai'], commonVariables: true },
  notRead: { OPENAI_API_BASE: 'OPENAI_BASE_URL' },
  language: 'node',
  setup: codeSetup('openai', 'node', [
    "import OpenAI from 'openai';",
    '',
    'const client = new OpenAI({ baseURL: "{base}", apiKey: process.env.{key} });',
    "const reply = await client.chat.completions.create({ model: \"{model}\", messages: [{ role: 'user', content: 'Hello' }] });",
  ]),
  sources: [
    "openai (npm) src/client.ts: readEnv('OPENAI_API_KEY'), readEnv('OPENAI_BASE_URL'), default https://api.openai.com/v1",
    "Node's fetch ignores HTTPS_PROXY unless NODE_USE_ENV_PROXY=1 (Node 24+) or a dispatcher is given",
    'dotenv (npm) 18 skips a leading BOM; node --env-file and process.loadEnvFile keep it (docs/clients-sdks.md)',
  ],
});
