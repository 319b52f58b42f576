import { codeSetup, defineClient } from '../contract.js';

export default defineClient({
  id: 'langchain-python',
  label: 'LangChain (Python)',
  protocol: 'openai',
  api: 'chat',
  // ChatOpenAI: openai_api_base from OPENAI_API_BASE; when unset, the openai client under it reads OPENAI_BASE_URL.
  env: { key: ['OPENAI_API_KEY'], baseUrl: ['OPENAI_API_BASE', 'OPENAI_BASE_URL'], model: [] },
  places: ['shell', 'env-file'],
  defaultBaseUrl: 'https://api.openai.com/v1',
  path: '/chat/completions',
  auth: 'bearer',
  proxy: true,
  dotenv: { loads: 'app', keepsBom: true },
  detect: { pypi: ['langchain-openai', 'langchain'] },
  language: 'python',
  setup: codeSetup('openai', 'python', [
    'import os',
    'from langchain_openai import ChatOpenAI',
    '',
    'llm = ChatOpenAI(model="{model}", base_url="{base}", api_key=os.environ["{key}"])',
    'print(llm.invoke("Hello").content)',
  ]),
  sources: ['langchain-ai/langchain libs/partners/openai/langchain_openai/chat_models/base.py: openai_api_base = from_env("OPENAI_API_BASE")', 'docs/clients-sdks.md'],
});
