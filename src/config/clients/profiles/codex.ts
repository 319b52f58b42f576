import { CLIENT_NAME } from '../../../core/clients.js';
import { defineClient } from '../contract.js';
import { CONFIG } from '../../../lang/en/config.js';
import { messages } from '../../../lang/t.js';

const t = messages(CONFIG);

export default defineClient({
  id: 'codex',
  label: CLIENT_NAME.codex,
  protocol: 'openai',
  api: 'responses',
  // The built-in openai provider takes its key from CODEX_API_KEY (codex exec), else from `codex login`
  // (auth.json), and its base URL from openai_base_url in config.toml: Codex 0.171.0 sends no
  // OPENAI_API_KEY and ignores OPENAI_BASE_URL (ran: test/judges/codex.test.ts). A [model_providers]
  // entry takes its key from its env_key only.
  env: { key: ['CODEX_API_KEY'], baseUrl: [], model: [] },
  notRead: { OPENAI_API_KEY: 'CODEX_API_KEY', OPENAI_BASE_URL: 'openai_base_url' },
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
        '# {note:codex}',
        'env_key = "{key}"',
        'wire_api = "responses"',
      ].join('\n'),
    },
  },
  // A getter: said in the language of the run, not the one of module load.
  get missingFix() {
    return { key: t('config.codex.missing-key'), baseUrl: t('config.codex.missing-base-url') };
  },
  sources: [
    'openai/codex docs/config.md: model_providers.<id>.base_url, env_key (the variable holding the key, sent as Bearer), wire_api (responses only)',
    'codex-rs model-provider-info lib.rs: POST {base_url}/responses, default https://api.openai.com/v1',
    'RuAPI docs do not mention /v1/responses (shared/spec/ruapi.md): the probe there decides',
    'https://developers.openai.com/codex/environment-variables: CODEX_API_KEY (exec, review, the TypeScript SDK); `codex login --with-api-key` writes OPENAI_API_KEY into $CODEX_HOME/auth.json (ran)',
    'test/judges/codex.test.ts, the real codex exec 0.171.0: OPENAI_API_KEY is not sent, OPENAI_BASE_URL is not read, wire_api = "chat" stops it at loading config.toml',
  ],
});
