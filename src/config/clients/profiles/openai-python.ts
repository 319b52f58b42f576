import { codeSetup, defineClient } from '../contract.js';

export default defineClient({
  id: 'openai-python',
  label: 'OpenAI Python SDK',
  protocol: 'openai',
  api: 'chat',
  env: { key: ['OPENAI_API_KEY'], baseUrl: ['OPENAI_BASE_URL'], model: [] },
  places: ['shell', 'env-file'],
  defaultBaseUrl: 'https://api.openai.com/v1',
  path: '/chat/completions',
  auth: 'bearer',
  proxy: true,
  dotenv: { loads: 'app', keepsBom: true },
  detect: { pypi: ['openai'], commonVariables: true },
  notRead: { OPENAI_API_BASE: 'OPENAI_BASE_URL' },
  language: 'python',
  setup: codeSetup('openai', 'python', [
    'import os',
    'from openai import OpenAI',
    '',
    'client = OpenAI(base_url="{base}", api_key=os.environ["{key}"])',
    'reply = client.chat.completions.create(model="{model}", messages=[{"role": "user", "content": "Hello"}])',
  ]),
  sources: [
    'openai/openai-python src/openai/_client.py: api_key = os.environ.get("OPENAI_API_KEY"), base_url = os.environ.get("OPENAI_BASE_URL"), default https://api.openai.com/v1',
    'OPENAI_API_BASE was openai 0.x (openai.api_base); 1.x reads OPENAI_BASE_URL only (openai-python migration guide)',
    'httpx trust_env (default true): HTTPS_PROXY, HTTP_PROXY, NO_PROXY',
    'python-dotenv 1.2.2 keeps a leading BOM in the first name (checked; docs/clients-sdks.md)',
  ],
});
