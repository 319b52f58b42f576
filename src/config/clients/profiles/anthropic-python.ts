import { codeSetup, defineClient } from '../contract.js';

export default defineClient({
  id: 'anthropic-python',
  label: 'Anthropic Python SDK',
  protocol: 'anthropic',
  api: 'messages',
  env: { key: ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN'], baseUrl: ['ANTHROPIC_BASE_URL'], model: [] },
  places: ['shell', 'env-file'],
  defaultBaseUrl: 'https://api.anthropic.com',
  path: '/v1/messages',
  auth: 'x-api-key',
  bearerVariable: 'ANTHROPIC_AUTH_TOKEN',
  proxy: true,
  dotenv: { loads: 'app', keepsBom: true },
  detect: { pypi: ['anthropic'], commonVariables: true },
  notRead: { ANTHROPIC_API_BASE: 'ANTHROPIC_BASE_URL', ANTHROPIC_API_URL: 'ANTHROPIC_BASE_URL' },
  language: 'python',
  setup: codeSetup('anthropic', 'python', [
    'import os',
    'from anthropic import Anthropic',
    '',
    'client = Anthropic(base_url="{base}", {keyArg}=os.environ["{key}"])',
    'reply = client.messages.create(model="{model}", max_tokens=1024, messages=[{"role": "user", "content": "Hello"}])',
  ], { 'x-api-key': 'api_key', bearer: 'auth_token' }),
  sources: [
    'anthropics/anthropic-sdk-python src/anthropic/_client.py: ANTHROPIC_API_KEY (X-Api-Key), ANTHROPIC_AUTH_TOKEN (Authorization: Bearer), ANTHROPIC_BASE_URL, default https://api.anthropic.com; POST /v1/messages',
    'httpx trust_env: HTTPS_PROXY, HTTP_PROXY, NO_PROXY',
  ],
});
