import { CLIENT_NAME } from '../../../core/clients.js';
import { defineClient } from '../contract.js';

export default defineClient({
  id: 'codex',
  label: CLIENT_NAME.codex,
  protocol: 'openai',
  api: 'responses',
  // The built-in openai provider: OPENAI_API_KEY, and OPENAI_BASE_URL (deprecated for openai_base_url).
  env: { key: ['OPENAI_API_KEY'], baseUrl: ['OPENAI_BASE_URL'], model: [] },
  places: ['tool-config', 'shell'],
  tool: 'codex',
  defaultBaseUrl: 'https://api.openai.com/v1',
  auth: 'bearer',
  proxy: true,
  dotenv: { loads: 'never' },
  detect: { variables: ['CODEX_HOME'], npm: ['@openai/codex'] },
  setup: {
    openai: {
      where: '~/.codex/config.toml',
      format: 'toml',
      text: [
        'model = "{model}"',
        'model_provider = "ruapi"',
        '',
        '[model_providers.ruapi]',
        'name = "RuAPI"',
        'base_url = "{base}"',
        '# The name of the variable that holds the key, not the key.',
        'env_key = "{key}"',
        'wire_api = "responses"',
      ].join('\n'),
    },
  },
  sources: [
    'openai/codex docs/config.md: model_providers.<id>.base_url, env_key (the variable holding the key, sent as Bearer), wire_api (responses only)',
    'codex-rs model-provider-info lib.rs: POST {base_url}/responses, default https://api.openai.com/v1',
    'RuAPI docs do not mention /v1/responses (shared/spec/ruapi.md): the probe there decides',
  ],
});
