import { CLIENT_NAME } from '../../../core/clients.js';
import { defineClient } from '../contract.js';

export default defineClient({
  id: 'claude-code',
  label: CLIENT_NAME['claude-code'],
  protocol: 'anthropic',
  api: 'messages',
  env: {
    key: ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN'],
    baseUrl: ['ANTHROPIC_BASE_URL'],
    model: ['ANTHROPIC_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL', 'ANTHROPIC_DEFAULT_HAIKU_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL', 'CLAUDE_CODE_SUBAGENT_MODEL'],
  },
  // Its settings files' env block beats the shell (shared/spec/config.md §3, ran); it reads no .env.
  places: ['settings-env', 'shell'],
  tool: 'claude-code',
  defaultBaseUrl: 'https://api.anthropic.com',
  auth: 'x-api-key',
  bearerVariable: 'ANTHROPIC_AUTH_TOKEN',
  proxy: true,
  dotenv: { loads: 'never' },
  detect: {
    // ANTHROPIC_MODEL too: the Anthropic SDKs read no model variable.
    variables: ['ANTHROPIC_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL', 'ANTHROPIC_DEFAULT_HAIKU_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL', 'CLAUDE_CODE_SUBAGENT_MODEL', 'API_TIMEOUT_MS'],
    npm: ['@anthropic-ai/claude-code'],
  },
  notRead: { ANTHROPIC_API_BASE: 'ANTHROPIC_BASE_URL', ANTHROPIC_API_URL: 'ANTHROPIC_BASE_URL' },
  setup: {
    anthropic: {
      where: '~/.claude/settings.json',
      format: 'json',
      text: ['{', '  "env": {', '    "ANTHROPIC_BASE_URL": "{base}",', '    "ANTHROPIC_MODEL": "{model}"', '  }', '}'].join('\n'),
    },
  },
  sources: [
    'https://code.claude.com/docs/en/settings: settings files and their env block; apiKeyHelper',
    'https://code.claude.com/docs/en/env-vars: ANTHROPIC_* model variables, API_TIMEOUT_MS, HTTPS_PROXY',
    'shared/spec/config.md §3 and §6: the settings env beats the shell; POST {ANTHROPIC_BASE_URL}/v1/messages?beta=true (ran)',
  ],
});
