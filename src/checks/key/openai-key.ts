import { defineCheck } from '../types.js';
import { CONSOLE_TOKENS } from '../../core/ruapi.js';

export default defineCheck({
  id: 'key/openai-key',
  area: 'key',
  title: 'not an official OpenAI key',
  severities: ['error'],
  needs: 'key',
  run: ({ key }) => {
    if (key?.kind.kind !== 'openai') return [];
    return [
      {
        severity: 'error',
        title: 'This is an OpenAI key, not a RuAPI token',
        message: `It is ${key.kind.what}. OpenAI keys and RuAPI tokens both start with sk-, but only OpenAI accepts this one: RuAPI answers 401.`,
        fix: `Use the token from RuAPI ${CONSOLE_TOKENS} instead.`,
      },
    ];
  },
});
