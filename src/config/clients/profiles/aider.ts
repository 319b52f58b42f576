import { CLIENT_NAME } from '../../../core/clients.js';
import { defineClient } from '../contract.js';

export default defineClient({
  id: 'aider',
  label: CLIENT_NAME.aider,
  protocol: 'openai',
  api: 'chat',
  env: { key: ['OPENAI_API_KEY'], baseUrl: ['OPENAI_API_BASE', 'OPENAI_BASE_URL'], model: ['AIDER_MODEL'] },
  // .env files are loaded with override (they beat the shell); the YAML's openai-api-base is written into OPENAI_API_BASE.
  places: ['tool-config', 'env-file', 'shell'],
  tool: 'aider',
  defaultBaseUrl: 'https://api.openai.com/v1',
  auth: 'bearer',
  proxy: true,
  dotenv: { loads: 'itself', overridesShell: true },
  detect: { variables: ['AIDER_MODEL', 'AIDER_OPENAI_API_BASE', 'AIDER_OPENAI_API_KEY'], pypi: ['aider-chat'] },
  setup: {
    openai: {
      where: '.aider.conf.yml',
      format: 'yaml',
      text: ['# {note:aider}', 'model: "openai/{model}"', 'openai-api-base: "{base}"'].join('\n'),
    },
  },
  sources: ['Aider-AI/aider aider/main.py (os.environ["OPENAI_API_BASE"] = args.openai_api_base; load_dotenv(override=True))', 'https://aider.chat/docs/llms/openai-compat.html'],
});
