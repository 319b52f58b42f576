import { defineClient } from '../contract.js';

export default defineClient({
  id: 'curl',
  label: 'curl',
  protocol: 'openai',
  api: 'chat',
  // curl reads no key or URL variable: ruapi's examples use RUAPI_API_KEY and spell the URL out.
  env: { key: ['RUAPI_API_KEY'], baseUrl: ['RUAPI_BASE_URL'], model: ['RUAPI_MODEL'] },
  places: ['shell'],
  defaultBaseUrl: 'https://www.ruapi.ai/v1',
  path: '/chat/completions',
  auth: 'bearer',
  proxy: true,
  dotenv: { loads: 'never' },
  detect: {},
  sources: ['curl(1) ENVIRONMENT: https_proxy (HTTPS_PROXY too), http_proxy lower case only, NO_PROXY; no variable for a key'],
});
