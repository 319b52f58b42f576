import { codeSetup, defineClient } from '../contract.js';

export default defineClient({
  id: 'litellm',
  label: 'LiteLLM',
  protocol: 'openai',
  api: 'chat',
  env: { key: ['OPENAI_API_KEY'], baseUrl: ['OPENAI_BASE_URL', 'OPENAI_API_BASE'], model: [] },
  places: ['shell', 'env-file'],
  defaultBaseUrl: 'https://api.openai.com/v1',
  path: '/chat/completions',
  auth: 'bearer',
  proxy: true,
  dotenv: { loads: 'app', keepsBom: true },
  detect: { pypi: ['litellm'] },
  language: 'python',
  setup: codeSetup('openai', 'python', [
    'import os',
    'import litellm',
    '',
    '# {note:litellm}',
    'reply = litellm.completion(model="openai/{model}", api_base="{base}", api_key=os.environ["{key}"], messages=[{"role": "user", "content": "Hello"}])',
  ]),
  sources: ['BerriAI/litellm litellm/llms/openai: api_base from OPENAI_BASE_URL or OPENAI_API_BASE', 'docs/clients-sdks.md'],
});
