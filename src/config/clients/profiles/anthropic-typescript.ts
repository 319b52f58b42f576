import { codeSetup, defineClient } from '../contract.js';

export default defineClient({
  id: 'anthropic-typescript',
  label: 'Anthropic TypeScript SDK',
  protocol: 'anthropic',
  api: 'messages',
  env: { key: ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN'], baseUrl: ['ANTHROPIC_BASE_URL'], model: [] },
  places: ['shell', 'env-file'],
  defaultBaseUrl: 'https://api.anthropic.com',
  path: '/v1/messages',
  // 1.x sends the key as Authorization: Bearer (0.x sent X-Api-Key): docs/clients-sdks.md.
  auth: 'bearer',
  proxy: false,
  dotenv: { loads: 'app' },
  detect: { npm: ['@anthropic-ai/sdk'], commonVariables: true },
  notRead: { ANTHROPIC_API_BASE: 'ANTHROPIC_BASE_URL', ANTHROPIC_API_URL: 'ANTHROPIC_BASE_URL' },
  language: 'node',
  setup: codeSetup('anthropic', 'node', [
    "import Anthropic from '@anthropic-ai/sdk';",
    '',
    'const client = new Anthropic({ baseURL: "{base}", {keyArg}: process.env.{key} });',
    "const reply = await client.messages.create({ model: \"{model}\", max_tokens: 1024, messages: [{ role: 'user', content: 'Hello' }] });",
  ], { 'x-api-key': 'apiKey', bearer: 'authToken' }),
  sources: [
    "@anthropic-ai/sdk (npm) client.ts: readEnv('ANTHROPIC_API_KEY') (1.x: sent as Authorization: Bearer, checked by running 1.14.0), readEnv('ANTHROPIC_AUTH_TOKEN'), readEnv('ANTHROPIC_BASE_URL'), default https://api.anthropic.com; POST /v1/messages",
    "Node's fetch ignores HTTPS_PROXY unless NODE_USE_ENV_PROXY=1 (Node 24+)",
  ],
});
